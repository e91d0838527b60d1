namespace Foretext.Shaping;

/// <summary>The computed style a measurer needs to shape a run.</summary>
/// <param name="Font">A CSS <c>font</c> shorthand, e.g. <c>16px "Noto Serif", serif</c>.</param>
/// <param name="Lang">BCP 47 language of the run (the HTML <c>lang</c> attribute), or null for none.</param>
/// <param name="LetterSpacing">CSS letter-spacing in px. Non-zero disables optional ligatures, as browsers do.</param>
public readonly record struct MeasureStyle(string Font, string? Lang, double LetterSpacing);
