// Stage: Shaping (the seam for vertical metrics). Input: a run of text with one computed style. Output: the metrics
// of the primary font and of the face that shaped each character, so Layout can size line boxes for
// line-height: normal without ever seeing a font.

namespace Foretext.Shaping;

/// <summary>
/// A measurer that can report the faces' vertical metrics for <c>line-height: normal</c>. Chromium sizes each line box
/// from the primary font (the strut, always present) and from every fallback font that shaped text on the line
/// (InlineBoxState::AccumulateUsedFonts), each with its own line gap split around it.
/// </summary>
public interface IFontMetricsMeasurer
{
    /// <summary>The metrics of the style's primary font (its first available family) at the style's size.</summary>
    FontLineMetrics MeasurePrimaryFontMetrics(in MeasureStyle style);

    /// <summary>
    /// Writes into <paramref name="metrics"/> (same length as <paramref name="text"/>) the metrics of the face that
    /// shapes each UTF-16 code unit of <paramref name="text"/>, the same faces <see cref="ITextMeasurer.MeasureAdvances"/>
    /// uses (fallback fonts included).
    /// </summary>
    void MeasureUsedFontMetrics(ReadOnlySpan<char> text, in MeasureStyle style, Span<FontLineMetrics> metrics);
}
