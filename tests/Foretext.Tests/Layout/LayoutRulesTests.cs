// Layout rules against the fake measurer (10px font: most letters 5px, 'i' 'l' '.' ',' 2.5px, 'm' 'w' 7.5px,
// space 2.5px, '-' 3.75px, CJK 10px). Each test names the CSS rule or browser behaviour it pins.

using Foretext.Layout;
using Foretext.Text;

namespace Foretext.Tests.Layout;

public class LayoutRulesTests
{
    private const string Font = "10px Test";
    private static readonly TextLayoutEngine s_engine = new(FakeTextMeasurer.Instance);

    private static PreparedText Prepare(string text, PrepareOptions? options = null) => s_engine.Prepare(text, Font, options);

    private static string[] Lines(string text, double width, PrepareOptions? options = null)
        => TextLayout.LayoutWithLines(Prepare(text, options), width, 20).Lines.Select(l => l.Text).ToArray();

    private static string[] LinesOf(PreparedText prepared, double width)
        => TextLayout.LayoutWithLines(prepared, width, 20).Lines.Select(l => l.Text).ToArray();

    private static readonly PrepareOptions s_preWrap = new() { WhiteSpace = WhiteSpace.PreWrap };

    [Fact]
    public void EmptyTextHasNoLines()
    {
        Assert.Equal(new LayoutResult(0, 0), TextLayout.Layout(Prepare(""), 100, 20));
        Assert.Equal(0, TextLayout.Layout(Prepare("   \n\t  "), 100, 20).LineCount);
        Assert.Equal(0, TextLayout.Layout(Prepare("", s_preWrap), 100, 20).LineCount);
    }

    [Fact]
    public void WrapsAtSpaces()
    {
        Assert.Equal(["aaaa bbbb"], Lines("aaaa bbbb", 42.5));
        Assert.Equal(["aaaa", "bbbb"], Lines("aaaa bbbb", 42.4));
        Assert.Equal(new LayoutResult(2, 40), TextLayout.Layout(Prepare("aaaa bbbb"), 30, 20));
    }

    // LineBreaker::AvailableWidthToFit adds LayoutUnit's epsilon: text exactly 1/64 px wider than the box still fits
    // (Chromium 156: "why I like" is 75.015625px in 16px DejaVu Sans and fills a 75px line), 2/64 px does not.
    [Fact]
    public void TextOneLayoutUnitWiderThanTheBoxFits_BlinkAvailableWidthToFit()
    {
        Assert.Equal(["aaaa bbbb"], Lines("aaaa bbbb", 42.5 - (1 / 64.0)));
        Assert.Equal(["aaaa", "bbbb"], Lines("aaaa bbbb", 42.5 - (2 / 64.0)));
        Assert.Equal(1, TextLayout.Layout(Prepare("aaaa bbbb"), 42.5 - (1 / 64.0), 20).LineCount);
        Assert.Equal(2, TextLayout.Layout(Prepare("aaaa bbbb"), 42.5 - (2 / 64.0), 20).LineCount);
    }

    [Fact]
    public void CollapsibleWhiteSpaceCollapses_CssText3_4_1_1()
    {
        // Runs of spaces, tabs and line feeds are one space; leading and trailing ones go.
        PreparedText prepared = Prepare("  aaaa \t\n  bbbb  ");
        LayoutLinesResult result = TextLayout.LayoutWithLines(prepared, 1000, 20);
        Assert.Equal("aaaa bbbb", Assert.Single(result.Lines).Text);
        Assert.Equal(42.5, result.Lines[0].Width);
        Assert.Equal(2, result.Lines[0].SourceStart);
        Assert.Equal(17, result.Lines[0].SourceEnd);
    }

