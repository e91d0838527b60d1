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
    public override string ToString() => IsGeneric ? Name : Quote(Name);

    // A CSS string that parses back to the same name: quotes and backslashes escaped, and the characters a quoted
    // string cannot hold raw (newlines: LF, CR, FF) as hex escapes with their terminating space (found by fuzzing:
    // a name holding U+000D printed unescaped did not parse back). Other controls stay raw: an escaped NUL would
    // read back as U+FFFD.
    private static string Quote(string name)
    {
        var builder = new System.Text.StringBuilder(name.Length + 2);
        builder.Append('"');
        foreach (char c in name)
        {
            if (c is '"' or '\\')
            {
                builder.Append('\\').Append(c);
            }
            else if (c is '\n' or '\r' or '\f')
            {
                builder.Append('\\').Append(((int)c).ToString("x", System.Globalization.CultureInfo.InvariantCulture)).Append(' ');
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.Append('"').ToString();
    }
}
