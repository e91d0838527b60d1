// Stage: unit tests for Text/Segmentation (Chromium-tailored line breaking).
// Input: strings exercising one UAX #14 rule or Blink behaviour each. Output: pass/fail per rule.
// Spec: every expected offset list was read back from Chromium 156 (Debian, headless) by laying the string
// out in a 0px-wide div with white-space: normal, where every opportunity is taken, and noting which
// characters start a new line (RESEARCH.md, "Line breaking: ICU vs Chromium"). Offsets are UTF-16.

using Foretext.Text;
using Foretext.Text.Segmentation;
using Xunit;

namespace Foretext.Tests.Text.Segmentation;

/// <summary>One test per tailoring or glue rule, named after the UAX #14 rule or Blink behaviour it pins.</summary>
public sealed class LineBreakRuleTests
{
    /// <summary>UAX #14 LB13 (no break before CL, EX, IS, SY) and Blink's ASCII table keep punctuation on its word; breaks fall only after the spaces.</summary>
    [Theory]
    [InlineData("Hello, world! (yes) [no] {x}; end: ok?", null, new[] { 7, 14, 20, 25, 30, 35 })]
    [InlineData("Wait... what?! \"Quoted\" text.", null, new[] { 8, 15, 24 })]
    public void LB13_ClosingPunctuationSticksToWord(string text, string? lang, int[] expected) => AssertBreaks(text, lang, WordBreak.Normal, expected);

    /// <summary>LB14 (OP x), LB19 (x QU x): brackets and quotes stay with the word they enclose.</summary>
    [Theory]
    [InlineData("say (\u201Cquoted\u201D) here", null, new[] { 4, 15 })]
    public void LB16_LB14_BracketsAndQuotes(string text, string? lang, int[] expected) => AssertBreaks(text, lang, WordBreak.Normal, expected);

    /// <summary>LB25: numbers with their separators, prefixes and postfixes do not break; Blink's table breaks after '-' between digits (dates).</summary>
    [Theory]
    [InlineData("12:30 1,000 $12.50 (12) 3.14% 2024-01-05", null, new[] { 6, 12, 19, 24, 30, 35, 38 })]
    [InlineData("\u0968\u096A\u00D7\u096D \u0915\u093E\u092E", "hi", new[] { 5 })]
    public void LB25_NumericRunsHoldTogether(string text, string? lang, int[] expected) => AssertBreaks(text, lang, WordBreak.Normal, expected);

    /// <summary>Blink ShouldBreakFast: '-' before a digit breaks only after a letter or digit ("A-1", "1234-5678"), not where it may be a minus sign.</summary>
    [Theory]
    [InlineData("A-1 1234-5678 x -1 (-2) --3 a-b", null, new[] { 2, 4, 9, 14, 16, 19, 24, 25, 28, 30 })]
    public void BlinkHyphenBeforeDigit_BreaksOnlyAfterAlphanumeric(string text, string? lang, int[] expected) => AssertBreaks(text, lang, WordBreak.Normal, expected);

    /// <summary>Blink's ASCII table: breaks inside "----", none after a leading '|'; U+2014 (B2) goes to ICU.</summary>
    [Theory]
    [InlineData("a----b |x |-| a|b a\u2014b x/y", null, new[] { 2, 3, 4, 5, 7, 10, 12, 14, 18, 19, 20, 22 })]
    public void BlinkAsciiTable_DashesAndPipes(string text, string? lang, int[] expected) => AssertBreaks(text, lang, WordBreak.Normal, expected);

    /// <summary>Blink's ASCII table: URLs break after '-' and '?' only, never after '/', '.', '=', '&amp;'.</summary>
    [Theory]
    [InlineData("https://example.com/some-path/file_name.html?query=1&x=y#frag", null, new[] { 25, 45 })]
    public void BlinkAsciiTable_UrlBreaksAfterHyphenAndQuestionMark(string text, string? lang, int[] expected) => AssertBreaks(text, lang, WordBreak.Normal, expected);

