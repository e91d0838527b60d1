// CSS keyword values shared by the batch JSONL, the command options and the HTTP API. Strict: an unknown value is
// an error, never a silent default.

using Foretext.Layout;
using Foretext.Text;

namespace Foretext.Cli;

internal static class CssValues
{
    public static WhiteSpace ParseWhiteSpace(string? value) => value switch
    {
        null or "normal" => WhiteSpace.Normal,
        "pre-wrap" => WhiteSpace.PreWrap,
        _ => throw new FormatException($"whiteSpace \"{value}\" is not supported (normal, pre-wrap)."),
    };

    public static WordBreak ParseWordBreak(string? value) => value switch
    {
        null or "normal" => WordBreak.Normal,
        "keep-all" => WordBreak.KeepAll,
        _ => throw new FormatException($"wordBreak \"{value}\" is not supported (normal, keep-all)."),
    };

    public static TextWrap ParseTextWrap(string? value) => value switch
    {
        null or "wrap" => TextWrap.Wrap,
        "balance" => TextWrap.Balance,
        "pretty" => TextWrap.Pretty,
        _ => throw new FormatException($"text-wrap \"{value}\" is not supported (wrap, balance, pretty)."),
    };

    public static TextDirection ParseDirection(string? value) => value switch
    {
        null or "ltr" => TextDirection.Ltr,
        "rtl" => TextDirection.Rtl,
        "auto" => TextDirection.Auto,
        _ => throw new FormatException($"dir \"{value}\" is not supported (ltr, rtl, auto)."),
    };
}
