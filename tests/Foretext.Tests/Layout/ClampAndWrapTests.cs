// Line clamp, text-overflow ellipsis and text-wrap: balance against the fake measurer (10px font: most letters 5px,
// space 2.5px; the ellipsis U+2026 measures 5px). Browser parity for the same calls is in
// tests/Foretext.BrowserParity/FeatureParityTests.cs.
using Foretext.Layout;

namespace Foretext.Tests.Layout;

public class ClampAndWrapTests
{
    private const string Font = "10px Test";
    private static readonly TextLayoutEngine s_engine = new(FakeTextMeasurer.Instance);

    private static PreparedText Prepare(string text) => s_engine.Prepare(text, Font);

    [Fact]
    public void EllipsisDefaultsToU2026WhenTheMeasurerCannotAskThePrimaryFont()
    {
        TextEllipsis ellipsis = s_engine.MeasureEllipsis(Prepare("abc"));
        Assert.Equal("\u2026", ellipsis.Text);
        Assert.Equal(5, ellipsis.Width);
        Assert.Equal("...", s_engine.MeasureEllipsis(Prepare("abc"), "...").Text);
    }

    [Fact]
    public void ClampAboveTheLineCountHidesNothing()
    {
        PreparedText prepared = Prepare("aaaa bbbb cccc");
        ClampedLayout clamped = TextLayout.LayoutClamped(prepared, 42.5, 20, 5, s_engine.MeasureEllipsis(prepared));
        Assert.False(clamped.IsTruncated);
        Assert.Equal(14, clamped.HiddenSourceStart);
        Assert.Equal(prepared.End, clamped.HiddenStart);
        Assert.Equal(["aaaa bbbb", "cccc"], clamped.Lines.Select(l => l.Text));
        Assert.Equal(40, clamped.Height);
        Assert.Equal("cccc", clamped.LastLineText);
    }

    [Fact]
    public void ClampedLineKeepsTheClustersThatFitBeforeTheEllipsis_LineTruncator()
    {
        // "aaaa bbbb" fills 42.5px; with the 5px ellipsis only 37.5px remain: "aaaa bbb" (37.5px) stays.
        PreparedText prepared = Prepare("aaaa bbbb cccc");
        ClampedLayout clamped = TextLayout.LayoutClamped(prepared, 42.5, 20, 1, s_engine.MeasureEllipsis(prepared));
        Assert.True(clamped.IsTruncated);
        Assert.Equal(8, clamped.HiddenSourceStart);
        Assert.Equal(8, prepared.GetSourceOffset(clamped.HiddenStart));
        Assert.Equal("aaaa bbb\u2026", clamped.LastLineText);
        Assert.Equal(42.5, clamped.LastLineWidth);
        Assert.Equal(20, clamped.Height);
        Assert.Equal(2, clamped.TotalLineCount);
    }

    [Fact]
    public void EllipsisFollowsAClampedLineThatFitsWithIt()
    {
        // "aaaa" (20px) and the ellipsis fit in 42.5px: nothing on the line is hidden, the next line is.
        PreparedText prepared = Prepare("aaaa bbbbbbbb");
        ClampedLayout clamped = TextLayout.LayoutClamped(prepared, 42.5, 20, 1, s_engine.MeasureEllipsis(prepared));
        Assert.True(clamped.IsTruncated);
        Assert.Equal(5, clamped.HiddenSourceStart);
        Assert.Equal("aaaa\u2026", clamped.LastLineText);
        Assert.Equal(25, clamped.LastLineWidth);
    }

    [Fact]
    public void TheFirstCharacterIsClippedNotEllipsized()
    {
        PreparedText prepared = Prepare("abcdef");
        ClampedLayout clamped = TextLayout.LayoutEllipsized(prepared, 6, 20, s_engine.MeasureEllipsis(prepared));
        Assert.True(clamped.IsTruncated);
        Assert.Equal(1, clamped.HiddenSourceStart);
        Assert.Equal("a\u2026", clamped.LastLineText);
    }

    [Fact]
    public void NoWrapEllipsisOnlyWhenTheLineOverflows()
    {
        PreparedText prepared = Prepare("aaaa bbbb cccc");
        TextEllipsis ellipsis = s_engine.MeasureEllipsis(prepared);
        Assert.False(TextLayout.LayoutEllipsized(prepared, 65, 20, ellipsis).IsTruncated);
        ClampedLayout cut = TextLayout.LayoutEllipsized(prepared, 64.9, 20, ellipsis);
        Assert.True(cut.IsTruncated);
        Assert.Single(cut.Lines);
        Assert.Equal("aaaa bbbb cc\u2026", cut.LastLineText);
    }

    [Fact]
    public void ClampValidatesItsArguments()
    {
        PreparedText prepared = Prepare("abc");
        TextEllipsis ellipsis = s_engine.MeasureEllipsis(prepared);
        Assert.Throws<ArgumentOutOfRangeException>(() => TextLayout.LayoutClamped(prepared, 100, 20, 0, ellipsis));
        Assert.Throws<ArgumentNullException>(() => TextLayout.LayoutClamped(prepared, 100, 20, 1, null!));
    }

    [Fact]
    public void BalanceKeepsTheLineCountAndEvensTheLines()
    {
        // Greedy: "aaaa bbbb cccc" (62.5px) + "dd"; balanced at the narrowest width keeping two lines.
        PreparedText prepared = Prepare("aaaa bbbb cccc dd");
        LayoutLinesResult greedy = TextLayout.LayoutWithLines(prepared, 65, 20);
        LayoutLinesResult balanced = TextLayout.LayoutWithLinesWrapped(prepared, 65, 20, TextWrap.Balance);
        Assert.Equal(["aaaa bbbb cccc", "dd"], greedy.Lines.Select(l => l.Text));
        Assert.Equal(["aaaa bbbb", "cccc dd"], balanced.Lines.Select(l => l.Text));
        Assert.Equal(greedy.LineCount, TextLayout.LayoutWrapped(prepared, 65, 20, TextWrap.Balance).LineCount);
        Assert.Equal(65, TextLayout.WrapWidth(prepared, 65, TextWrap.Wrap));
    }

    [Fact]
    public void BalanceLeavesOneLineAndLongParagraphsAlone()
    {
        PreparedText one = Prepare("aaaa bbbb");
        Assert.Equal(100, TextLayout.WrapWidth(one, 100, TextWrap.Balance));

        // More than six greedy lines: Chromium does not balance (kMaxLinesForBalance).
        PreparedText seven = Prepare(string.Join(' ', Enumerable.Repeat("aaaa", 7)));
        Assert.Equal(7, TextLayout.Layout(seven, 22, 20).LineCount);
        Assert.Equal(22, TextLayout.WrapWidth(seven, 22, TextWrap.Balance));
    }
}