    [Fact]
    public void TrailingSpacesHang_CssText3_4_1_3()
    {
        // The space after "aaaa" does not count toward fitting, in normal and in pre-wrap.
        Assert.Equal(["aaaa", "bbbb"], Lines("aaaa bbbb", 20));
        Assert.Equal(["aaaa"], Lines("aaaa      ", 20, s_preWrap));
        LayoutLinesResult result = TextLayout.LayoutWithLines(Prepare("aaaa      bbbb", s_preWrap), 30, 20);
        Assert.Equal(["aaaa", "bbbb"], result.Lines.Select(l => l.Text));
        Assert.Equal(20, result.Lines[0].Width);
    }

    [Fact]
    public void LineStartsAfterCollapsedSpace()
    {
        LayoutLinesResult result = TextLayout.LayoutWithLines(Prepare("aa   bb"), 10, 20);
        Assert.Equal([0, 5], result.Lines.Select(l => l.SourceStart));
    }

    [Fact]
    public void PreWrapKeepsSpacesAndBreaksAtLineFeeds()
    {
        Assert.Equal(["  aa", "bb"], Lines("  aa\nbb", 100, s_preWrap));
        Assert.Equal(["a", "", "b"], Lines("a\n\nb", 100, s_preWrap)); // consecutive breaks give an empty line
        Assert.Equal(["a"], Lines("a\n", 100, s_preWrap)); // a final break adds none
        Assert.Equal([""], Lines("\n", 100, s_preWrap));
        Assert.Equal(["a", "b"], Lines("a\r\nb", 100, s_preWrap)); // CR LF is one break
        Assert.Equal(["a", "b"], Lines("a\rb", 100, s_preWrap));
    }

    [Fact]
    public void PreWrapLeadingSpacesCount()
    {
        // Preserved spaces at the start of a line are content: "   aaaa" needs 27.5px.
        Assert.Equal(["   aaaa"], Lines("   aaaa", 27.5, s_preWrap));
        // Narrower, it breaks after them; the first line's spaces hang, so its drawn text is empty.
        LayoutLinesResult result = TextLayout.LayoutWithLines(Prepare("   aaaa", s_preWrap), 27, 20);
        Assert.Equal(["", "aaaa"], result.Lines.Select(l => l.Text));
        Assert.Equal([0, 3], result.Lines.Select(l => l.SourceStart));
    }

    [Fact]
    public void TabsAdvanceToStopsOfEightSpaces_CssText3_TabSize()
    {
        // Space 2.5px, so a tab stop every 20px from the line start.
        PreparedText prepared = Prepare("a\tb", s_preWrap);
        LayoutLine line = Assert.Single(TextLayout.LayoutWithLines(prepared, 100, 20).Lines);
        Assert.Equal(25, line.Width);
        Assert.Equal(1, TextLayout.Layout(prepared, 25, 20).LineCount);
        Assert.Equal(2, TextLayout.Layout(prepared, 24.9, 20).LineCount);

        // At a stop, a tab goes to the next stop.
        Assert.Equal(45, TextLayout.LayoutWithLines(Prepare("aaaa\tb", s_preWrap), 100, 20).Lines[0].Width);

        // Tab stops are measured from each line's start.
        LayoutLinesResult two = TextLayout.LayoutWithLines(Prepare("aaaa\naa\tb", s_preWrap), 100, 20);
        Assert.Equal(25, two.Lines[1].Width);
    }

    [Fact]
    public void TabUnderHalfASpaceFromAStopSkipsToTheNext_BlinkTabWidth()
    {
        // "aaa" + "l" + "l" ends at 20 - 0 ... use letter spacing to land 1px before a stop: 4 graphemes of 5+0.25.
        var options = s_preWrap with { LetterSpacing = 0.25 };

        // Space is 2.75 with spacing, stops every 22px; "aaaa" ends at 21, 1px < 1.375 short of the stop.
        LayoutLine line = Assert.Single(TextLayout.LayoutWithLines(Prepare("aaaa\tb", options), 100, 20).Lines);
        Assert.Equal(44 + 5.25, line.Width, 5);
    }

