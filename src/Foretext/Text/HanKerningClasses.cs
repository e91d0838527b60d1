// Stage: Text. The character classes of CSS Text 4 "Fullwidth Punctuation Collapsing" as Blink's
// Character::GetHanKerningCharType gives them, before a font resolves dots, colons and quotes (Shaping/HanKerning in
// the HarfBuzz measurer does that). Shared by the measurer's trimming and Prepare's line-end rules.

namespace Foretext.Text;

/// <summary>A character's raw HanKerning class.</summary>
internal enum HanKerningCharType : byte
{
    Other,
    Open,
    Close,
    Middle,
    OpenNarrow,
    CloseNarrow,
    Dot,
    Colon,
    Semicolon,
    OpenQuote,
    CloseQuote,
}

internal static class HanKerningClasses
{
    public static HanKerningCharType Classify(char c) => c switch
    {
        '\u3008' or '\u300A' or '\u300C' or '\u300E' or '\u3010' or '\u3014' or '\u3016' or '\u3018' or '\u301A' or '\u301D'
            or '\uFF08' or '\uFF3B' or '\uFF5B' or '\uFF5F' => HanKerningCharType.Open,
        '\u3009' or '\u300B' or '\u300D' or '\u300F' or '\u3011' or '\u3015' or '\u3017' or '\u3019' or '\u301B' or '\u301E'
            or '\u301F' or '\uFF09' or '\uFF3D' or '\uFF5D' or '\uFF60' => HanKerningCharType.Close,
        '\u3001' or '\u3002' or '\uFF0C' or '\uFF0E' => HanKerningCharType.Dot,
        '\uFF1A' => HanKerningCharType.Colon,
        '\uFF1B' => HanKerningCharType.Semicolon,
        '\u30FB' or '\u00B7' or '\u2027' => HanKerningCharType.Middle,
        '\u2018' or '\u201C' => HanKerningCharType.OpenQuote,
        '\u2019' or '\u201D' => HanKerningCharType.CloseQuote,
        _ => HanKerningCharType.Other,
    };

    /// <summary>
    /// Blink Character::MaybeHanKerningClose: the characters whose raw class is a closing bracket or closing quote, the
    /// only ones for which ShapingLineBreaker::ShapeLine tries a trimmed line end.
    /// </summary>
    public static bool MaybeClose(char c) => Classify(c) is HanKerningCharType.Close or HanKerningCharType.CloseQuote;
}
