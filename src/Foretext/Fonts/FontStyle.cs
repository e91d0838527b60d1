// Stage: Fonts (descriptors). The slant a CSS font asks for.
// Spec: CSS Fonts 4, font-style.

namespace Foretext.Fonts;

/// <summary>CSS <c>font-style</c>.</summary>
public enum FontStyle : byte
{
    /// <summary><c>normal</c>: upright.</summary>
    Normal,

    /// <summary><c>italic</c>: an italic face, or a synthetic slant when the family has none.</summary>
    Italic,

    /// <summary><c>oblique [angle]</c>: a slanted face; the angle is in <see cref="CssFont.ObliqueAngle"/>.</summary>
    Oblique,
}