    [Fact]
    public void SoftHyphenIsInvisibleUnlessChosen()
    {
        LayoutLinesResult one = TextLayout.LayoutWithLines(Prepare("aaaa\u00ADbbbb"), 100, 20);
        Assert.Equal(40, Assert.Single(one.Lines).Width);

        LayoutLinesResult two = TextLayout.LayoutWithLines(Prepare("aaaa\u00ADbbbb"), 30, 20);
        Assert.Equal(["aaaa-", "bbbb"], two.Lines.Select(l => l.Text));
        Assert.Equal(23.75, two.Lines[0].Width); // the hyphen's width counts
    }

    [Fact]
    public void ChosenSoftHyphenMustFitWithItsHyphen()
    {
        // "aa" + hyphen = 13.75 fits 14 but "aaaa" + hyphen does not fit 23, so the first line breaks after "aa-".
        LayoutLinesResult result = TextLayout.LayoutWithLines(Prepare("aa\u00ADaa\u00ADbbbb"), 23, 20);
        Assert.Equal(["aa-", "aa-", "bbbb"], result.Lines.Select(l => l.Text));
    }

    [Fact]
    public void BreakWordSplitsLongWordsAtGraphemes_CssText3_OverflowWrap()
    {
        Assert.Equal(["aaaa", "aaaa", "aa"], Lines("aaaaaaaaaa", 22));

        // e + combining acute is one grapheme and never splits.
        Assert.Equal(["ae\u0301", "ae\u0301"], Lines("ae\u0301ae\u0301", 12));

        // Narrower than one grapheme: one grapheme a line.
        Assert.Equal(["a", "a"], Lines("aa", 1));
        Assert.Equal(["a", "a"], Lines("aa", 0));
    }

    [Fact]
    public void ALineStartingAtAHyphenSeesNoTextBeforeIt_BlinkLazyLineBreakIterator()
    {
        // Inside the paragraph `aaaa-99999` breaks after `-` (Blink breaks `-` then a digit after a letter or digit);
        // a line that starts at the `-` (after the break-anywhere pass) sees `-9`, a minus sign, and runs on.
        Assert.Equal(["aaaa-", "99999"], Lines("aaaa-99999", 25));
        Assert.Equal(["aaaa", "-999", "99"], Lines("aaaa-99999", 22));

        // `-` then a letter keeps its opportunity at a line start.
        Assert.Equal(["aaaa", "-", "bbbb", "b"], Lines("aaaa-bbbbb", 22));
    }

    [Fact]
    public void ALineStartingInsideAMyanmarWordIsSegmentedFromThere_BlinkLazyLineBreakIteratorSetStartOffset()
    {
        // sweep-034's word run `\u101E\u1005\u103A\u1015\u1004\u103A\u101B\u1004\u103A\u1038\u101E\u102D\u102F\u1037`:
        // ICU's dictionary segments the paragraph after units 6 and 10, but from `\u1015` (unit 3, where a break-anywhere
        // line started in Chromium) only after unit 10, so a line starting there has no opportunity at unit 6.
        const string Run = "\u101E\u1005\u103A\u1015\u1004\u103A\u101B\u1004\u103A\u1038\u101E\u102D\u102F\u1037";
        PreparedText prepared = s_engine.Prepare(Run, Font, new PrepareOptions { Lang = "my" });
        Assert.Equal(["\u101E\u1005\u103A\u1015\u1004\u103A", "\u101B\u1004\u103A\u1038", "\u101E\u102D\u102F\u1037"], LinesOf(prepared, 30));

        // At 20px (5px a unit) the paragraph's opportunity would end the line at unit 6 (15px); from the line start the
        // first opportunity (unit 10, 35px) does not fit, so the line breaks anywhere, after `\u101B` (unit 7, 20px).
        var start = new LayoutCursor(0, 2);
        Assert.Equal(3, prepared.GetSourceOffset(start));
        LayoutLineRange line = TextLayout.LayoutNextLineRange(prepared, start, 20)!.Value;
        Assert.Equal(7, prepared.GetSourceOffset(line.End));

        // At 40px the rest of the word fits up to the restarted opportunity at unit 10, as it does from the word start.
        line = TextLayout.LayoutNextLineRange(prepared, start, 40)!.Value;
        Assert.Equal(10, prepared.GetSourceOffset(line.End));
    }

