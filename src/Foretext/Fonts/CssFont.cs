// Stage: Fonts (CSS font shorthand).
// Input: a CSS "font" shorthand string. Output: an immutable CssFont (families, size in px, weight, style,
// variant, stretch, optional line height).
// Spec: CSS Fonts 4 "font" shorthand, with Chromium's resolution of sizes against a 16px medium.

namespace Foretext.Fonts;

/// <summary>
/// A parsed CSS <c>font</c> shorthand with its size resolved to CSS px the way Chromium resolves it for an
/// element whose parent uses the default 16px font.
/// </summary>
/// <remarks>Instances are immutable and safe to share between threads.</remarks>
public sealed partial class CssFont : IEquatable<CssFont>
{
    private readonly CssFontFamily[] _families;

    internal CssFont(CssFontFamily[] families, double sizePx, double weight, FontStyle style, double obliqueAngle,
        FontVariantCaps variant, double stretch, CssLineHeight? lineHeight)
    {
        _families = families;
        SizePx = sizePx;
        Weight = weight;
        Style = style;
        ObliqueAngle = obliqueAngle;
        Variant = variant;
        Stretch = stretch;
        LineHeight = lineHeight;
    }

    /// <summary>The font-family list in order; never empty.</summary>
    public IReadOnlyList<CssFontFamily> Families => _families;

    /// <summary>The computed font size in CSS px.</summary>
    public double SizePx { get; }

    /// <summary>The computed weight, 1 to 1000 (normal 400, bold 700).</summary>
    public double Weight { get; }

    /// <summary>The requested slant.</summary>
    public FontStyle Style { get; }

    /// <summary>The oblique angle in degrees when <see cref="Style"/> is oblique (14 when none was given), else 0.</summary>
    public double ObliqueAngle { get; }

    /// <summary>The caps variant.</summary>
    public FontVariantCaps Variant { get; }

    /// <summary>The stretch as a percentage of normal width (100; condensed is 75).</summary>
    public double Stretch { get; }

    /// <summary>The line height given after the size, or null when absent or <c>normal</c>.</summary>
    public CssLineHeight? LineHeight { get; }

    /// <summary>Parses a CSS <c>font</c> shorthand.</summary>
    /// <param name="font">For example <c>italic bold 16px/1.5 "Noto Serif", serif</c>.</param>
    /// <returns>The parsed font.</returns>
    /// <exception cref="FontParseException">The string is not a valid font shorthand; the message says what is
    /// wrong and at which character.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="font"/> is null.</exception>
    public static CssFont Parse(string font)
    {
        ArgumentNullException.ThrowIfNull(font);
        var parser = new Parser(font);
        if (!parser.TryParse(out CssFont? result, out string? error, out int offset))
        {
            throw new FontParseException(error!, offset);
        }

        return result!;
    }

    /// <summary>Parses a CSS <c>font</c> shorthand without throwing.</summary>
    /// <param name="font">The shorthand.</param>
    /// <param name="result">The parsed font, or null when the string is invalid.</param>
    /// <returns>True when the string is a valid font shorthand.</returns>
    public static bool TryParse(ReadOnlySpan<char> font, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out CssFont? result)
    {
        var parser = new Parser(font);
        return parser.TryParse(out result, out _, out _);
    }

    /// <inheritdoc/>
    public bool Equals(CssFont? other) =>
        other is not null && SizePx == other.SizePx && Weight == other.Weight && Style == other.Style &&
        ObliqueAngle == other.ObliqueAngle && Variant == other.Variant && Stretch == other.Stretch &&
        LineHeight == other.LineHeight && _families.AsSpan().SequenceEqual(other._families);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as CssFont);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (CssFontFamily family in _families)
        {
            hash.Add(family);
        }

        hash.Add(SizePx);
        hash.Add(Weight);
        hash.Add(Style);
        hash.Add(Stretch);
        return hash.ToHashCode();
    }

    /// <summary>Serializes back to a canonical shorthand (sizes in px).</summary>
    /// <returns>A string that parses to an equal font.</returns>
    public override string ToString()
    {
        var sb = new System.Text.StringBuilder();
        if (Style == FontStyle.Italic)
        {
            sb.Append("italic ");
        }
        else if (Style == FontStyle.Oblique)
        {
            sb.Append("oblique ").Append(ObliqueAngle.ToString("R", System.Globalization.CultureInfo.InvariantCulture)).Append("deg ");
        }

        if (Variant == FontVariantCaps.SmallCaps)
        {
            sb.Append("small-caps ");
        }

        if (Weight != 400)
        {
            sb.Append(Weight.ToString("R", System.Globalization.CultureInfo.InvariantCulture)).Append(' ');
        }

        string? stretch = StretchKeyword(Stretch);
        if (stretch is not null && Stretch != 100)
        {
            sb.Append(stretch).Append(' ');
        }

        sb.Append(SizePx.ToString("R", System.Globalization.CultureInfo.InvariantCulture)).Append("px");
        if (LineHeight is CssLineHeight lh)
        {
            sb.Append('/').Append(lh.Value.ToString("R", System.Globalization.CultureInfo.InvariantCulture));
            if (!lh.IsMultiplier)
            {
                sb.Append("px");
            }
        }

        sb.Append(' ');
        for (int i = 0; i < _families.Length; i++)
        {
            if (i > 0)
            {
                sb.Append(", ");
            }

            sb.Append(_families[i].ToString());
        }

        return sb.ToString();
    }
}
