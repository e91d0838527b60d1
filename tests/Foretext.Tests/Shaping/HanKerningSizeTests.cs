// Stage: Shaping tests: text-spacing-trim's character classes are decided per font size.
// Input: pairs of fullwidth punctuation in Debian's Noto Serif CJK SC at 8-13px. Output: their width as one line,
// against Chromium 156's span widths.

using Foretext.HarfBuzz;
using Foretext.Layout;
using Xunit;

namespace Foretext.Tests.Shaping;

public sealed class HanKerningSizeTests
{
    // Blink's HanKerning::FontData classes the quotes from Skia's glyph bounds, whole pixels at the font's size, against
    // half the ideographic advance: `”` ends at 0.429 em, so 4 px at 8px against a half em of 3.99998 (not a closing
    // glyph), while `“` starts at 0.571 em, 6 px at 12px against 6.00005 (not an opening one). Where the quotes are not
    // both fullwidth classes, `「“` and `”」` keep their full widths; the dots are trimmed at every size.
    [Theory]
    [InlineData(8, "「“", 16)]
    [InlineData(8, "”」", 16)]
    [InlineData(8, "。「", 12)]
    [InlineData(9, "「“", 13.515625)]
    [InlineData(10, "「“", 20)]
    [InlineData(10, "。「", 15)]
    [InlineData(11, "「“", 16.5)]
    [InlineData(11, "”」", 16.5)]
    [InlineData(12, "「“", 24.015625)]
    [InlineData(12, "。「", 18.015625)]
    [InlineData(13, "”」", 19.515625)]
    public void QuoteClassesFollowPixelBoundsAtTheSize_BlinkHanKerningFontData(double sizePx, string text, double chromiumWidth)
    {
        using var measurer = new HarfBuzzTextMeasurer();
        var engine = new TextLayoutEngine(measurer);
        PreparedText prepared = engine.Prepare(text, $"{sizePx}px \"Noto Serif CJK SC\", serif", new PrepareOptions { Lang = "mul" });
        Assert.Equal(chromiumWidth, TextLayout.MeasureNaturalWidth(prepared));
    }
}
