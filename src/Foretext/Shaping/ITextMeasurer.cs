// Stage: Shaping (the seam between font work and layout).
// Input: a run of inline text with one computed style. Output: the advance of every UTF-16 code unit.
// Layout never sees a font: Prepare asks a measurer for advances once and keeps only numbers.

namespace Foretext.Shaping;

/// <summary>
/// Measures text the way a browser shapes one inline run: the whole run is shaped in context (kerning,
/// ligatures, contextual forms, CJK punctuation spacing), then each cluster's advance is reported on the
/// first UTF-16 code unit of the cluster and zero on the rest.
/// </summary>
/// <remarks>
/// Implementations must be deterministic and safe to call from many threads. A measurer may split the run at
/// spaces internally (browsers do not kern across a space), but must never let a result depend on text outside
/// <c>text</c>. Letter spacing is not applied by the measurer; Prepare adds it per grapheme cluster, or per shaping
/// cluster when the measurer is an <see cref="IClusterMeasurer"/>.
/// </remarks>
public interface ITextMeasurer
{
    /// <summary>
    /// Writes the advance in CSS px of each UTF-16 code unit of <paramref name="text"/> into
    /// <paramref name="advances"/> (same length): a cluster's advance on its first code unit, zero on the others.
    /// </summary>
    /// <param name="text">One paragraph or part of one, containing no hard line breaks.</param>
    /// <param name="style">Font, language and spacing of the run.</param>
    /// <param name="advances">Receives one value per UTF-16 code unit of <paramref name="text"/>.</param>
    /// <exception cref="FormatException">The font string cannot be parsed.</exception>
    void MeasureAdvances(ReadOnlySpan<char> text, in MeasureStyle style, Span<double> advances);
}