    /// <summary>The fake measurer, plus HarfBuzz's dotted circle (1 em here) before a Myanmar sign that starts the measured text.</summary>
    private sealed class DottedCircleMeasurer : Foretext.Shaping.ITextMeasurer
    {
        public void MeasureAdvances(ReadOnlySpan<char> text, in Foretext.Shaping.MeasureStyle style, Span<double> advances)
        {
            FakeTextMeasurer.Instance.MeasureAdvances(text, style, advances);
            if (text.Length > 0 && text[0] is >= '\u102B' and <= '\u103E')
            {
                advances[0] += 10;
            }
        }
    }

    [Fact]
    public void ALineStartingAtASpacingMarkIsReshapedFromThere_BlinkShapeLine()
    {
        // sweep-100 (16px): `\u101E\u1018\u1031\u102C\u1010\u1030` has no opportunity inside, and Chromium breaks it
        // anywhere before the vowel sign `\u102C`; the line that starts there is reshaped from its start, and HarfBuzz
        // draws a dotted circle before the sign, so `\u102C\u1010\u1030` (15px in context here, 25px reshaped) no longer
        // fits 17px.
        var engine = new TextLayoutEngine(new DottedCircleMeasurer());
        PreparedText prepared = engine.Prepare("\u101E\u1018\u1031\u102C\u1010\u1030", Font, new PrepareOptions { Lang = "my" });
        Assert.Equal(["\u101E\u1018\u1031", "\u102C", "\u1010\u1030"], LinesOf(prepared, 17));
        Assert.Equal(3, TextLayout.Layout(prepared, 17, 20).LineCount);

        // The sign's line is 15px wide: 5px in context and the 10px circle.
        Assert.Equal(15, TextLayout.LayoutWithLines(prepared, 17, 20).Lines[1].Width);
    }

    [Fact]
    public void LongWordMovesToItsOwnLineBeforeBreaking()
    {
        Assert.Equal(["bb", "aaaa", "aaaa", "aa"], Lines("bb aaaaaaaaaa", 22));
    }

    [Fact]
    public void OverflowWrapNormalLetsWordsOverflow()
    {
        var options = new PrepareOptions { OverflowWrap = OverflowWrap.Normal };
        Assert.Equal(["bb", "aaaaaaaaaa", "cc"], Lines("bb aaaaaaaaaa cc", 22, options));
    }

    [Fact]
    public void LetterSpacingIsAddedPerGrapheme()
    {
        var options = new PrepareOptions { LetterSpacing = 1 };
        LayoutLine line = Assert.Single(TextLayout.LayoutWithLines(Prepare("aaaa bbbb", options), 100, 20).Lines);
        Assert.Equal(51.5, line.Width, 9);
        Assert.Equal(2, TextLayout.Layout(Prepare("aaaa bbbb", options), 51, 20).LineCount);

        // Per grapheme cluster, not per code unit: e + combining mark gets one spacing.
        Assert.Equal(6, TextLayout.MeasureNaturalWidth(Prepare("e\u0301", options)));
    }

    [Fact]
    public void NoBreakSpaceGlues_UAX14_GL()
    {
        // No opportunity at NBSP, narrow NBSP or word joiner: the run breaks only by overflow-wrap.
        Assert.Equal(["aaaa\u00A0b", "bbb"], Lines("aaaa\u00A0bbbb", 30));
        Assert.Equal(["aaaa\u202Fb", "bbb"], Lines("aaaa\u202Fbbbb", 30));
        Assert.Equal(["aaaa\u2060bb", "bb"], Lines("aaaa\u2060bbbb", 30));
    }

