// Stage: Fonts (CSS font shorthand). The parser behind CssFont.Parse and CssFont.TryParse.
// Input: the shorthand as a span. Output: a CssFont, or an error message with the offset it refers to.
// Spec: CSS Fonts 4 "font" shorthand grammar as Blink consumes it (css_parsing_utils ConsumeFont):
//   [ <style> || <variant-css2> || <weight> || <stretch-css3> ]? <size> [ / <line-height> ]? <family>#
// with CSS Syntax 3 tokenization of identifiers, strings (escapes) and numbers.

using System.Globalization;
using System.Text;

namespace Foretext.Fonts;

public sealed partial class CssFont
{
    // Chromium's default "medium" (Settings::default_font_size) and its keyword table for a 16px default
    // (FontSizeFunctions, kFontSizeTable row 16). Pinned by measure-cases.txt "large"/"x-small" rows.
    private const double CHROMIUM_MEDIUM_PX = 16;
    private static readonly (string Keyword, double Px)[] s_sizeKeywords =
    [
        ("xx-small", 9), ("x-small", 10), ("small", 13), ("medium", 16),
        ("large", 18), ("x-large", 24), ("xx-large", 32), ("xxx-large", 48),
    ];

    // Blink scales the parent size by 1.2 for larger/smaller (FontSizeFunctions::LargerSize/SmallerSize).
    private const double CHROMIUM_RELATIVE_SIZE_FACTOR = 1.2;

    // CSS Fonts 4: "oblique" with no angle means 14deg.
    private const double DEFAULT_OBLIQUE_DEGREES = 14;

    private static readonly (string Keyword, double Percent)[] s_stretchKeywords =
    [
        ("ultra-condensed", 50), ("extra-condensed", 62.5), ("condensed", 75), ("semi-condensed", 87.5),
        ("semi-expanded", 112.5), ("expanded", 125), ("extra-expanded", 150), ("ultra-expanded", 200),
    ];

    private static readonly string[] s_genericFamilies =
    [
        "serif", "sans-serif", "monospace", "cursive", "fantasy", "system-ui", "math", "emoji", "fangsong",
        "ui-serif", "ui-sans-serif", "ui-monospace", "ui-rounded",
    ];

    private static readonly string[] s_cssWideKeywords = ["inherit", "initial", "unset", "default", "revert", "revert-layer"];

    private static readonly string[] s_systemFonts = ["caption", "icon", "menu", "message-box", "small-caption", "status-bar"];

    internal static string? StretchKeyword(double percent)
    {
        foreach ((string keyword, double value) in s_stretchKeywords)
        {
            if (value == percent)
            {
                return keyword;
            }
        }

        return percent == 100 ? "normal" : null;
    }

