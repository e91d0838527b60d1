// Stage: Fonts (descriptors). The caps variant the font shorthand can set.
// Spec: CSS Fonts 4, font shorthand accepts only CSS 2.1 font-variant values.

namespace Foretext.Fonts;

/// <summary>The <c>font-variant</c> values the CSS <c>font</c> shorthand accepts.</summary>
public enum FontVariantCaps : byte
{
    /// <summary><c>normal</c>.</summary>
    Normal,

    /// <summary><c>small-caps</c>.</summary>
    SmallCaps,
}
