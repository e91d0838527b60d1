// Line clamp, text-overflow ellipsis and text-wrap: balance against the fake measurer (10px font: most letters 5px,
// space 2.5px; the ellipsis U+2026 measures 5px). Browser parity for the same calls is in
// tests/Foretext.BrowserParity/FeatureParityTests.cs.
using Foretext.Layout;
using Foretext.Text;

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
        // Greedy: "aaaa bbbb cccc" (65px) + "dd". Scores (free space squared): after "aaaa" 45^2 + 10^2, after
        // "bbbb" 22.5^2 + 32.5^2, after "cccc" ~0 + 55^2 + the orphan penalty 10000: the middle break wins.
        PreparedText prepared = Prepare("aaaa bbbb cccc dd");
        LayoutLinesResult greedy = TextLayout.LayoutWithLines(prepared, 65, 20);
        LayoutLinesResult balanced = TextLayout.LayoutWithLinesWrapped(prepared, 65, 20, TextWrap.Balance);
        Assert.Equal(["aaaa bbbb cccc", "dd"], greedy.Lines.Select(l => l.Text));
        Assert.Equal(["aaaa bbbb", "cccc dd"], balanced.Lines.Select(l => l.Text));
        Assert.Equal([42.5, 32.5], balanced.Lines.Select(l => l.Width));
        Assert.Equal(greedy.LineCount, TextLayout.LayoutWrapped(prepared, 65, 20, TextWrap.Balance).LineCount);
    }

    [Fact]
    public void BalanceLeavesOneLineAndLongParagraphsAlone()
    {
        PreparedText one = Prepare("aaaa bbbb");
        Assert.Equal(["aaaa bbbb"], TextLayout.LayoutWithLinesWrapped(one, 100, 20, TextWrap.Balance).Lines.Select(l => l.Text));

        // More than six greedy lines: Chromium does not balance (kMaxLinesForBalance).
        PreparedText seven = Prepare("aaaa bbbb cc dd ee ff gg hh ii jj kkkk llll");
        LayoutLinesResult greedy = TextLayout.LayoutWithLines(seven, 22.5, 20);
        Assert.True(greedy.LineCount > 6);
        Assert.Equal(greedy.Lines.Select(l => l.Text), TextLayout.LayoutWithLinesWrapped(seven, 22.5, 20, TextWrap.Balance).Lines.Select(l => l.Text));
    }

    [Fact]
    public void PrettyMovesAShortLastWordOffItsOwnLine()
    {
        // The last line "dd" (10px) is under a third of 65px and one word: the last line scores nothing, so the break
        // with the least free space on the first line wins, except the one right before the end (orphan penalty).
        PreparedText prepared = Prepare("aaaa bbbb cccc dd");
        LayoutLinesResult pretty = TextLayout.LayoutWithLinesWrapped(prepared, 65, 20, TextWrap.Pretty);
        Assert.Equal(["aaaa bbbb", "cccc dd"], pretty.Lines.Select(l => l.Text));
        Assert.Equal(TextLayout.Layout(prepared, 65, 20), TextLayout.LayoutWrapped(prepared, 65, 20, TextWrap.Pretty));
    }

    [Theory]
    [InlineData("aaaa bbbb cccc ddddd")] // the last line (25px) is not under a third of 65px
    [InlineData("aaaa bbbb cccc d d")] // the last line has a break opportunity inside
    [InlineData("aaaa bb dd")] // too few opportunities
    public void PrettyLeavesOtherParagraphsGreedy(string text)
    {
        PreparedText prepared = Prepare(text);
        Assert.Equal(
            TextLayout.LayoutWithLines(prepared, 65, 20).Lines.Select(l => l.Text),
            TextLayout.LayoutWithLinesWrapped(prepared, 65, 20, TextWrap.Pretty).Lines.Select(l => l.Text));
    }

    [Fact]
    public void PrettyLooksAtEachParagraphsLastFourLines()
    {
        // Two paragraphs (pre-wrap line feed); in the first, only the last four of six greedy lines may move.
        var prepared = s_engine.Prepare("aaaa bbbb cccc dddd eeee ffff gggg hhhh iiii jjjj kkkk ll\nmmmm nnnn oooo pp", Font, new PrepareOptions { WhiteSpace = WhiteSpace.PreWrap });
        string[] greedy = TextLayout.LayoutWithLines(prepared, 45, 20).Lines.Select(l => l.Text).ToArray();
        string[] pretty = TextLayout.LayoutWithLinesWrapped(prepared, 45, 20, TextWrap.Pretty).Lines.Select(l => l.Text).ToArray();
        Assert.Equal(greedy.Length, pretty.Length);
        Assert.Equal(greedy[..2], pretty[..2]);
        Assert.NotEqual(greedy, pretty);
        Assert.Equal("kkkk ll", pretty[5]);
    }

    [Fact]
    public void WrapRejectsUndefinedValues()
    {
        PreparedText prepared = Prepare("abc");
        Assert.Throws<ArgumentOutOfRangeException>(() => TextLayout.LayoutLineRangesWrapped(prepared, 100, (TextWrap)7));
    }
}
