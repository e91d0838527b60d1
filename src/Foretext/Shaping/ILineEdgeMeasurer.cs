namespace Foretext.Shaping;

/// <summary>
/// A measurer that can also shape text as the end of a line (closing punctuation, the hyphen). Chromium's default <c>text-spacing-trim</c>
/// (HanKerning) sets a fullwidth closing punctuation at the end of a line in half its width when the full width
/// would not fit (ShapingLineBreaker::ShapeLine, "extend the candidate break"), so a line can hold a closing
/// bracket or full stop that does not fit at full width.
/// </summary>
public interface ILineEdgeMeasurer
{
    /// <summary>
    /// Writes the advances of <paramref name="text"/> shaped as the last text on a line (same contract as
    /// <see cref="ITextMeasurer.MeasureAdvances"/>): a trailing character that the font and language trim at a
    /// line end gets its trimmed advance; everything else is as <see cref="ITextMeasurer.MeasureAdvances"/> gives.
    /// </summary>
    void MeasureLineEndAdvances(ReadOnlySpan<char> text, in MeasureStyle style, Span<double> advances);

    /// <summary>
    /// The hyphen a line broken at a soft hyphen ends with, as Blink's ComputedStyle::HyphenString picks it:
    /// U+2010 HYPHEN when the style's primary font (its first available family) has a glyph for it, else U+002D.
    /// </summary>
    string HyphenString(in MeasureStyle style);
}