    /// <summary>Blink kAfterSpaceRun: after a run of spaces a break is allowed whatever follows, even ')' or '!' (UAX #14 LB13 would forbid).</summary>
    [Theory]
    [InlineData("a (b a \"c\" a <d> e ) f ! g \u300Ch\u300D \u00BBi\u00AB", null, new[] { 2, 5, 7, 11, 13, 17, 19, 21, 23, 25, 27, 31 })]
    public void BlinkAfterSpaceRun_BreaksAfterSpacesWhateverFollows(string text, string? lang, int[] expected) => AssertBreaks(text, lang, WordBreak.Normal, expected);

    /// <summary>Kinsoku: LB13/LB14 keep closing punctuation off line starts and opening brackets off line ends.</summary>
    [Theory]
    [InlineData("\u65E5\u672C\u8A9E\u300C\u30C6\u30B9\u30C8\u300D\u3067\u3059\u3002\u305D\u3046\u3001\u3067\u3059\u306D\uFF01\uFF08\u6CE8\uFF09", "ja", new[] { 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 16, 18 })]
    public void CjkKinsoku_LineStartAndEndProhibited(string text, string? lang, int[] expected) => AssertBreaks(text, lang, WordBreak.Normal, expected);

    /// <summary>CSS line-break: normal (Chromium's auto): small kana and U+30FC (CJ) break like ideographs, in every lang.</summary>
    [Theory]
    [InlineData("\u3061\u3087\u3063\u3068\u30EA\u30EA\u30FC\u30B9\u3041", "ja", new[] { 1, 2, 3, 4, 5, 6, 7, 8 })]
    [InlineData("\u3061\u3087\u3063\u3068\u30EA\u30EA\u30FC\u30B9", null, new[] { 1, 2, 3, 4, 5, 6, 7 })]
    [InlineData("\u3061\u3087\u3063\u3068\u30EA\u30EA\u30FC\u30B9", "zh", new[] { 1, 2, 3, 4, 5, 6, 7 })]
    public void CjkKinsoku_SmallKanaAndProlongedSoundMarkBreakInNormal(string text, string? lang, int[] expected) => AssertBreaks(text, lang, WordBreak.Normal, expected);

    /// <summary>LB21 (x NS): iteration marks U+3005, U+309D, U+30FD, U+30FE never start a line.</summary>
    [Theory]
    [InlineData("\u6642\u3005\u3053\u309D\u308D\u30B3\u30FD\u30B3\u30FE\u4EBA\u3005", "ja", new[] { 2, 4, 5, 7, 9 })]
    public void CjkKinsoku_IterationMarksStick(string text, string? lang, int[] expected) => AssertBreaks(text, lang, WordBreak.Normal, expected);

    /// <summary>ICU's lb=normal data for Chinese allows a break before U+301C and U+30A0; Japanese keeps them (Chromium's auto).</summary>
    [Theory]
    [InlineData("\u65E5\u672C\u301C\u65E5\u672C\u30A0\u65E5", "zh", new[] { 1, 2, 3, 4, 5, 6 })]
    [InlineData("\u65E5\u672C\u301C\u65E5\u672C\u30A0\u65E5", "ja", new[] { 1, 3, 4, 6 })]
    public void CjkKinsoku_ChineseWaveDashBreaksInNormal(string text, string? lang, int[] expected) => AssertBreaks(text, lang, WordBreak.Normal, expected);

    /// <summary>LB13/LB14/LB19 with Chinese fullwidth punctuation and quotes.</summary>
    [Theory]
    [InlineData("\u4ED6\u8BF4\uFF1A\u201C\u4F60\u597D\uFF0C\u4E16\u754C\u3002\u201D\u300A\u4E66\u300B", "zh", new[] { 1, 3, 5, 7, 8, 11 })]
    public void Chinese_PunctuationSticks(string text, string? lang, int[] expected) => AssertBreaks(text, lang, WordBreak.Normal, expected);

