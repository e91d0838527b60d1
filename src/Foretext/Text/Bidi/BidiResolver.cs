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

    /// <summary>The ISO 15924 script code ICU assigns to <paramref name="codePoint"/> (UScriptCode).</summary>
    public static int Script(int codePoint)
    {
        int status = 0;
        int script = IcuNative.Instance.GetScript(codePoint, &status);
        return status > 0 ? 0 : script;
    }
}
