// Stage: Fonts (descriptors). One entry of a CSS font-family list.
// Spec: CSS Fonts 4, font-family: quoted names, unquoted identifier sequences, generic families.

namespace Foretext.Fonts;

/// <summary>One entry of a CSS <c>font-family</c> list.</summary>
/// <param name="Name">The family name; for a generic family its keyword in lower case (<c>serif</c>).</param>
/// <param name="IsGeneric">True for an unquoted generic keyword such as <c>sans-serif</c>; a quoted
/// <c>"serif"</c> names a real family called serif.</param>
public readonly record struct CssFontFamily(string Name, bool IsGeneric)
{
    /// <inheritdoc/>
    public override string ToString() => IsGeneric ? Name : "\"" + Name.Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
