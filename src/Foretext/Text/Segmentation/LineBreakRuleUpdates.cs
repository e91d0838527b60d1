// Stage: Text/Segmentation (line break opportunities).
// Input: a position where the system ICU decided a break, and the text around it. Output: the decision under
// the newer UAX #14 that Chromium's bundled ICU implements.
// Spec: UAX #14 revision 51 (Unicode 15.1, ICU 74) changed LB19 (quotes) and added LB19a (a quote between East
// Asian characters may break) and LB20a (no break after a word-initial hyphen), and narrowed LB21a;
// revision 53 (Unicode 16.0, ICU 76) added the class HH of unambiguous hyphens, which LB20a and LB21a share
// with HY. Debian 12's ICU 72 (Unicode 15.0) predates both; Chromium 156's ICU has them. Each rule here acts
// only where the older and newer rule sets provably differ, and only when the system ICU is older.

namespace Foretext.Text.Segmentation;

/// <summary>Corrections that make an older system ICU answer as Chromium's newer ICU does.</summary>
internal static unsafe class LineBreakRuleUpdates
{
    // ULineBreak values used here.
    private const int Unknown = 0;
    private const int Ambiguous = 1;
    private const int Alphabetic = 2;
    private const int BreakAfter = 4;
    private const int BreakBefore = 5;
    private const int MandatoryBreak = 6;
    private const int ContingentBreak = 7;
    private const int ClosePunctuation = 8;
    private const int CombiningMark = 9;
    private const int CarriageReturn = 10;
    private const int Exclamation = 11;
    private const int Glue = 12;
    private const int Hyphen = 13;
    private const int Inseparable = 15;
    private const int InfixNumeric = 16;
    private const int LineFeed = 17;
    private const int Nonstarter = 18;
    private const int OpenPunctuation = 20;
    private const int ComplexContext = 24;
    private const int Quotation = 23;
    private const int Space = 26;
    private const int BreakSymbols = 27;
    private const int ZeroWidthSpace = 28;
    private const int NextLine = 29;
    private const int WordJoiner = 30;
    private const int CloseParenthesis = 36;
    private const int HebrewLetter = 38;
    private const int ZeroWidthJoiner = 42;

    // UCharCategory values for quotes.
    private const int InitialPunctuation = 28;
    private const int FinalPunctuation = 29;

    // UEastAsianWidth F, H, W (UAX #14's $EastAsian).
    private const int EastAsianHalfwidth = 2;
    private const int EastAsianFullwidth = 3;
    private const int EastAsianWide = 5;

    // First ICU versions with Unicode 15.1 and 16.0 line breaking.
    private const int FirstIcuWithUnicode151 = 74;
    private const int FirstIcuWithUnicode160 = 76;

    /// <summary>Whether the system ICU predates Unicode 15.1 (LB19, LB19a, LB21a updates needed).</summary>
    public static bool NeedsUnicode151(IcuNative icu) => icu.Version is > 0 and < FirstIcuWithUnicode151;

    /// <summary>Whether the system ICU predates Unicode 16.0 (LB20a with HH needed).</summary>
    public static bool NeedsUnicode160(IcuNative icu) => icu.Version is > 0 and < FirstIcuWithUnicode160;