    [Fact]
    public void ZeroWidthSpaceIsABreakOpportunity_UAX14_ZW()
    {
        Assert.Equal(["aaaa\u200B", "bbbb"], Lines("aaaa\u200Bbbbb", 30));
    }

    [Fact]
    public void NaturalWidthIsTheWidestForcedLine()
    {
        Assert.Equal(40, TextLayout.MeasureNaturalWidth(Prepare("aa\naaaaaaaa\na", s_preWrap)));
        Assert.Equal(42.5, TextLayout.MeasureNaturalWidth(Prepare("aaaa bbbb  ")));
        Assert.Equal(0, TextLayout.MeasureNaturalWidth(Prepare("")));
    }

    [Fact]
    public void LineStatsGiveCountAndWidestLine()
    {
        Assert.Equal(new LineStats(2, 25), TextLayout.MeasureLineStats(Prepare("aa bbbbb"), 30));
    }

    [Fact]
    public void StreamingWithADifferentWidthPerLine()
    {
        PreparedText prepared = Prepare("aa bb cc dd ee");
        double[] widths = [12, 30, 100];
        var lines = new List<string>();
        LayoutCursor cursor = LayoutCursor.Start;
        for (int i = 0; ; i++)
        {
            LayoutLine? line = TextLayout.LayoutNextLine(prepared, cursor, widths[Math.Min(i, widths.Length - 1)]);
            if (line is null)
            {
                break;
            }

            lines.Add(line.Text);
            cursor = line.End;
        }

        Assert.Equal(["aa", "bb cc", "dd ee"], lines);
        Assert.Null(TextLayout.LayoutNextLineRange(prepared, prepared.End, 100));
    }

    [Fact]
    public void CursorsMapToSourceOffsets()
    {
        PreparedText prepared = Prepare("  aaaaaa  bb");
        LayoutLinesResult result = TextLayout.LayoutWithLines(prepared, 12, 20);
        Assert.Equal(["aa", "aa", "aa", "bb"], result.Lines.Select(l => l.Text));
        Assert.Equal([2, 4, 6, 10], result.Lines.Select(l => l.SourceStart));
        Assert.Equal(new LayoutCursor(0, 2), result.Lines[1].Start);
        Assert.Equal(4, prepared.GetSourceOffset(new LayoutCursor(0, 2)));
        Assert.Equal(12, prepared.GetSourceOffset(prepared.End));
        Assert.Throws<ArgumentOutOfRangeException>(() => prepared.GetSourceOffset(new LayoutCursor(0, 6)));
        Assert.Throws<ArgumentOutOfRangeException>(() => prepared.GetSourceOffset(new LayoutCursor(9, 0)));
    }

    [Fact]
    public void MaterializeLineRangeMatchesLayoutWithLines()
    {
        PreparedText prepared = Prepare("aa bb\u00ADcc dd");
        var ranges = new List<LayoutLineRange>();
        TextLayout.WalkLineRanges(prepared, 20, ranges.Add);
        LayoutLinesResult lines = TextLayout.LayoutWithLines(prepared, 20, 20);
        Assert.Equal(lines.Lines, ranges.Select(r => TextLayout.MaterializeLineRange(prepared, r)));
    }

    [Fact]
    public void PrepareWithSegmentsExposesSegments()
    {
        PreparedTextWithSegments prepared = s_engine.PrepareWithSegments("aa bb\tcc\n", Font, s_preWrap);
        Assert.Equal(["aa", " ", "bb", "\t", "cc", "\n"], prepared.Segments);
        Assert.Equal([SegmentKind.Text, SegmentKind.Space, SegmentKind.Text, SegmentKind.Tab, SegmentKind.Text, SegmentKind.HardBreak], prepared.Kinds);
        Assert.Equal([10, 2.5, 10, 0, 10, 0], prepared.Widths);
        Assert.Equal(5, prepared.GetSegmentSourceOffset(3));
        Assert.Equal(TextLayout.Layout(prepared, 15, 20), TextLayout.Layout(Prepare("aa bb\tcc\n", s_preWrap), 15, 20));
    }

