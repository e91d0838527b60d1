// The bidi level of each segment, for renderers (Pretext's segLevels). The line walker never reads them.

namespace Foretext.Layout;

internal static class BidiLevels
{
    public static byte[] ForSegments(PreparedText prepared)
    {
        var levels = new byte[prepared.SegmentCount];
        for (int i = 0; i < levels.Length; i++)
        {
            levels[i] = prepared._levels[prepared._segmentStarts[i]];
        }

        return levels;
    }
}
