// line-height: normal against the fake measurer (10px font: primary face 8 + 2 with a 1px gap, so 11px lines with the
// baseline 8px down; ideographs from a 12 + 3 face; Arabic from an 8 + 6 face with a 2px gap). Browser parity for the
// same calls is in tests/Foretext.BrowserParity/FeatureParityTests.cs (kind "normal").
using Foretext.Layout;
using Foretext.Shaping;
using Foretext.Text;

namespace Foretext.Tests.Layout;

public class NormalLineHeightTests
{
    private const string Font = "10px Test";
    private static readonly TextLayoutEngine s_engine = new(FakeTextMeasurer.Instance);

    private static (PreparedText Prepared, LineHeightMetrics Metrics) Prepare(string text, PrepareOptions? options = null)
    {
        PreparedText prepared = s_engine.Prepare(text, Font, options);
        return (prepared, s_engine.PrepareLineMetrics(prepared));
    }

    [Fact]
    public void PrimaryFontOnlyLinesAreItsLineSpacing()
    {
        (PreparedText prepared, LineHeightMetrics metrics) = Prepare("aaaa bbbb cccc");
        Assert.Equal(new LayoutResult(2, 22), TextLayout.LayoutNormalLineHeight(prepared, metrics, 42.5));
        Assert.Equal(11, metrics.PrimaryLineHeight);
    }

    [Fact]
    public void OddLineGapPutsTheFlooredHalfAboveTheAscent_CalculateLeadingSpace()
    {
        (PreparedText prepared, LineHeightMetrics metrics) = Prepare("abc");
        Assert.Equal(8, metrics.PrimaryBaseline);
        TextLayout.TryLayoutNextLineRange(prepared, LayoutCursor.Start, 100, out LayoutLineRange line);
        Assert.Equal(new LineBox(11, 8), TextLayout.MeasureLineBox(prepared, metrics, line));
    }

    [Fact]
    public void OnlyTheLineWithTheFallbackFaceGrows()
    {
        (PreparedText prepared, LineHeightMetrics metrics) = Prepare("aaaa bbbb \u4E00\u4E01");
        var boxes = new List<LineBox>();
        TextLayout.WalkLineRanges(prepared, 42.5, range => boxes.Add(TextLayout.MeasureLineBox(prepared, metrics, range)));
        Assert.Equal([new LineBox(11, 8), new LineBox(15, 12)], boxes);
        Assert.Equal(new LayoutResult(2, 26), TextLayout.LayoutNormalLineHeight(prepared, metrics, 42.5));
    }

    [Fact]
    public void FacesAreUnitedByAscentAndDescentNotByTallestLine()
    {
        // Ideograph face: 12 above, 3 below. Arabic face: 8 + 6 with a 2px gap, so 9 above, 7 below. The line is
        // 12 + 7 = 19, taller than either face's own 15 or 16.
        (PreparedText prepared, LineHeightMetrics metrics) = Prepare("\u4E00 \u0627\u0628");
        Assert.Equal(new LayoutResult(1, 19), TextLayout.LayoutNormalLineHeight(prepared, metrics, double.PositiveInfinity));
    }

    [Fact]
    public void EmptyLinesOfPreWrapTextKeepTheStrut()
    {
        (PreparedText prepared, LineHeightMetrics metrics) = Prepare("\u4E00\n\nabc", new PrepareOptions { WhiteSpace = WhiteSpace.PreWrap });
        Assert.Equal(new LayoutResult(3, 15 + 11 + 11), TextLayout.LayoutNormalLineHeight(prepared, metrics, 100));
    }

    [Fact]
    public void EmptyTextHasNoLines()
    {
        (PreparedText prepared, LineHeightMetrics metrics) = Prepare(string.Empty);
        Assert.Equal(new LayoutResult(0, 0), TextLayout.LayoutNormalLineHeight(prepared, metrics, 100));
    }

    [Fact]
    public void MeasurerWithoutFontMetricsIsRefused()
    {
        var engine = new TextLayoutEngine(new WidthOnlyMeasurer());
        Assert.Throws<NotSupportedException>(() => engine.PrepareLineMetrics(engine.Prepare("abc", Font)));
    }

    [Fact]
    public void MetricsOfOtherTextAreRefused()
    {
        (PreparedText prepared, _) = Prepare("abc");
        (_, LineHeightMetrics other) = Prepare("def");
        Assert.Throws<ArgumentException>(() => TextLayout.LayoutNormalLineHeight(prepared, other, 100));
    }

    [Fact]
    public void LayoutNormalLineHeightAllocatesNothing()
    {
        (PreparedText prepared, LineHeightMetrics metrics) = Prepare("aaaa bbbb \u4E00\u4E01 cccc dddd \u0627\u0628");
        TextLayout.LayoutNormalLineHeight(prepared, metrics, 42.5);
        long before = GC.GetAllocatedBytesForCurrentThread();
        LayoutResult result = TextLayout.LayoutNormalLineHeight(prepared, metrics, 42.5);
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.True(result.LineCount > 1);
    }

    private sealed class WidthOnlyMeasurer : ITextMeasurer
    {
        public void MeasureAdvances(ReadOnlySpan<char> text, in MeasureStyle style, Span<double> advances) => advances.Fill(5);
    }
}
