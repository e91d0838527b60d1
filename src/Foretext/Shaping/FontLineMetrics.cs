namespace Foretext.Shaping;

/// <summary>
/// The vertical metrics of one face at one size as Chromium uses them for <c>line-height: normal</c>, in CSS px:
/// Blink's SimpleFontData rounds the ascent and descent Skia reports to whole px (SkScalarRoundToScalar), and its
/// line spacing is <c>lroundf(ascent) + lroundf(descent) + lroundf(lineGap)</c>.
/// </summary>
/// <param name="Ascent">Distance from the baseline up to the face's ascent line, px (positive).</param>
/// <param name="Descent">Distance from the baseline down to the face's descent line, px (positive).</param>
/// <param name="LineGap">The face's line gap (leading), px.</param>
public readonly record struct FontLineMetrics(double Ascent, double Descent, double LineGap)
{
    /// <summary>Blink's FontMetrics::LineSpacing: each term rounded half away from zero, then summed.</summary>
    public double LineSpacing => Math.Round(Ascent, MidpointRounding.AwayFromZero) + Math.Round(Descent, MidpointRounding.AwayFromZero)
        + Math.Round(LineGap, MidpointRounding.AwayFromZero);
}
