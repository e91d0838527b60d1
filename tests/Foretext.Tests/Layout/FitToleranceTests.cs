// Layout against Chromium with real fonts where a fraction of a pixel decides a line: the fit test's LayoutUnit
// epsilon, a hyphenated line end reshaped, a line-start gain. Input: sentences in Debian's DejaVu Sans and Noto Serif CJK SC,
// the ja-rashomon corpus. Output:
// line starts as Chromium 156 lays them out.

using Foretext.HarfBuzz;
using Foretext.Layout;
using Xunit;

namespace Foretext.Tests.Layout;

public sealed class FitToleranceTests
{
    // "why I like" is 75.015625px (canvas measureText and the span agree), yet Chromium keeps it on a 75px line and
    // moves "like" down at 74.99px: lines [0, 11, 17] and [0, 6, 11, 17].
    [Theory]
    [InlineData(75, new[] { 0, 11, 17 })]
    [InlineData(74.99, new[] { 0, 6, 11, 17 })]
    public void ALineMayExceedTheBoxByOneLayoutUnit_BlinkAvailableWidthToFit(double width, int[] chromiumStarts)
    {
        using var measurer = new HarfBuzzTextMeasurer();
        var engine = new TextLayoutEngine(measurer);
        PreparedText prepared = engine.Prepare("why I like you.\u201D she", "16px \"DejaVu Sans\", sans-serif", new PrepareOptions { Lang = "en" });
        int[] starts = TextLayout.LayoutWithLines(prepared, width, 20).Lines.Select(l => l.SourceStart).ToArray();
        Assert.Equal(chromiumStarts, starts);
        Assert.Equal(chromiumStarts.Length, TextLayout.Layout(prepared, width, 20).LineCount);
    }

    // Chromium 156 (seed-777 sweep, 10px Noto Serif CJK SC, lang en, 48px): HarfBuzz kerns `r` with the `a` after the soft
    // hyphen in `gr\u00ADaphi`; a line ending there with a hyphen is reshaped without the `a`, so `phalo\u00ADgr` +
    // U+2010 is 48.09px and does not fit (kerned it would be 47.99px).
    [Fact]
    public void HyphenatedLineEndIsReshaped_BlinkShapeLine()
    {
        const string Text = "until June ni\u00ADnete\u00ADen-e\u00ADig\u00ADhte\u00ADen. in\u00ADte\u00ADrn\u00ADati\u00ADonali\u00ADzation I knew I\u2019d seen you "
            + "so\u00ADmewh\u00ADere befo\u00ADre.\u201D li\u00ADvin\u00ADg-room was de\u00ADser\u00ADted. in the hal\u00ADf-dar\u00ADkn\u00ADess. \u201CWhat?\u201D "
            + "elec\u00ADtroe\u00ADnce\u00ADphalo\u00ADgr\u00ADaphi\u00ADcally I inq\u00ADui\u00ADred";
        int[] chromium = [0, 6, 14, 22, 35, 44, 54, 63, 68, 77, 84, 93, 103, 112, 121, 133, 140, 146, 158, 166, 171, 180, 186, 194, 202];
        using var measurer = new HarfBuzzTextMeasurer();
        var engine = new TextLayoutEngine(measurer);
        PreparedText prepared = engine.Prepare(Text, "10px \"Noto Serif CJK SC\", serif", new PrepareOptions { Lang = "en" });
        Assert.Equal(chromium, TextLayout.LayoutWithLines(prepared, 48, 14).Lines.Select(l => l.SourceStart).ToArray());
        Assert.Equal(chromium.Length, TextLayout.Layout(prepared, 48, 14).LineCount);
    }

    // Chromium 156, ja-rashomon at 265px (an odd width, not in the recorded snapshots): lines start at 776, 788, 801.
    // The line from 776 starts with `「`, which the `、` before it trimmed and which a line start gives back its full
    // width; with it `「下人が雨やみを待つてゐた」` is 270px even with the last `」` halved, so `た」` moves down.
    [Fact]
    public void LineStartGainCountsInTheLineEndExtension_BlinkShapeLine()
    {
        CorpusInfo ja = SharedData.Corpora().Single(c => c.Id == "ja-rashomon");
        using var measurer = new HarfBuzzTextMeasurer();
        var engine = new TextLayoutEngine(measurer);
        PreparedText prepared = engine.Prepare(ja.Text, ja.Font, new PrepareOptions { Lang = ja.Lang });
        int[] starts = TextLayout.LayoutWithLines(prepared, 265, ja.LineHeight).Lines.Select(l => l.SourceStart).ToArray();
        int at = Array.IndexOf(starts, 776);
        Assert.True(at >= 0, "no line starts at 776");
        Assert.Equal([776, 788, 801], starts[at..(at + 3)]);
    }