    /// <summary>Korean breaks between Hangul syllables (ID-like, LB26/LB27 only join jamo) and after spaces.</summary>
    [Theory]
    [InlineData("\uD55C\uAD6D\uC5B4 \uD14D\uC2A4\uD2B8\uC785\uB2C8\uB2E4.", "ko", new[] { 1, 2, 4, 5, 6, 7, 8, 9 })]
    public void Korean_BreaksBetweenSyllables(string text, string? lang, int[] expected) => AssertBreaks(text, lang, WordBreak.Normal, expected);

    /// <summary>Unicode 15.1 LB19/LB19a (Chromium's ICU): a quote between East Asian characters (emoji included) may break on its outer side; between Latin letters it holds.</summary>
    [Theory]
    [InlineData("\u2018\uC5B4\uBA38\uB098\u2019\uC18C\uB9AC", "ko", new[] { 2, 3, 5, 6 })]
    [InlineData("\uC18C\u2018\uC5B4\uBA38\uB098\u2019\uC18C", "ko", new[] { 1, 3, 4, 6 })]
    [InlineData("a\u2018b\u2019c \u201Cx\u201D", null, new[] { 6 })]
    [InlineData("\uD55C':\uD83D\uDC4B\u201D\u30FC\u30A1\uD55C\u300D\u00BB\uD83C\uDFFB", null, new[] { 3, 6, 7, 8, 11 })]
    public void LB19a_QuotesBetweenEastAsianBreak(string text, string? lang, int[] expected) => AssertBreaks(text, lang, WordBreak.Normal, expected);

    /// <summary>Arabic comma, semicolon and question mark (U+060C, U+061B, U+061F) break after, never before (LB13, LB21).</summary>
    [Theory]
    [InlineData("\u0647\u0630\u0627\u060C\u0630\u0644\u0643\u061B\u0647\u0644\u061F\u0646\u0639\u0645", "ar", new[] { 8, 11 })]
    [InlineData("\u0642\u0627\u0644: \u00AB\u0648\u0639\u0644\u064A\u0643 \u0627\u0644\u0633\u0644\u0627\u0645\u00BB.", "ar", new[] { 5, 12 })]
    public void Arabic_PunctuationWithoutSpaces(string text, string? lang, int[] expected) => AssertBreaks(text, lang, WordBreak.Normal, expected);

    /// <summary>Hebrew: maqaf and '-' between Hebrew letters break (Unicode 15.1 LB21a); gershayim stays inside the word.</summary>
    [Theory]
    [InlineData("\u05D1\u05D9\u05EA\u05BE\u05E1\u05E4\u05E8 \u05E6\u05D4\u05F4\u05DC \u05D0-\u05D1", "he", new[] { 4, 8, 13, 15 })]
    public void Hebrew_MaqafAndGeresh(string text, string? lang, int[] expected) => AssertBreaks(text, lang, WordBreak.Normal, expected);

    /// <summary>Myanmar U+104A, U+104B (BA) break after, not before (LB21).</summary>
    [Theory]
    [InlineData("\u1000\u1014\u103A\u104A\u1001\u1014\u103A\u104B\u1002", "my", new[] { 4, 8 })]
    public void Myanmar_SectionMarksBreakAfter(string text, string? lang, int[] expected) => AssertBreaks(text, lang, WordBreak.Normal, expected);

    /// <summary>Thai (SA) breaks at dictionary word boundaries (LB1 via ICU's dictionary).</summary>
    [Theory]
    [InlineData("\u0E20\u0E32\u0E29\u0E32\u0E44\u0E17\u0E22\u0E07\u0E48\u0E32\u0E22\u0E21\u0E32\u0E01", "th", new[] { 4, 7, 11 })]
    public void Thai_DictionaryBreaks(string text, string? lang, int[] expected) => AssertBreaks(text, lang, WordBreak.Normal, expected);