    private ref struct Parser
    {
        private readonly ReadOnlySpan<char> _s;
        private int _pos;
        private string? _error;
        private int _errorAt;

        public Parser(ReadOnlySpan<char> s)
        {
            _s = s;
        }

        public bool TryParse(out CssFont? result, out string? error, out int offset)
        {
            result = ParseFont();
            error = _error;
            offset = _errorAt;
            return result is not null;
        }

        private CssFont? Fail(string message, int at)
        {
            _error ??= message;
            _errorAt = at;
            return null;
        }

        private CssFont? ParseFont()
        {
            SkipWhitespace();
            if (_pos >= _s.Length)
            {
                return Fail("the font is empty", _pos);
            }

            FontStyle? style = null;
            double obliqueAngle = 0;
            FontVariantCaps? variant = null;
            double? weight = null;
            double? stretch = null;
            int prefixCount = 0;
            double sizePx;

            while (true)
            {
                SkipWhitespace();
                int start = _pos;
                if (_pos >= _s.Length)
                {
                    return Fail("expected a font size and a family", _pos);
                }

                if (IsIdentStart(_pos))
                {
                    string ident = ReadIdent()!;
                    string lower = ident.ToLowerInvariant();
                    if (prefixCount == 0 && AtEndAfterWhitespace())
                    {
                        if (Array.IndexOf(s_cssWideKeywords, lower) >= 0)
                        {
                            return Fail($"the CSS-wide keyword '{ident}' needs an inherited font", start);
                        }

                        if (Array.IndexOf(s_systemFonts, lower) >= 0)
                        {
                            return Fail($"system font '{ident}' is not supported; give a size and a family", start);
                        }
                    }

                    if (TryKeywordSize(lower, out sizePx))
                    {
                        break;
                    }

                    if (++prefixCount > 4)
                    {
                        return Fail("too many style, variant, weight and stretch values before the size", start);
                    }

                    switch (lower)
                    {
                        case "normal":
                            continue;
                        case "italic":
                        case "oblique":
                            if (style is not null)
                            {
                                return Fail("font-style is given twice", start);
                            }

                            style = lower == "italic" ? FontStyle.Italic : FontStyle.Oblique;
                            if (style == FontStyle.Oblique)
                            {
                                obliqueAngle = DEFAULT_OBLIQUE_DEGREES;
                                int save = _pos;
                                SkipWhitespace();
                                int angleAt = _pos;
                                if (TryReadNumber(out double angle, out string? unit) && unit is not null && TryAngleDegrees(angle, unit, out double degrees))
                                {
                                    if (degrees is < -90 or > 90)
                                    {
                                        return Fail("the oblique angle must be between -90deg and 90deg", angleAt);
                                    }

                                    obliqueAngle = degrees;
                                }
                                else
                                {
                                    _pos = save;
                                }
                            }

                            continue;
                        case "small-caps":
                            if (variant is not null)
                            {
                                return Fail("font-variant is given twice", start);
                            }

                            variant = FontVariantCaps.SmallCaps;
                            continue;
                        case "bold":
                        case "bolder":
                        case "lighter":
                            if (weight is not null)
                            {
                                return Fail("font-weight is given twice", start);
                            }

                            // bolder/lighter are relative to the parent's 400 (CSS Fonts 4 table: 400 -> 700 / 100).
                            weight = lower switch { "bold" => 700, "bolder" => 700, _ => 100 };
                            continue;
                    }

                    double keywordStretch = -1;
                    foreach ((string keyword, double percent) in s_stretchKeywords)
                    {
                        if (keyword == lower)
                        {
                            keywordStretch = percent;
                        }
                    }

                    if (keywordStretch > 0)
                    {
                        if (stretch is not null)
                        {
                            return Fail("font-stretch is given twice", start);
                        }

                        stretch = keywordStretch;
                        continue;
                    }

                    return Fail($"expected a font size before the family, found '{ident}'", start);
                }

                if (!TryReadNumber(out double number, out string? numberUnit))
                {
                    return Fail($"unexpected character '{Describe(_s[_pos])}'", _pos);
                }

                if (numberUnit is null && number != 0)
                {
                    if (weight is not null)
                    {
                        return Fail("font-weight is given twice", start);
                    }

                    if (number is < 1 or > 1000)
                    {
                        return Fail("font-weight must be between 1 and 1000", start);
                    }

                    if (++prefixCount > 4)
                    {
                        return Fail("too many style, variant, weight and stretch values before the size", start);
                    }

                    weight = number;
                    continue;
                }

                if (number < 0)
                {
                    return Fail("the font size must not be negative", start);
                }

                if (!TryLengthPx(number, numberUnit, out sizePx, out string? unitError))
                {
                    return Fail(unitError!, start);
                }

                break;
            }

            CssLineHeight? lineHeight = null;
            SkipWhitespace();
            if (_pos < _s.Length && _s[_pos] == '/')
            {
                _pos++;
                SkipWhitespace();
                int lhAt = _pos;
                if (_pos >= _s.Length)
                {
                    return Fail("expected a line height after '/'", _pos);
                }

                if (IsIdentStart(_pos))
                {
                    string ident = ReadIdent()!;
                    if (!ident.Equals("normal", StringComparison.OrdinalIgnoreCase))
                    {
                        return Fail($"expected a line height after '/', found '{ident}'", lhAt);
                    }
                }
                else if (TryReadNumber(out double lh, out string? lhUnit))
                {
                    if (lh < 0)
                    {
                        return Fail("the line height must not be negative", lhAt);
                    }

                    if (lhUnit is null)
                    {
                        lineHeight = new CssLineHeight(lh, IsMultiplier: true);
                    }
                    else if (lhUnit == "%")
                    {
                        lineHeight = new CssLineHeight(lh / 100 * sizePx, IsMultiplier: false);
                    }
                    else if (lhUnit is "em" or "EM" or "Em" or "eM")
                    {
                        lineHeight = new CssLineHeight(lh * sizePx, IsMultiplier: false);
                    }
                    else if (TryLengthPx(lh, lhUnit, out double lhPx, out string? lhError))
                    {
                        lineHeight = new CssLineHeight(lhPx, IsMultiplier: false);
                    }
                    else
                    {
                        return Fail(lhError!, lhAt);
                    }
                }
                else
                {
                    return Fail($"expected a line height after '/', found '{Describe(_s[_pos])}'", lhAt);
                }
            }

            var families = new List<CssFontFamily>();
            while (true)
            {
                SkipWhitespace();
                int familyAt = _pos;
                if (_pos >= _s.Length)
                {
                    return Fail(families.Count == 0 ? "expected a font family after the size" : "expected a font family after ','", _pos);
                }

                char c = _s[_pos];
                if (c is '"' or '\'')
                {
                    string? quoted = ReadString();
                    if (quoted is null)
                    {
                        return Fail("a newline ends the quoted family name", _errorAt);
                    }

                    families.Add(new CssFontFamily(quoted, IsGeneric: false));
                }
                else if (IsIdentStart(_pos))
                {
                    var name = new StringBuilder();
                    int words = 0;
                    string first = "";
                    while (true)
                    {
                        string word = ReadIdent()!;
                        if (words == 0)
                        {
                            first = word;
                        }

                        if (Array.IndexOf(s_cssWideKeywords, word.ToLowerInvariant()) >= 0)
                        {
                            return Fail($"'{word}' cannot be an unquoted family name", _pos - word.Length);
                        }

                        if (words > 0)
                        {
                            name.Append(' ');
                        }

                        name.Append(word);
                        words++;
                        int save = _pos;
                        SkipWhitespace();
                        if (_pos < _s.Length && IsIdentStart(_pos))
                        {
                            continue;
                        }

                        _pos = save;
                        break;
                    }

                    string lowerFirst = first.ToLowerInvariant();
                    if (words == 1 && Array.IndexOf(s_genericFamilies, lowerFirst) >= 0)
                    {
                        families.Add(new CssFontFamily(lowerFirst, IsGeneric: true));
                    }
                    else
                    {
                        families.Add(new CssFontFamily(name.ToString(), IsGeneric: false));
                    }
                }
                else if (c == ',')
                {
                    return Fail("empty font family between commas", familyAt);
                }
                else
                {
                    return Fail($"expected a font family, found '{Describe(c)}'", familyAt);
                }

                SkipWhitespace();
                if (_pos >= _s.Length)
                {
                    break;
                }

                if (_s[_pos] != ',')
                {
                    return Fail($"expected ',' or the end after a font family, found '{Describe(_s[_pos])}'", _pos);
                }

                _pos++;
            }

            return new CssFont(families.ToArray(), sizePx, weight ?? 400, style ?? FontStyle.Normal, obliqueAngle,
                variant ?? FontVariantCaps.Normal, stretch ?? 100, lineHeight);
        }

        private static string Describe(char c) => c < 0x20 || c > 0x7E ? $"U+{(int)c:X4}" : c.ToString();

        private static bool TryKeywordSize(string lower, out double px)
        {
            foreach ((string keyword, double value) in s_sizeKeywords)
            {
                if (keyword == lower)
                {
                    px = value;
                    return true;
                }
            }

            px = lower switch
            {
                "larger" => CHROMIUM_MEDIUM_PX * CHROMIUM_RELATIVE_SIZE_FACTOR,
                "smaller" => CHROMIUM_MEDIUM_PX / CHROMIUM_RELATIVE_SIZE_FACTOR,
                _ => -1,
            };
            return px >= 0;
        }

        private static bool TryAngleDegrees(double value, string unit, out double degrees)
        {
            degrees = unit.ToLowerInvariant() switch
            {
                "deg" => value,
                "grad" => value * 0.9,
                "rad" => value * 180 / Math.PI,
                "turn" => value * 360,
                _ => double.NaN,
            };
            return !double.IsNaN(degrees);
        }

        private static bool TryLengthPx(double value, string? unit, out double px, out string? error)
        {
            error = null;
            if (unit is null)
            {
                // Only a unitless zero is a length (CSS Values 4).
                px = 0;
                return true;
            }

            px = unit.ToLowerInvariant() switch
            {
                "px" => value,
                "pt" => value * 96 / 72,
                "pc" => value * 16,
                "in" => value * 96,
                "cm" => value * 96 / 2.54,
                "mm" => value * 96 / 25.4,
                "q" => value * 96 / 101.6,
                "em" or "rem" => value * CHROMIUM_MEDIUM_PX,
                "%" => value / 100 * CHROMIUM_MEDIUM_PX,
                _ => double.NaN,
            };
            if (double.IsNaN(px))
            {
                error = $"unsupported font size unit '{unit}' (use px, pt, pc, in, cm, mm, q, em, rem or %)";
                return false;
            }

            if (double.IsInfinity(px))
            {
                error = "the font size is too large";
                return false;
            }

            return true;
        }

        private readonly bool AtEndAfterWhitespace()
        {
            int p = _pos;
            while (p < _s.Length && IsWhitespace(_s[p]))
            {
                p++;
            }

            return p >= _s.Length;
        }

        private static bool IsWhitespace(char c) => c is ' ' or '\t' or '\n' or '\r' or '\f';

        private void SkipWhitespace()
        {
            while (_pos < _s.Length)
            {
                if (IsWhitespace(_s[_pos]))
                {
                    _pos++;
                }
                else if (_s[_pos] == '/' && _pos + 1 < _s.Length && _s[_pos + 1] == '*')
                {
                    int end = _s[(_pos + 2)..].IndexOf("*/", StringComparison.Ordinal);
                    _pos = end < 0 ? _s.Length : _pos + 2 + end + 2;
                }
                else
                {
                    break;
                }
            }
        }

        private static bool IsNameStart(char c) => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or '_' || c >= 0x80;

        private static bool IsNameChar(char c) => IsNameStart(c) || c is (>= '0' and <= '9') or '-';

        private readonly bool IsValidEscape(int p) => p + 1 < _s.Length && _s[p] == '\\' && _s[p + 1] is not ('\n' or '\r' or '\f');

        private readonly bool IsIdentStart(int p)
        {
            if (p >= _s.Length)
            {
                return false;
            }

            char c = _s[p];
            if (c == '-')
            {
                return p + 1 < _s.Length && (IsNameStart(_s[p + 1]) || _s[p + 1] == '-' || IsValidEscape(p + 1));
            }

            return IsNameStart(c) || IsValidEscape(p);
        }

        private string? ReadIdent()
        {
            var sb = new StringBuilder();
            while (_pos < _s.Length)
            {
                char c = _s[_pos];
                if (IsNameChar(c))
                {
                    sb.Append(c);
                    _pos++;
                }
                else if (IsValidEscape(_pos))
                {
                    _pos++;
                    AppendEscape(sb);
                }
                else
                {
                    break;
                }
            }

            return sb.ToString();
        }

        // CSS Syntax 3, "consume an escaped code point"; _pos is just past the backslash.
        private void AppendEscape(StringBuilder sb)
        {
            if (_pos >= _s.Length)
            {
                sb.Append('\uFFFD');
                return;
            }

            int hexStart = _pos;
            int value = 0;
            while (_pos < _s.Length && _pos - hexStart < 6 && char.IsAsciiHexDigit(_s[_pos]))
            {
                value = (value * 16) + Convert.ToInt32(_s[_pos].ToString(), 16);
                _pos++;
            }

            if (_pos == hexStart)
            {
                sb.Append(_s[_pos]);
                _pos++;
                return;
            }

            if (_pos < _s.Length && IsWhitespace(_s[_pos]))
            {
                _pos++;
            }

            if (value == 0 || value > 0x10FFFF || value is >= 0xD800 and <= 0xDFFF)
            {
                value = 0xFFFD;
            }

            sb.Append(char.ConvertFromUtf32(value));
        }

        private string? ReadString()
        {
            char quote = _s[_pos];
            _pos++;
            var sb = new StringBuilder();
            while (_pos < _s.Length)
            {
                char c = _s[_pos];
                if (c == quote)
                {
                    _pos++;
                    return sb.ToString();
                }

                if (c is '\n' or '\r' or '\f')
                {
                    _errorAt = _pos;
                    return null;
                }

                if (c == '\\')
                {
                    _pos++;
                    if (_pos >= _s.Length)
                    {
                        break;
                    }

                    if (_s[_pos] is '\n' or '\f')
                    {
                        _pos++;
                        continue;
                    }

                    if (_s[_pos] == '\r')
                    {
                        _pos += _pos + 1 < _s.Length && _s[_pos + 1] == '\n' ? 2 : 1;
                        continue;
                    }

                    AppendEscape(sb);
                    continue;
                }

                sb.Append(c);
                _pos++;
            }

            // CSS Syntax 3: a string left open at the end of input is still a string token.
            return sb.ToString();
        }

        // A CSS number with an optional unit (an identifier) or '%'. Leaves _pos unchanged on failure.
        private bool TryReadNumber(out double value, out string? unit)
        {
            value = 0;
            unit = null;
            int start = _pos;
            int p = _pos;
            if (p < _s.Length && _s[p] is '+' or '-')
            {
                p++;
            }

            int digits = 0;
            while (p < _s.Length && char.IsAsciiDigit(_s[p]))
            {
                p++;
                digits++;
            }

            if (p + 1 < _s.Length && _s[p] == '.' && char.IsAsciiDigit(_s[p + 1]))
            {
                p++;
                while (p < _s.Length && char.IsAsciiDigit(_s[p]))
                {
                    p++;
                    digits++;
                }
            }

            if (digits == 0)
            {
                return false;
            }

            if (p < _s.Length && _s[p] is 'e' or 'E')
            {
                int q = p + 1;
                if (q < _s.Length && _s[q] is '+' or '-')
                {
                    q++;
                }

                if (q < _s.Length && char.IsAsciiDigit(_s[q]))
                {
                    while (q < _s.Length && char.IsAsciiDigit(_s[q]))
                    {
                        q++;
                    }

                    p = q;
                }
            }

            if (!double.TryParse(_s[start..p], NumberStyles.Float, CultureInfo.InvariantCulture, out value) || !double.IsFinite(value))
            {
                return false;
            }

            _pos = p;
            if (_pos < _s.Length && _s[_pos] == '%')
            {
                _pos++;
                unit = "%";
            }
            else if (IsIdentStart(_pos))
            {
                unit = ReadIdent();
            }

            return true;
        }
    }
}
