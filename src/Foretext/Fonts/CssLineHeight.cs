// Stage: Fonts (descriptors). The optional "/ line-height" part of the font shorthand.
// Spec: CSS 2.1 line-height: normal | number | length | percentage.

namespace Foretext.Fonts;

/// <summary>A line height given in a CSS <c>font</c> shorthand after the size.</summary>
/// <param name="Value">Multiplier of the font size when <paramref name="IsMultiplier"/>, else CSS px.</param>
/// <param name="IsMultiplier">True for a unitless number (<c>/1.5</c>); percentages are resolved to px.</param>
public readonly record struct CssLineHeight(double Value, bool IsMultiplier)
{
    /// <summary>Resolves to CSS px for a font of <paramref name="fontSizePx"/>.</summary>
    /// <param name="fontSizePx">The font size in CSS px.</param>
    /// <returns>The line height in CSS px.</returns>
    public double ToPixels(double fontSizePx) => IsMultiplier ? Value * fontSizePx : Value;
}