    /// <summary>LB12/LB12a: NBSP, narrow NBSP, figure space glue both neighbours; Blink's table glues NBSP to ASCII.</summary>
    [Theory]
    [InlineData("a\u00A0b 1\u00A0000 x\u202Fy p\u2007q \u00A0(r) s\u00A0-t", null, new[] { 4, 10, 14, 18, 23, 26 })]
    public void LB12_NoBreakSpaceGlues(string text, string? lang, int[] expected) => AssertBreaks(text, lang, WordBreak.Normal, expected);

    /// <summary>LB11: word joiner U+2060 and BOM U+FEFF glue both neighbours, even between ideographs.</summary>
    [Theory]
    [InlineData("a\u2060b c\uFEFFd \u65E5\u2060\u672C", null, new[] { 4, 8 })]
    public void LB11_WordJoinerGlues(string text, string? lang, int[] expected) => AssertBreaks(text, lang, WordBreak.Normal, expected);

    /// <summary>LB8: a break after ZWSP (U+200B) and none before.</summary>
    [Theory]
    [InlineData("a\u200Bb \u65E5\u200B\u672C x\u200B\u200By", null, new[] { 2, 4, 6, 8, 11 })]
    public void LB8_ZeroWidthSpaceBreaks(string text, string? lang, int[] expected) => AssertBreaks(text, lang, WordBreak.Normal, expected);

    /// <summary>LB21: soft hyphen U+00AD (BA) allows a break after it.</summary>
    [Theory]
    [InlineData("trans\u00ADatlantic hy\u00ADphen\u00AD", null, new[] { 6, 15, 18 })]
    public void LB21_SoftHyphenBreaksAfter(string text, string? lang, int[] expected) => AssertBreaks(text, lang, WordBreak.Normal, expected);

    /// <summary>LB9: combining marks and virama conjuncts never start a line.</summary>
    [Theory]
    [InlineData("\u0928\u092E\u0938\u094D\u0924\u0947 \u0915\u094D\u0937\u093F e\u0301e\u0301", "hi", new[] { 7, 12 })]
    public void LB9_CombiningMarksStay(string text, string? lang, int[] expected) => AssertBreaks(text, lang, WordBreak.Normal, expected);

    /// <summary>LB8a (ZWJ x), LB30b (EB x EM): emoji sequences hold; emoji (ID) break from each other and from letters.</summary>
    [Theory]
    [InlineData("\uD83D\uDC4B\uD83C\uDFFB\uD83E\uDDD1\u200D\uD83D\uDCBB\uD83D\uDE02\uD83D\uDE02 a\uD83C\uDF63", null, new[] { 4, 9, 11, 14, 15 })]
    public void LB30b_EmojiModifiersAndZwj(string text, string? lang, int[] expected) => AssertBreaks(text, lang, WordBreak.Normal, expected);

    /// <summary>Blink ShouldKeepAfterKeepAll: keep-all holds letters and numbers together (Hangul, Han, kana, Latin) but still breaks at spaces, punctuation and after '-'.</summary>
    [Theory]
    [InlineData("\uD55C\uAD6D\uC5B4 \uD14D\uC2A4\uD2B8\uC785\uB2C8\uB2E4. \u65E5\u672C\u8A9E\u306E\u6587\u3002\u4E2D\u6587\uFF0C\u6D4B\u8BD5", "ko", new[] { 4, 12, 18, 21 })]
    [InlineData("\u65E5\u672C\u8A9E\u300C\u30C6\u30B9\u30C8\u300D\u3067\u3059\u3002abc-def 12\u65E5", "ja", new[] { 3, 8, 11, 15, 19 })]
    public void WordBreakKeepAll_KeepsLettersTogether(string text, string? lang, int[] expected) => AssertBreaks(text, lang, WordBreak.KeepAll, expected);

