namespace Foretext.Shaping;

/// <summary>
/// A measurer that can answer questions about the style's primary font (its first available family), which
/// Blink consults for generated text: the ellipsis of <c>text-overflow</c> and <c>-webkit-line-clamp</c>
/// (LineTruncator::SetupEllipsis draws U+2026 when the primary font has it, else "...").
/// </summary>
public interface IPrimaryFontMeasurer
{
    /// <summary>True when the primary font of <paramref name="style"/> has a glyph for <paramref name="codePoint"/>.</summary>
    bool PrimaryFontHasCodePoint(int codePoint, in MeasureStyle style);
}
