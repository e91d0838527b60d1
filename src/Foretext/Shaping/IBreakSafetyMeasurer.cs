namespace Foretext.Shaping;

/// <summary>
/// A measurer that can also say where the text is unsafe to break: where cutting it and shaping the two sides apart
/// would give other glyphs or advances (HarfBuzz's <c>HB_GLYPH_FLAG_UNSAFE_TO_BREAK</c>: a kerned pair, a ligature,
/// a contextual form). Chromium reshapes a line end only there (ShapingLineBreaker::ShapeLine reshapes from the last
/// safe-to-break offset before the break), so a break-anywhere line ending at a safe boundary keeps its in-context
/// width. Without this interface every grapheme boundary is treated as possibly unsafe.
/// </summary>
public interface IBreakSafetyMeasurer
{
    /// <summary>
    /// Writes the advances of <paramref name="text"/> exactly as <see cref="ITextMeasurer.MeasureAdvances"/> does and
    /// sets <paramref name="unsafeToBreak"/>[i] when breaking before UTF-16 offset i would change the shaping.
    /// </summary>
    /// <param name="text">The text of one inline run.</param>
    /// <param name="style">Font, language and letter spacing.</param>
    /// <param name="advances">Same length as <paramref name="text"/>.</param>
    /// <param name="unsafeToBreak">Same length as <paramref name="text"/>.</param>
    void MeasureAdvances(ReadOnlySpan<char> text, in MeasureStyle style, Span<double> advances, Span<bool> unsafeToBreak);
}