    /// <summary>
    /// Revises the system ICU's decision at <paramref name="index"/> (between <c>text[index - 1]</c> and
    /// <c>text[index]</c>).
    /// </summary>
    public static bool Revise(char* text, int length, int index, bool icuBreaks, bool unicode151, bool unicode160)
    {
        char last = text[index - 1];
        char current = text[index];

        // Most positions involve none of the classes below; decide those from two table reads.
        int lastRawClass = LineBreakClass(last);
        bool lastMayMatter = lastRawClass is Hyphen or BreakAfter or Quotation or CombiningMark or ZeroWidthJoiner;
        if (!lastMayMatter && (icuBreaks || LineBreakClass(current) != Quotation))
        {
            return icuBreaks;
        }

        // LB9: a combining mark takes the class of its base, so look through marks to the left.
        int lastBase = BaseBefore(text, index);
        int lastBaseClass = lastBase < 0 ? -1 : LineBreakClassAt(text, lastBase, length);
        int currentClass = LineBreakClassAt(text, index, length);

        if (icuBreaks)
        {
            // LB20a: (sot | BK | CR | LF | NL | SP | ZW | CB | GL) (HY | HH) x (AL | HL): "-word" keeps its hyphen.
            // ICU 72's own tailoring covers only HY and U+2010, before AL. LB1 resolves AI, XX and SA letters to AL.
            if (unicode160 && lastBase >= 0 && (lastBaseClass == Hyphen || IsUnambiguousHyphen(text[lastBase]))
                && (currentClass is Alphabetic or HebrewLetter or Ambiguous or Unknown
                    || (currentClass == ComplexContext && !IsMarkCategory(IcuCharProperties.Category(current)))))
            {
                int before = BaseBefore(text, lastBase);
                int beforeClass = before < 0 ? -1 : LineBreakClassAt(text, before, length);
                if (beforeClass is -1 or MandatoryBreak or CarriageReturn or LineFeed or NextLine or Space or ZeroWidthSpace
                    or ContingentBreak or Glue)
                {
                    return false;
                }
            }

            return true;
        }

        // LB21a became HL (HY | HH) x [^HL] in 16.0: after a Hebrew letter, a BA that is not a hyphen ('|', U+3000)
        // no longer holds what follows.
        // (GL may follow a BA: LB12a.)
        if (unicode160 && LineBreakClass(last) == BreakAfter && !IsUnambiguousHyphen(last)
            && BaseClassBefore(text, index - 1, length) == HebrewLetter
            && (currentClass == Glue || !HoldsWhatPrecedes(currentClass)))
        {
            return true;
        }

        if (!unicode151)
        {
            return false;
        }

        // LB19 became x [QU - Pi] and [QU - Pf] x; LB19a keeps a quote only beside a non-East Asian character.
        // So an opening quote may start a line after an East Asian character when an East Asian character follows it.
        if (currentClass == Quotation && IcuCharProperties.Category(current) == InitialPunctuation
            && LineBreakClass(last) != ZeroWidthJoiner && lastBase >= 0 && IsEastAsianAt(text, lastBase, length) && !HoldsWhatFollows(lastBaseClass)
            && index + 1 < length && IsEastAsianAt(text, index + 1, length))
        {
            return true;
        }

        // ...and a closing quote may end a line between East Asian characters.
        if (lastBase >= 0 && lastBaseClass == Quotation && IcuCharProperties.Category(text[lastBase]) == FinalPunctuation)
        {
            int beforeQuote = BaseBefore(text, lastBase);
            if (beforeQuote >= 0 && IsEastAsianAt(text, beforeQuote, length)
                && IsEastAsianAt(text, index, length) && !HoldsWhatPrecedes(currentClass))
            {
                return true;
            }
        }

        // LB21a narrowed to HL (HY | BA) x [^HL] (15.1): between Hebrew letters a maqaf or hyphen may break.
        if (currentClass == HebrewLetter && LineBreakClass(last) is Hyphen or BreakAfter
            && BaseClassBefore(text, index - 1, length) == HebrewLetter)
        {
            return true;
        }

        return false;
    }

    // UAX #14 16.0 class HH (unambiguous hyphens), which Unicode 15.0 has as BA: each behaves as HY in
    // LB20a in Chromium 156 (measured; RESEARCH.md).
    private static bool IsUnambiguousHyphen(char c) =>
        c is '\u058A' or '\u05BE' or '\u1400' or '\u2010' or '\u2012' or '\u2013' or '\u2E17' or '\u2E40';

    // Classes after which some rule other than LB19 forbids a break (LB8a, LB9, LB11, LB12, LB14, LB21, LB21a).
    private static bool HoldsWhatFollows(int lineBreakClass) =>
        lineBreakClass is OpenPunctuation or Glue or WordJoiner or ZeroWidthJoiner or BreakBefore or Quotation
            or CombiningMark or Space or Hyphen;

    // Classes before which some rule other than LB19 forbids a break (LB6-LB13, LB16, LB21, LB22, LB30b).
    private static bool HoldsWhatPrecedes(int lineBreakClass) =>
        lineBreakClass is ClosePunctuation or CloseParenthesis or Exclamation or InfixNumeric or BreakSymbols
            or Nonstarter or BreakAfter or Hyphen or Inseparable or Glue or WordJoiner or ZeroWidthSpace
            or CombiningMark or ZeroWidthJoiner or Space or Quotation
            or MandatoryBreak or CarriageReturn or LineFeed or NextLine;

    // UCharCategory Mn, Me, Mc.
    private static bool IsMarkCategory(int category) => category is >= 6 and <= 8;

    private static bool IsEastAsianAt(char* text, int index, int length) =>
        IcuCharProperties.EastAsianWidth(CodePointAt(text, index, length)) is EastAsianFullwidth or EastAsianHalfwidth or EastAsianWide;

    private static int LineBreakClass(char c) => IcuCharProperties.LineBreak(c);

    private static int LineBreakClassAt(char* text, int index, int length) => IcuCharProperties.LineBreak(CodePointAt(text, index, length));

    private static int CodePointAt(char* text, int index, int length) =>
        char.IsHighSurrogate(text[index]) && index + 1 < length && char.IsLowSurrogate(text[index + 1])
            ? char.ConvertToUtf32(text[index], text[index + 1])
            : text[index];

    // Start of the base character before position end, looking through combining marks and ZWJ (LB9);
    // -1 at the start of the text. Marks with no base (LB10, treated as AL) are returned as themselves.
    private static int BaseBefore(char* text, int end)
    {
        int j = end - 1;
        while (j >= 0)
        {
            if (j == 0)
            {
                return 0;
            }

            if (char.IsLowSurrogate(text[j]) && j > 0 && char.IsHighSurrogate(text[j - 1]))
            {
                j--;
            }

            int lineBreakClass = IcuCharProperties.LineBreak(CodePointAt(text, j, end));
            if (lineBreakClass is not (CombiningMark or ZeroWidthJoiner))
            {
                return j;
            }

            j--;
        }

        return -1;
    }

    private static int BaseClassBefore(char* text, int end, int length)
    {
        int j = BaseBefore(text, end);
        return j < 0 ? -1 : LineBreakClassAt(text, j, length);
    }
}
