// Stage: Shaping (fallback priority). Decides whether a cluster asks for emoji presentation, which makes
// Blink try the emoji font (fontconfig lang und-zsye) before the standard font.
// Input: code points. Output: yes/no. Spec: UTS #51 Emoji_Presentation, VS15/VS16, regional indicators,
// keycaps; the property comes from the system ICU (u_hasBinaryProperty), as .NET's globalization loads it.


namespace Foretext.HarfBuzz;

internal static unsafe class EmojiPresentation
{
    private const int UCHAR_EMOJI = 57;
    private const int UCHAR_EMOJI_PRESENTATION = 58;

    /// <summary>VARIATION SELECTOR-15: text presentation.</summary>
    public const int VS15 = 0xFE0E;

    /// <summary>VARIATION SELECTOR-16: emoji presentation.</summary>
    public const int VS16 = 0xFE0F;
    private const int COMBINING_ENCLOSING_KEYCAP = 0x20E3;

    private static readonly delegate* unmanaged[Cdecl]<int, int, sbyte> s_hasBinaryProperty = LoadIcu();

    /// <summary>True when the cluster starting at <paramref name="text"/>[0] is drawn as an emoji by default.</summary>
    public static bool IsEmojiCluster(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty || System.Text.Rune.DecodeFromUtf16(text, out System.Text.Rune first, out int used) != System.Buffers.OperationStatus.Done)
        {
            return false;
        }

        int next = -1;
        if (used < text.Length && System.Text.Rune.DecodeFromUtf16(text[used..], out System.Text.Rune second, out _) == System.Buffers.OperationStatus.Done)
        {
            next = second.Value;
        }

        if (next == VS15)
        {
            return false;
        }

        if (next == VS16 || text.IndexOf((char)COMBINING_ENCLOSING_KEYCAP) >= 0 && text.IndexOf((char)VS16) >= 0)
        {
            return true;
        }

        int cp = first.Value;
        if (cp is >= 0x1F1E6 and <= 0x1F1FF)
        {
            return true;
        }

        if (s_hasBinaryProperty != null)
        {
            return s_hasBinaryProperty(cp, UCHAR_EMOJI_PRESENTATION) != 0;
        }

        // Without ICU: the blocks whose code points are almost all emoji-presentation by default.
        return cp is (>= 0x1F300 and <= 0x1F64F) or (>= 0x1F680 and <= 0x1F6FF) or (>= 0x1F900 and <= 0x1F9FF) or (>= 0x1FA70 and <= 0x1FAFF);
    }

    /// <summary>
    /// True when <paramref name="codePoint"/> followed by VS15 or VS16 is an emoji variation sequence
    /// (Blink Character::IsEmojiVariationSequence: the base has the Emoji property; digits, '#' and '*' do).
    /// </summary>
    public static bool IsEmoji(int codePoint)
    {
        if (s_hasBinaryProperty != null)
        {
            return s_hasBinaryProperty(codePoint, UCHAR_EMOJI) != 0;
        }

        return codePoint is '#' or '*' or (>= '0' and <= '9') or 0xA9 or 0xAE or (>= 0x2000 and <= 0x3300) or >= 0x1F000;
    }

    // The system ICU the segmentation stage binds (found the way .NET finds it); null where there is none.
    private static delegate* unmanaged[Cdecl]<int, int, sbyte> LoadIcu()
    {
        try
        {
            return Foretext.Text.Segmentation.IcuNative.Instance.HasBinaryProperty;
        }
        catch (Foretext.Text.Segmentation.IcuUnavailableException)
        {
            return null;
        }
    }
}
