// Stage: Shaping tests: per-grapheme advances inside a HarfBuzz cluster that holds several graphemes, and letter
// spacing where clusters and graphemes differ. Input: Myanmar syllables in Debian's Noto Sans Myanmar, Indic conjuncts
// and Hangul jamo in Noto fonts. Output: prefix and spaced widths as Chromium lays them out.

using Foretext.HarfBuzz;
using Foretext.Layout;
using Foretext.Text;
using Foretext.Shaping;
using Xunit;

namespace Foretext.Tests.Shaping;

public sealed class GraphemesInsideClustersTests
{
    // Chromium 156 span widths (16px "DejaVu Sans", "Noto Sans Myanmar", lang my): a break-anywhere line ending
    // inside a HarfBuzz cluster is as wide as its text reshaped alone (ShapingLineBreaker::ShapeLine).
    [Theory]
    [InlineData("\u101E\u1014\u100A\u103A\u1038", 4, 44.90625)] // ends after \u100A\u103A, before the visarga
    [InlineData("\u1014\u103E\u102F\u1010\u103A\u101E\u102E\u1038", 7, 50.28125)]
    public void LineEndInsideAClusterIsTheReshapedPrefix_BlinkShapeLine(string text, int end, double chromiumWidth)
    {
        using var measurer = new HarfBuzzTextMeasurer();
        var style = new MeasureStyle("16px \"DejaVu Sans\", \"Noto Sans Myanmar\", sans-serif", "my", 0);
        double[] advances = new double[text.Length];
        measurer.MeasureAdvances(text, style, advances);
        double prefix = 0;
        for (int i = 0; i < end; i++)
        {
            prefix += advances[i];
        }

        Assert.Equal(chromiumWidth, Math.Ceiling(prefix * 64) / 64);
    }

    // Chromium 156, 16px "DejaVu Sans", "Noto Sans Myanmar", lang my, letter-spacing 1px: each text below is one
    // HarfBuzz cluster of two graphemes and grows by 1px, not 2 (35.15625, 23.578125, 25.296875 without spacing).
    [Theory]
    [InlineData("\u1000\u1031\u102C", 36.15625)]
    [InlineData("\u101E\u102E\u1038", 24.578125)]
    [InlineData("\u101C\u102C", 26.296875)]
    public void LetterSpacingIsPerShapingCluster_ChromiumLetterSpacing(string text, double chromiumWidth)
    {
        using var measurer = new HarfBuzzTextMeasurer();
        var engine = new TextLayoutEngine(measurer);
        PreparedText prepared = engine.Prepare(text, "16px \"DejaVu Sans\", \"Noto Sans Myanmar\", sans-serif", new PrepareOptions { Lang = "my", LetterSpacing = 1 });
        Assert.Equal(chromiumWidth, TextLayout.MeasureNaturalWidth(prepared));
    }

    // Chromium 156, 100px, letter-spacing 10px (widths without spacing in the comments): each text is one grapheme
    // (UAX #29 GB9c joins a conjunct, GB6 a jamo sequence) but several HarfBuzz clusters at the default cluster level,
    // and Chromium spaces each cluster. The half form of \u0915\u094D stays apart from \u092F (two clusters, +20px);
    // \u0915\u094D\u0937 becomes one glyph and the Bengali ya-phala merges into its consonant's cluster (+10px);
    // the reph of \u0930\u094D\u0915\u094D\u092F moves to the end and merges the syllable (+10px).
    [Theory]
    [InlineData("\u0915\u094D\u092F", "Noto Serif Devanagari", "hi", 130.40625)] // 110.40625
    [InlineData("\u0915\u094D\u092F\u094B\u0902", "Noto Serif Devanagari", "hi", 155)] // 135
    [InlineData("\u0938\u094D\u0924\u094D\u0930", "Noto Sans Devanagari", "hi", 114.109375)] // 94.109375
    [InlineData("\u0915\u094D\u0937", "Noto Serif Devanagari", "hi", 79.5)] // 69.5
    [InlineData("\u0930\u094D\u0915\u094D\u092F", "Noto Serif Devanagari", "hi", 120.40625)] // 110.40625
    [InlineData("\u0995\u09CD\u09AF", "Noto Serif Bengali", "bn", 108.8125)] // 98.8125
    [InlineData("\u1100\u1100\u1161", "Noto Sans CJK KR", "ko", 204)] // 184
    public void LetterSpacingIsPerShapingClusterNotPerGrapheme_ChromiumLetterSpacing(string text, string family, string lang, double chromiumWidth)
    {
        using var measurer = new HarfBuzzTextMeasurer();
        var engine = new TextLayoutEngine(measurer);
        PreparedText prepared = engine.Prepare(text, $"100px \"{family}\"", new PrepareOptions { Lang = lang, LetterSpacing = 10 });
        Assert.Equal(chromiumWidth, TextLayout.MeasureNaturalWidth(prepared));
    }

    // Chromium 156 (sweep-029-url-s24-w75): 24px "Noto Serif CJK SC", 75px, overflow-wrap: break-word. In context the
    // first '/' of `//` is kerned to 6.48px and `https:/` is 74.59px, but the reshaped line end `https:/` is 76.56px,
    // so the line ends after `https:`.
    [Fact]
    public void BreakAnywhereLineEndIsReshaped_BlinkShapeLine()
    {
        using var measurer = new HarfBuzzTextMeasurer();
        var engine = new TextLayoutEngine(measurer);
        PreparedText prepared = engine.Prepare("to do https://mouth.example.com", "24px \"Noto Serif CJK SC\", serif", new PrepareOptions { Lang = "en", OverflowWrap = OverflowWrap.BreakWord });
        LayoutLinesResult result = TextLayout.LayoutWithLines(prepared, 75, 30);
        Assert.Equal("https:", result.Lines[1].Text);
    }
}
