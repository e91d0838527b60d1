// Stage: Text/Segmentation (line break opportunities).
// Input: a position where the system ICU decided a break and the text around it. Output: the decision under
// Unicode 15.1's revised rules.
// Spec: UAX #14 revision 51 (Unicode 15.1, ICU 74) changed LB19 (quotes), added LB19a (quotes between East
// Asian characters break), LB20a (no break after a word-initial hyphen) and narrowed LB21a (Hebrew + hyphen).
// Chromium bundles a newer ICU than Debian 12's ICU 72 (Unicode 15.0), so where the system ICU predates 74
// these rules bring its answers up to Chromium's. Each rule is applied only in the narrow case where the
// two rule sets provably differ, so a newer system ICU needs none of this.

namespace Foretext.Text.Segmentation;

/// <summary>Corrections that make ICU 72's line breaking answer as Unicode 15.1 (Chromium's ICU) does.</summary>
internal static unsafe class Unicode151LineBreakRules
{
    // ULineBreak values used here.
    private const int Alphabetic = 2;
    private const int BreakAfter = 4;
    private const int MandatoryBreak = 6;
    private const int ContingentBreak = 7;
    private const int CombiningMark = 9;
    private const int CarriageReturn = 10;
    private const int Glue = 12;
    private const int Hyphen = 13;
    private const int Ideographic = 14;
    private const int LineFeed = 17;
    private const int Quotation = 23;
    private const int Space = 26;
    private const int ZeroWidthSpace = 28;
    private const int NextLine = 29;
    private const int HangulLv = 31;
    private const int HangulLvt = 32;
    private const int HangulL = 33;
    private const int HangulT = 34;
    private const int HangulV = 35;
    private const int ConditionalJapaneseStarter = 37;
    private const int HebrewLetter = 38;
    private const int ZeroWidthJoiner = 42;

    // UCharCategory values for quotes.
    private const int InitialPunctuation = 28;
    private const int FinalPunctuation = 29;

    // UEastAsianWidth F, H, W (UAX #14's $EastAsian).
    private const int EastAsianHalfwidth = 2;
    private const int EastAsianFullwidth = 3;
    private const int EastAsianWide = 5;

    // First ICU with Unicode 15.1 line breaking.
    private const int FirstIcuWithUnicode151 = 74;

    /// <summary>Whether the system ICU predates Unicode 15.1, so these rules must be applied.</summary>
    public static bool Needed(IcuNative icu) => icu.Version is > 0 and < FirstIcuWithUnicode151;

    /// <summary>
    /// Revises ICU 72's decision at <paramref name="index"/> (between <c>text[index - 1]</c> and <c>text[index]</c>).
    /// </summary>
    public static bool Revise(char* text, int length, int index, bool icuBreaks)
    {
        char last = text[index - 1];
        char current = text[index];
        int lastClass = LineBreakClass(last);
        int currentClass = LineBreakClass(current);

        if (icuBreaks)
        {
            // LB20a: (sot | BK | CR | LF | NL | SP | ZW | CB | GL) (HY | U+2010) x (AL | HL): "-word" keeps its hyphen.
            if ((lastClass == Hyphen || last == '\u2010') && currentClass is Alphabetic or HebrewLetter)
            {
                int before = index >= 2 ? LineBreakClass(text[index - 2]) : -1;
                if (before is -1 or MandatoryBreak or CarriageReturn or LineFeed or NextLine or Space or ZeroWidthSpace
                    or ContingentBreak or Glue)
                {
                    return false;
                }
            }

            return true;
        }

        // LB19: x [QU - Pi], [QU - Pf] x; LB19a: a quote between East Asian characters may break.
        // Before an opening quote: x QU ([^EastAsian] | eot) and [^EastAsian] x QU no longer forbid it.
        if (currentClass == Quotation && IcuCharProperties.Category(current) == InitialPunctuation
            && IsEastAsianStarter(lastClass) && index + 1 < length && IsEastAsian(text[index + 1]))
        {
            return true;
        }

        // After a closing quote: QU x [^EastAsian] and (sot | [^EastAsian]) QU x no longer forbid it.
        if (lastClass == Quotation && IcuCharProperties.Category(last) == FinalPunctuation && IsEastAsianStarter(currentClass)
            && (index < 2 || IsEastAsian(text[index - 2])))
        {
            return true;
        }

        // LB21a narrowed to HL (HY | BA) x [^HL]: between Hebrew letters a maqaf or hyphen may break.
        if (currentClass == HebrewLetter && lastClass is Hyphen or BreakAfter && BaseClassBefore(text, index - 1) == HebrewLetter)
        {
            return true;
        }

        return false;
    }

    // Classes no UAX #14 rule forbids a break before or after, apart from the quote rules: ideographs, kana, Hangul.
    private static bool IsEastAsianStarter(int lineBreakClass) =>
        lineBreakClass is Ideographic or HangulLv or HangulLvt or HangulL or HangulV or HangulT or ConditionalJapaneseStarter;

    private static bool IsEastAsian(char c) =>
        IcuCharProperties.EastAsianWidth(c) is EastAsianFullwidth or EastAsianHalfwidth or EastAsianWide;

    private static int LineBreakClass(char c) => IcuCharProperties.LineBreak(c);

    // LB9: a combining mark takes the class of the character it follows.
    private static int BaseClassBefore(char* text, int index)
    {
        for (int j = index - 1; j >= 0; j--)
        {
            int lineBreakClass = LineBreakClass(text[j]);
            if (lineBreakClass is not (CombiningMark or ZeroWidthJoiner))
            {
                return lineBreakClass;
            }
        }

        return -1;
    }
}
