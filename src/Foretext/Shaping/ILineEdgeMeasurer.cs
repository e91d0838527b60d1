namespace Foretext.Shaping;

/// <summary>
/// A measurer that can also shape text as the end of a line. Chromium's default <c>text-spacing-trim</c>
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
}