    [Fact]
    public void ClosingPunctuationFitsAtALineEndInHalfItsWidth_TextSpacingTrim()
    {
        // CJK characters are 10px; the closing bracket at the end of "\u4E00\u4E00\u300D" needs 30px in a line,
        // 25px at its end (Chromium's line-end HanKerning), so 25px holds it and 24px does not.
        string text = "\u4E00\u4E00\u300D\u4E00";
        Assert.Equal(["\u4E00\u4E00\u300D", "\u4E00"], Lines(text, 25));
        Assert.Equal(25, TextLayout.LayoutWithLines(Prepare(text), 25, 20).Lines[0].Width);
        Assert.Equal(["\u4E00", "\u4E00\u300D", "\u4E00"], Lines(text, 24));

        // Inside a line it keeps its full width.
        Assert.Equal(40, TextLayout.MeasureNaturalWidth(Prepare(text)));
    }

    [Fact]
    public void RestOfABrokenWordIsMeasuredWholeBeforeItsLineEndTrim()
    {
        // keep-all makes one unbreakable run; overflow-wrap breaks it. The second line starts inside it with 40px
        // left ("\u4E00\u4E00\u4E00\u300D", 35px even with the bracket trimmed), so it must not end the line there.
        var keepAll = new PrepareOptions { WordBreak = WordBreak.KeepAll };
        Assert.Equal(["\u4E00\u4E00", "\u4E00\u4E00", "\u4E00\u300D"], Lines("\u4E00\u4E00\u4E00\u4E00\u4E00\u300D", 25, keepAll));
    }

    [Fact]
    public void OpeningBracketStartsALineAtFullWidth_TextSpacingTrim()
    {
        // In context the bracket after the comma is trimmed to 5px; at a line start it is 10px again, so the line
        // "\u300C\u4E00\u4E00" needs 30px, not 25px.
        string text = "\u4E00\uFF0C\u300C\u4E00\u4E00";
        Assert.Equal(45, TextLayout.MeasureNaturalWidth(Prepare(text)));
        Assert.Equal(["\u4E00\uFF0C", "\u300C\u4E00\u4E00"], Lines(text, 30));
        Assert.Equal(30, TextLayout.LayoutWithLines(Prepare(text), 30, 20).Lines[1].Width);
        Assert.Equal(["\u4E00\uFF0C", "\u300C\u4E00", "\u4E00"], Lines(text, 29));
    }

    [Fact]
    public void SoftHyphenDrawsTheHyphenThePrimaryFontHas_BlinkHyphenString()
    {
        // With U+2010 in the font the drawn hyphen is 10px wide, so "aaaa" + hyphen needs 30px.
        PreparedText prepared = s_engine.Prepare("aaaa\u00ADbbbb", "10px Hyphen");
        LayoutLinesResult fits = TextLayout.LayoutWithLines(prepared, 30, 20);
        Assert.Equal(["aaaa-", "bbbb"], fits.Lines.Select(l => l.Text));
        Assert.Equal(30, fits.Lines[0].Width);

        // At 29px the wide hyphen does not fit, so the soft hyphen is not chosen.
        Assert.False(TextLayout.LayoutNextLineRange(prepared, LayoutCursor.Start, 29)!.Value.EndsWithHyphen);

        // A font without U+2010 draws '-' (3.75px here).
        Assert.Equal(23.75, TextLayout.LayoutWithLines(Prepare("aaaa\u00ADbbbb"), 30, 20).Lines[0].Width);
    }