    /// <summary>Blink keep-all leaves SA scripts (Thai) to the dictionary.</summary>
    [Theory]
    [InlineData("\u0E20\u0E32\u0E29\u0E32\u0E44\u0E17\u0E22\u0E07\u0E48\u0E32\u0E22\u0E21\u0E32\u0E01", "th", new[] { 4, 7, 11 })]
    public void WordBreakKeepAll_ComplexScriptsStillBreak(string text, string? lang, int[] expected) => AssertBreaks(text, lang, WordBreak.KeepAll, expected);

    /// <summary>LB20a: no break after a word-initial hyphen before a letter (" -\u00E9t\u00E9", " -\u05D1"), but a break after a hyphen inside a word.</summary>
    [Theory]
    [InlineData("a -\u00E9t\u00E9 b \u2010word c \u05D0 -\u05D1\u05D2 x-\u00E9", null, new[] { 2, 7, 9, 15, 17, 19, 23, 25 })]
    public void LB20a_WordInitialHyphenHolds(string text, string? lang, int[] expected) => AssertBreaks(text, lang, WordBreak.Normal, expected);

    /// <summary>Unicode 15.1 LB21a, HL (HY | BA) x [^HL]: maqaf and '-' between Hebrew letters break.</summary>
    [Theory]
    [InlineData("\u05D1\u05D9\u05EA\u05BE\u05E1\u05E4\u05E8 \u05D0-\u05D1 \u05D0-a \u05D1\u05BC\u05BE\u05D2", "he", new[] { 4, 8, 10, 12, 14, 16, 19 })]
    public void LB21a_HebrewMaqafBreaksBetweenHebrewLetters(string text, string? lang, int[] expected) => AssertBreaks(text, lang, WordBreak.Normal, expected);

    /// <summary>Unicode 16.0 LB20a with class HH: en dash, figure dash, Armenian hyphen and maqaf hold on to the letter after them at a word start (after space, NBSP or at the start), not inside a word.</summary>
    [Theory]
    [InlineData("a \u2013b a \u058Ab \u05BE\u05D0 x\u2013b y\u00A0\u2012b 1\u20132", null, new[] { 2, 5, 7, 10, 13, 15, 17, 22, 24 })]
    public void LB20a_UnambiguousHyphensHoldAtWordStart(string text, string? lang, int[] expected) => AssertBreaks(text, lang, WordBreak.Normal, expected);

    /// <summary>Unicode 16.0 LB21a, HL (HY | HH) x [^HL]: after a Hebrew letter, a BA that is not a hyphen ('|', U+3000) breaks again; an en dash (HH) still holds.</summary>
    [Theory]
    [InlineData("\u05D1|\uD83D\uDE00 \u05D1\u3000*\u05D0 \u05D0|\u300C \u05D0\u2013b", null, new[] { 2, 5, 7, 10, 12, 14 })]
    public void LB21a_HebrewThenBreakAfterNoLongerHolds(string text, string? lang, int[] expected) => AssertBreaks(text, lang, WordBreak.Normal, expected);
    private static void AssertBreaks(string text, string? lang, WordBreak wordBreak, int[] expected)
    {
        var result = new BreakOpportunity[text.Length + 1];
        LineBreakOpportunities.Compute(text, lang, wordBreak, result);
        var actual = new List<int>();
        for (int i = 1; i < text.Length; i++)
        {
            if (result[i] != BreakOpportunity.None)
            {
                actual.Add(i);
            }
        }

        Assert.True(expected.SequenceEqual(actual), "expected " + Mark(text, expected) + "\n     got " + Mark(text, actual));
    }

    private static string Mark(string text, IEnumerable<int> breaks)
    {
        var set = new HashSet<int>(breaks);
        var marked = new System.Text.StringBuilder();
        for (int i = 0; i < text.Length; i++)
        {
            marked.Append(set.Contains(i) ? "\u00F7" : string.Empty).Append(text[i]);
        }

        return marked.ToString();
    }
}