    // Chromium 156 (a sweep recorded with seed 4242): `し` is kerned against `て` (11.64px), so ShapeLine reshapes the line
    // end `。さうし|て`; the line start to `し` is 36.015625 as LayoutUnit positions, plus `し` alone 12.00009, past
    // 48.015625, and the line ends after `う`, though the exact 48.00037 would fit.
    [Fact]
    public void ReshapedLineEndIsMeasuredFromLayoutUnitPositions_BlinkShapeLine()
    {
        using var measurer = new HarfBuzzTextMeasurer();
        var engine = new TextLayoutEngine(measurer);
        PreparedText prepared = engine.Prepare("\u3002\u3055\u3046\u3057\u3066\u3001\u53C8\u3055\u3064\u304D\u3001\u3053\u306E\u9580\u306E\u4E0A\u3078\u4E0A\u3064\u3066\u3001\u3053\u306E\u8001\u5A46\u3092\u6355\u3078\u305F\u6642\u306E\u52C7\u6C23\u3068\u306F",
            "12px \"Noto Sans CJK KR\", \"Noto Serif CJK JP\", sans-serif", new PrepareOptions { Lang = "ja", WhiteSpace = Foretext.Text.WhiteSpace.PreWrap });
        int[] chromium = [0, 3, 7, 11, 15, 19, 23, 27, 31];
        Assert.Equal(chromium, TextLayout.LayoutWithLines(prepared, 48, 17).Lines.Select(l => l.SourceStart).ToArray());
        Assert.Equal(chromium.Length, TextLayout.Layout(prepared, 48, 17).LineCount);
    }

    // Chromium 156 (probed, 16px Noto Sans CJK JP, lang ja, keep-all): the word opening with `「` after `、` is too wide
    // for the line, so it breaks anywhere; its line starts with `「` at its full width, as the first pass had it.
    [Theory]
    [InlineData(40, new[] { 0, 2, 4, 6, 8, 10, 12, 14, 16, 18 })]
    [InlineData(72, new[] { 0, 4, 8, 12, 16 })]
    [InlineData(104, new[] { 0, 4, 10, 16 })]
    public void BreakAnywhereKeepsTheLineStartGain_BlinkHandleOverflow(double width, int[] chromiumStarts)
    {
        using var measurer = new HarfBuzzTextMeasurer();
        var engine = new TextLayoutEngine(measurer);
        PreparedText prepared = engine.Prepare("\u3042\u3044\u3046\u3001\u300C\u304B\u304D\u304F\u3051\u3053\u3055\u3057\u3059\u305B\u305D\u305F\u3061\u3064\u3066\u3068\u300D",
            "16px \"Noto Sans CJK JP\", sans-serif", new PrepareOptions { Lang = "ja", WordBreak = Foretext.Text.WordBreak.KeepAll });
        Assert.Equal(chromiumStarts, TextLayout.LayoutWithLines(prepared, width, 24).Lines.Select(l => l.SourceStart).ToArray());
        Assert.Equal(chromiumStarts.Length, TextLayout.Layout(prepared, width, 24).LineCount);
    }

    // Chromium 156 (probed, 22px Liberation Serif, which kerns `Y` with the space after it): `AVAWAY ` is 87.5px kerned and
    // 88.31px reshaped. A line that starts the paragraph keeps it kerned (TruncateLineEndResult); one that starts inside
    // the shaping item, after `Ta `, reshapes the line end (ShapeLine) and needs 88.5px.
    [Theory]
    [InlineData("AVAWAY Tokyo and", 87.5, new[] { 0, 7, 13 })]
    [InlineData("Ta AVAWAY Tokyo and", 88, new[] { 0, 3, 8, 16 })]
    [InlineData("Ta AVAWAY Tokyo and", 88.5, new[] { 0, 3, 10, 16 })]
    public void KernedSpaceIsReshapedOnlyInsideTheItem_BlinkShapeLine(string text, double width, int[] chromiumStarts)
    {
        using var measurer = new HarfBuzzTextMeasurer();
        var engine = new TextLayoutEngine(measurer);
        PreparedText prepared = engine.Prepare(text, "22px \"Liberation Serif\", serif", new PrepareOptions { Lang = "en" });
        Assert.Equal(chromiumStarts, TextLayout.LayoutWithLines(prepared, width, 30).Lines.Select(l => l.SourceStart).ToArray());
        Assert.Equal(chromiumStarts.Length, TextLayout.Layout(prepared, width, 30).LineCount);
    }

    // Chromium 156 (sweep-003, 12px Noto Sans, pre-wrap, letter-spacing 1px, 75px): tab stops are 8 spaces with letter
    // spacing apart, but the smallest tab is half the font's own space (Font::TabWidth): `he is\t` ends 1.81px before
    // a stop, more than half of the 3.12px space, so the tab stops there and `and` stays on the line.
    [Fact]
    public void SmallestTabIsHalfTheSpaceWithoutLetterSpacing_BlinkTabWidth()
    {
        const string Text = "of   a   \U0001F3F3\uFE0F\u200D\U0001F308   mile   down\nthe road.\u201D to \U0001F363 be my \U0001F469\u200D\U0001F4BB \u2764\uFE0F best friend  years ago.\u201D  he is\tand  what   he 1\uFE0F\u20E3 does,\u201D   insisted \U0001F44D\U0001F3FD\nTom.\t1\uFE0F\u20E3 \u201CAnd \U0001F363";
        int[] chromium = [0, 18, 25, 30, 41, 50, 62, 75, 88, 99, 109, 122, 136, 141];
        using var measurer = new HarfBuzzTextMeasurer();
        var engine = new TextLayoutEngine(measurer);
        PreparedText prepared = engine.Prepare(Text, "12px \"Noto Sans\", \"Noto Color Emoji\", sans-serif",
            new PrepareOptions { Lang = "en", WhiteSpace = Foretext.Text.WhiteSpace.PreWrap, LetterSpacing = 1 });
        Assert.Equal(chromium, TextLayout.LayoutWithLines(prepared, 75, 17).Lines.Select(l => l.SourceStart).ToArray());
        Assert.Equal(chromium.Length, TextLayout.Layout(prepared, 75, 17).LineCount);
    }
}