    [Fact]
    public void HyphenThatOverflowsRetriesWithoutItsWidth_BlinkBreakText()
    {
        // Chromium 156, 16px "Noto Serif CJK SC" (U+2010 is 16px wide), 60px box: `aaaaa b\u00ADcccc` breaks as
        // `aaaa|a b\u00ADcccc`, at 61px as `aaaaa |b\u00ADcccc`. The last opportunity whose text fits is the soft
        // hyphen, whose hyphen overflows; LineBreaker::BreakText then retries with the width less the hyphen's,
        // where not even `aaaaa` fits, so overflow-wrap breaks inside the first word. Here: a = 5px, hyphen 10px.
        PreparedText prepared = s_engine.Prepare("aaaaa b\u00ADcccc", "10px Hyphen");
        Assert.Equal(["aaaa", "a bcccc"], LinesOf(prepared, 33));
        Assert.Equal(["aaaaa", "bcccc"], LinesOf(prepared, 35));

        // With overflow-wrap: normal nothing breaks inside a word: the first opportunity is taken.
        PreparedText normal = s_engine.Prepare("aaaaa b\u00ADcccc", "10px Hyphen", new PrepareOptions { OverflowWrap = OverflowWrap.Normal });
        Assert.Equal(["aaaaa", "bcccc"], LinesOf(normal, 33));
    }

    [Fact]
    public void BreakAnywhereAlsoRetriesWithoutTheHyphen_BlinkHandleOverflow()
    {
        // Chromium: `ele\u00ADctroe\u00ADnc` in a 48px box (16px "Noto Serif CJK SC") ends a line with `ctro`, not
        // `ctroe`: breaking anywhere, the last boundary that fits follows the soft hyphen, whose hyphen overflows,
        // and the retry without the hyphen's width ends the line one cluster earlier. Here `bbbb` is 20px, the
        // hyphen 10px, the box 24px: `bbbb`+hyphen overflows, so the retry takes what fits in 14px.
        PreparedText prepared = s_engine.Prepare("bbbb\u00ADcccc", "10px Hyphen");
        Assert.Equal(["bb", "bb-", "cccc"], LinesOf(prepared, 24));
    }

    [Fact]
    public void ClosingPunctuationBeforeSpacesIsTrimmedOnlyWhenBreakingAnywhere_BlinkShapeLine()
    {
        // ShapeLine trims a closing bracket at the candidate break only if a break may follow it directly. Normally
        // the opportunity is after the spaces, so no trim; once overflow-wrap breaks anywhere, every cluster
        // boundary is one (Chromium keeps `name?\u201D` on a 48px line although it is 49.97px wide untrimmed).
        Assert.Equal(["ab\u300D", "cd"], Lines("ab\u300D cd", 16));
        Assert.Equal(["ab", "\u300D", "cd"], Lines("ab\u300D cd", 14));

        // Between CJK characters the opportunity is right after the bracket, so the trim applies without breaking anywhere.
        Assert.Equal(["\u4E00\u300D", "\u4E00", "\u4E00"], Lines("\u4E00\u300D\u4E00 \u4E00", 15));
    }

    [Fact]
    public void LetterSpacingSkipsCursiveLettersButNotTheSpacesBetweenThem_CssText3()
    {
        // Arabic letters (5px each here) get no spacing; the space between the words does.
        var options = new PrepareOptions { LetterSpacing = 1 };
        Assert.Equal(20 + 2.5 + 1 + 20, TextLayout.MeasureNaturalWidth(Prepare("\u0645\u0631\u062D\u0628 \u0645\u0631\u062D\u0628", options)));
        Assert.Equal(24, TextLayout.MeasureNaturalWidth(Prepare("abcd", options)));
    }

