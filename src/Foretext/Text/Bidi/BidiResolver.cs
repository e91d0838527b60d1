// Stage: Text. Input: a paragraph (no forced breaks inside matter: UAX #9 treats LF as a paragraph separator,
// as the browser does for preserved line feeds). Output: the UAX #9 embedding level of every UTF-16 unit.
// Spec: UAX #9 via ICU's ubidi (the same implementation Chromium's NGBidiParagraph uses).

using Foretext.Text.Segmentation;

namespace Foretext.Text.Bidi;

internal static unsafe class BidiResolver
{
    /// <summary>UBIDI_DEFAULT_LTR: the paragraph level comes from its first strong character, LTR if none.</summary>
    private const byte DefaultLtr = 0xFE;

    /// <summary>Fills <paramref name="levels"/> (one per UTF-16 unit) and returns the paragraph level.</summary>
    /// <exception cref="InvalidOperationException">ICU reported an error.</exception>
    public static byte Resolve(ReadOnlySpan<char> text, TextDirection direction, Span<byte> levels)
    {
        byte paragraphLevel = direction switch
        {
            TextDirection.Rtl => 1,
            TextDirection.Auto => DefaultLtr,
            _ => 0,
        };

        if (text.IsEmpty)
        {
            return paragraphLevel == DefaultLtr ? (byte)0 : paragraphLevel;
        }

        if (paragraphLevel != 1 && !MayHaveRightToLeft(text))
        {
            // No right-to-left, Arabic-number or explicit bidi character: every level is the LTR paragraph's 0 (ubidi
            // was 7% of a batch of mostly left-to-right texts).
            levels[..text.Length].Clear();
            return 0;
        }

        return ResolveWithIcu(text, paragraphLevel, levels);
    }

    /// <summary>ICU's ubidi for <paramref name="text"/> (non-empty) at <paramref name="paragraphLevel"/> (0, 1 or UBIDI_DEFAULT_LTR).</summary>
    internal static byte ResolveWithIcu(ReadOnlySpan<char> text, byte paragraphLevel, Span<byte> levels)
    {
        IcuNative icu = IcuNative.Instance;
        nint bidi = icu.BidiOpen();
        if (bidi == 0)
        {
            throw new InvalidOperationException("ICU ubidi_open failed.");
        }

        try
        {
            int status = 0;
            fixed (char* chars = text)
            {
                icu.BidiSetPara(bidi, chars, text.Length, paragraphLevel, null, &status);
                if (status > 0)
                {
                    throw new InvalidOperationException($"ICU ubidi_setPara failed with status {status}.");
                }

                byte* resolved = icu.BidiGetLevels(bidi, &status);
                if (status > 0 || resolved == null)
                {
                    throw new InvalidOperationException($"ICU ubidi_getLevels failed with status {status}.");
                }

                new ReadOnlySpan<byte>(resolved, text.Length).CopyTo(levels);
            }
        }
        finally
        {
            icu.BidiClose(bidi);
        }

        return paragraphLevel == DefaultLtr ? levels[0] : paragraphLevel;
    }

    /// <summary>
    /// Whether <paramref name="text"/> holds a character that can make a level other than 0 in an LTR paragraph: the
    /// right-to-left blocks (Hebrew to Arabic Extended, the Hebrew and Arabic presentation forms, the SMP's 10800-10FFF and
    /// 1E800-1EFFF through their high surrogates) and the explicit marks, embeddings and isolates.
    /// </summary>
    private static bool MayHaveRightToLeft(ReadOnlySpan<char> text)
    {
        foreach (char c in text)
        {
            if (c < '\u0590')
            {
                continue;
            }

            if (c <= '\u08FF' || c is (>= '\uFB1D' and <= '\uFDFF') or (>= '\uFE70' and <= '\uFEFF') or '\u200E' or '\u200F'
                or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069') or '\uD802' or '\uD803' or '\uD83A' or '\uD83B')
            {
                return true;
            }
        }

        return false;
    }

    // ICU script codes of the BMP, filled on use (0xFF: not yet asked).
    private static readonly byte[] s_bmpScripts = CreateScriptTable();

    private static byte[] CreateScriptTable()
    {
        var table = new byte[0x10000];
        Array.Fill(table, (byte)0xFF);
        return table;
    }

    /// <summary>The ISO 15924 script code ICU assigns to <paramref name="codePoint"/> (UScriptCode).</summary>
    public static int Script(int codePoint)
    {
        if ((uint)codePoint <= 0xFFFF)
        {
            byte cached = s_bmpScripts[codePoint];
            if (cached != 0xFF)
            {
                return cached;
            }

            int script = ScriptUncached(codePoint);
            if ((uint)script < 0xFF)
            {
                s_bmpScripts[codePoint] = (byte)script;
            }

            return script;
        }

        return ScriptUncached(codePoint);
    }

    private static int ScriptUncached(int codePoint)
    {
        int status = 0;
        int script = IcuNative.Instance.GetScript(codePoint, &status);
        return status > 0 ? 0 : script;
    }
}
