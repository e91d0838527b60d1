using Foretext.Text;
namespace Foretext.Layout;
internal static class BidiLevels
{
    public static byte[] ForSegments(PreparedText prepared, TextDirection direction) => new byte[prepared.SegmentCount];
}
