// Stage: Text/Segmentation (character properties).
// Input: a UTF-16 code unit. Output: its ICU line break class, East Asian width and general category.
// Spec: ICU uchar.h (u_getIntPropertyValue, u_charType). Blink asks ICU per code unit; a P/Invoke per
// character would cost more than the line breaking itself, so the BMP is read from ICU once into tables.

namespace Foretext.Text.Segmentation;

/// <summary>The system ICU's properties of BMP code units, cached in flat tables on first use.</summary>
internal static unsafe class IcuCharProperties
{
    // UProperty UCHAR_EAST_ASIAN_WIDTH.
    private const int PropertyEastAsianWidth = 0x1004;

    private static readonly Lazy<Tables> s_tables = new(Build);

    /// <summary>ULineBreak of <paramref name="c"/> (a lone surrogate is SG).</summary>
    public static int LineBreak(char c) => s_tables.Value.LineBreak[c];

    /// <summary>UEastAsianWidth of <paramref name="c"/>.</summary>
    public static int EastAsianWidth(char c) => s_tables.Value.EastAsianWidth[c];

    /// <summary>ULineBreak of a code point, supplementary ones included.</summary>
    public static int LineBreak(int codePoint) =>
        codePoint <= char.MaxValue
            ? s_tables.Value.LineBreak[codePoint]
            : IcuNative.Instance.GetIntPropertyValue(codePoint, IcuNative.PropertyLineBreak);

    /// <summary>UEastAsianWidth of a code point, supplementary ones included.</summary>
    public static int EastAsianWidth(int codePoint) =>
        codePoint <= char.MaxValue
            ? s_tables.Value.EastAsianWidth[codePoint]
            : IcuNative.Instance.GetIntPropertyValue(codePoint, PropertyEastAsianWidth);

    /// <summary>UCharCategory of <paramref name="c"/>.</summary>
    public static int Category(char c) => s_tables.Value.Category[c];

    private static Tables Build()
    {
        IcuNative icu = IcuNative.Instance;
        var tables = new Tables();
        for (int c = 0; c <= char.MaxValue; c++)
        {
            tables.LineBreak[c] = (byte)icu.GetIntPropertyValue(c, IcuNative.PropertyLineBreak);
            tables.EastAsianWidth[c] = (byte)icu.GetIntPropertyValue(c, PropertyEastAsianWidth);
            tables.Category[c] = (byte)icu.CharType(c);
        }

        return tables;
    }

    private sealed class Tables
    {
        public readonly byte[] LineBreak = new byte[char.MaxValue + 1];
        public readonly byte[] EastAsianWidth = new byte[char.MaxValue + 1];
        public readonly byte[] Category = new byte[char.MaxValue + 1];
    }
}
