// How a `prepare` fuzz input maps to a paragraph: byte 0 the white-space, word-break, overflow-wrap and direction
// bits, byte 1 the letter spacing (signed, in 1/16 px), byte 2 the language, byte 3 the width (x3 px), the rest the
// text as UTF-16 (lone surrogates included). Shared by the fuzz target and the regression replay in tests.

using Foretext.Text;

namespace Foretext.Fuzzing;

internal static class PrepareInput
{
    public const string Font = "16px \"Noto Sans\", \"Noto Sans CJK JP\", \"Noto Color Emoji\", sans-serif";

    /// <summary>False for inputs shorter than the 4-byte header.</summary>
    public static bool TryDecode(byte[] bytes, out string text, out PrepareOptions options, out double width)
    {
        text = string.Empty;
        options = PrepareOptions.Default;
        width = 0;
        if (bytes.Length < 4)
        {
            return false;
        }

        options = new PrepareOptions
        {
            WhiteSpace = (bytes[0] & 1) == 0 ? WhiteSpace.Normal : WhiteSpace.PreWrap,
            WordBreak = (bytes[0] & 2) == 0 ? WordBreak.Normal : WordBreak.KeepAll,
            OverflowWrap = (bytes[0] & 4) == 0 ? OverflowWrap.BreakWord : OverflowWrap.Normal,
            Direction = (TextDirection)(bytes[0] >> 3 & 3) is var d && d <= TextDirection.Auto ? d : TextDirection.Ltr,
            LetterSpacing = (sbyte)bytes[1] / 16.0,
            Lang = (bytes[2] & 7) switch { 0 => null, 1 => "ja", 2 => "zh", 3 => "ko", 4 => "ar", 5 => "th", 6 => "km", _ => "en" },
        };
        text = System.Text.Encoding.Unicode.GetString(bytes, 4, (bytes.Length - 4) & ~1);
        width = bytes[3] * 3;
        return true;
    }
}
