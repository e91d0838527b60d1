// Stage: browser oracle, font check.
// Input: a CSS font shorthand such as 16px "Noto Serif", serif.
// Output: the named (non-generic) families, to check against the fonts Chromium really used.
namespace Foretext.Recorder;

/// <summary>Reads the family list out of a CSS font shorthand.</summary>
public static class CssFontFamilies
{
    private static readonly HashSet<string> s_generic = new(StringComparer.OrdinalIgnoreCase)
    {
        "serif", "sans-serif", "monospace", "cursive", "fantasy", "system-ui", "emoji", "math", "fangsong",
        "ui-serif", "ui-sans-serif", "ui-monospace", "ui-rounded",
    };

    /// <summary>The families after the size, unquoted, generic families left out.</summary>
    public static IReadOnlyList<string> Named(string font)
    {
        // The family list starts after the first token holding a size (a digit followed by a unit or a slash).
        int i = 0;
        int familyStart = -1;
        while (i < font.Length)
        {
            while (i < font.Length && font[i] == ' ')
            {
                i++;
            }

            int tokenStart = i;
            while (i < font.Length && font[i] != ' ')
            {
                i++;
            }

            string token = font[tokenStart..i];
            if (token.Length > 0 && (char.IsDigit(token[0]) || token[0] == '.') && !token.All(char.IsDigit))
            {
                familyStart = i;
                break;
            }
        }

        var result = new List<string>();
        if (familyStart < 0)
        {
            return result;
        }

        foreach (string raw in font[familyStart..].Split(','))
        {
            string name = raw.Trim().Trim('"', '\'').Trim();
            if (name.Length > 0 && !s_generic.Contains(name))
            {
                result.Add(name);
            }
        }

        return result;
    }
}