    [Fact]
    public void SegmentsCarryTheirBidiEmbeddingLevels_UAX9()
    {
        // Hebrew inside an LTR paragraph is level 1; in an RTL paragraph the Latin word is level 2.
        PreparedTextWithSegments ltr = s_engine.PrepareWithSegments("abc \u05E9\u05DC\u05D5\u05DD def", Font);
        Assert.Equal(["abc", " ", "\u05E9\u05DC\u05D5\u05DD", " ", "def"], ltr.Segments);
        Assert.Equal([0, 0, 1, 0, 0], ltr.Levels);

        var rtl = new PrepareOptions { Direction = TextDirection.Rtl };
        PreparedTextWithSegments rtlPrepared = s_engine.PrepareWithSegments("\u05E9\u05DC\u05D5\u05DD abc", Font, rtl);
        Assert.Equal([1, 1, 2], rtlPrepared.Levels);

        // Auto takes the first strong character (UAX #9 P2-P3); the breaker ignores levels either way.
        var auto = new PrepareOptions { Direction = TextDirection.Auto };
        Assert.Equal([1, 1, 2], s_engine.PrepareWithSegments("\u05E9\u05DC\u05D5\u05DD abc", Font, auto).Levels);
        Assert.Equal(TextLayout.Layout(ltr, 30, 20), TextLayout.Layout(s_engine.Prepare("abc \u05E9\u05DC\u05D5\u05DD def", Font, rtl), 30, 20));
    }

    [Fact]
    public void LetterSpacingSkipsDefaultIgnorables_ChromiumLetterSpacing()
    {
        // Chromium with 1px letter spacing: `a\u00ADb`, `a\u200Bb`, `a\u2060b` measure as `ab` (16px Noto Serif: 20.84375).
        var options = new PrepareOptions { LetterSpacing = 1 };
        double ab = TextLayout.MeasureNaturalWidth(Prepare("ab", options));
        Assert.Equal(ab, TextLayout.MeasureNaturalWidth(Prepare("a\u00ADb", options)));
        Assert.Equal(ab, TextLayout.MeasureNaturalWidth(Prepare("a\u200Bb", options)));
        Assert.Equal(ab, TextLayout.MeasureNaturalWidth(Prepare("a\u2060b", options)));
    }

    [Fact]
    public void CommonCharactersInACursiveScriptRunAreNotSpaced_BlinkScriptRunIterator()
    {
        // Chromium, 12px Noto Serif + Noto Naskh Arabic, 1px spacing: `\u2026\u0627\u0644\u062F\u062F\u0646, \u00B112,` gains
        // only 1px for ` \u00B112,` (the space): the comma, sign and digits are in the Arabic script run. Here
        // `ab \u0645\u0627\u062A, 12` gains 4px: a, b and the two spaces.
        const string text = "ab \u0645\u0627\u062A, 12";
        double plain = TextLayout.MeasureNaturalWidth(Prepare(text));
        double spaced = TextLayout.MeasureNaturalWidth(Prepare(text, new PrepareOptions { LetterSpacing = 1 }));
        Assert.Equal(plain + 4, spaced);
    }

    [Fact]
    public void GeneratedHyphenHasNoLetterSpacing_ChromiumHyphenResult()
    {
        // Chromium, 16px Noto Serif, 1px spacing: the hyphen drawn for `aaaa\u00ADbbbb` is 4.969px, as without spacing.
        // Here: `aaaa` with 1px spacing is 24px, the '-' 3.75px, so 27.75px holds `aaaa-`.
        var options = new PrepareOptions { LetterSpacing = 1 };
        LayoutLinesResult result = TextLayout.LayoutWithLines(Prepare("aaaa\u00ADbbbb", options), 27.75, 20);
        Assert.Equal(["aaaa-", "bbbb"], result.Lines.Select(l => l.Text));
        Assert.Equal(27.75, result.Lines[0].Width);
    }

    [Fact]
    public void ClearCacheReachesTheMeasurer()
    {
        var measurer = new FakeTextMeasurer();
        new TextLayoutEngine(measurer).ClearCache();
        Assert.Equal(1, measurer.ClearCount);
    }
}
