// Invariants of the line walker as property tests (CsCheck, seeded; a failure prints its seed), over random
// text and over every corpus in ../shared/corpora, with the fake measurer.

using CsCheck;
using Foretext.Layout;
using Foretext.Shaping;
using Foretext.Text;

namespace Foretext.Tests.Layout;

public class LayoutPropertyTests
{
    private const string Font = "10px Test";
    private static readonly TextLayoutEngine s_engine = new(FakeTextMeasurer.Instance);

    // Pieces that exercise every rule: words, spaces, forced breaks, tabs, soft hyphens, glue, ZWSP, CJK,
    // combining marks, emoji (surrogate pairs, ZWJ sequences), RTL letters, punctuation, URLs, numbers.
    private static readonly string[] s_pieces =
    [
        "a", "word", "longerword", " ", "  ", "\n", "\t", "\u00AD", "\u00A0", "\u200B", "\u2060", "-", "/", "?", ",", ".",
        "\u4E2D\u6587", "\u3002", "\u300C", "e\u0301", "\uD83D\uDE00", "\uD83D\uDC69\u200D\uD83D\uDCBB", "\u05E9\u05DC\u05D5\u05DD",
        "\u0645\u0631\u062D\u0628\u0627", "https://example.com/a-b?c=1", "12:30", "1,000", "\u0E2A\u0E27\u0E31\u0E2A\u0E14\u0E35",
    ];

    private static readonly Gen<string> s_text = Gen.Int[0, s_pieces.Length - 1].Array[0, 40]
        .Select(indices => string.Concat(indices.Select(i => s_pieces[i])));

    private static readonly Gen<PrepareOptions> s_options = Gen.Select(Gen.Bool, Gen.Bool, Gen.Int[0, 3], Gen.Bool)
        .Select((preWrap, keepAll, spacing, breakWord) => new PrepareOptions
        {
            WhiteSpace = preWrap ? WhiteSpace.PreWrap : WhiteSpace.Normal,
            WordBreak = keepAll ? WordBreak.KeepAll : WordBreak.Normal,
            LetterSpacing = spacing * 0.5,
            OverflowWrap = breakWord ? OverflowWrap.BreakWord : OverflowWrap.Normal,
        });

    private static readonly Gen<(string Text, PrepareOptions Options, double Width)> s_case =
        Gen.Select(s_text, s_options, Gen.Int[0, 4000].Select(w => w / 10.0));

    [Fact]
    public void AllLineApisAgree() => s_case.Sample(c => AssertApisAgree(s_engine.Prepare(c.Text, Font, c.Options), c.Width), iter: 3000);

    [Fact]
    public void LinesTileTheText() => s_case.Sample(c => AssertTiles(s_engine.Prepare(c.Text, Font, c.Options), c.Width), iter: 3000);

    [Fact]
    public void WiderBoxNeverGivesMoreLines() => Gen.Select(s_case, Gen.Int[0, 2000]).Sample(t =>
    {
        PreparedText prepared = s_engine.Prepare(t.Item1.Text, Font, t.Item1.Options);
        int narrow = TextLayout.Layout(prepared, t.Item1.Width, 1).LineCount;
        int wide = TextLayout.Layout(prepared, t.Item1.Width + t.Item2 / 10.0, 1).LineCount;
        return wide <= narrow;
    }, iter: 3000);

    [Fact]
    public void LayoutAtTheWidestLineKeepsTheBreaks() => s_case.Sample(c =>
    {
        if (c.Text.Contains('\u00AD'))
        {
            // Not an invariant with soft hyphens: when a chosen hyphen overflows, Blink retries with the width less
            // the hyphen's, so a line may need more room than its own width to come out the same
            // (LayoutRulesTests.HyphenThatOverflowsRetriesWithoutItsWidth_BlinkBreakText).
            return true;
        }

        PreparedText prepared = s_engine.Prepare(c.Text, Font, c.Options);
        LineStats stats = TextLayout.MeasureLineStats(prepared, c.Width);
        if (stats.MaxLineWidth > c.Width)
        {
            return true; // a line overflows (one grapheme wider than the box, or overflow-wrap: normal)
        }

        return Ends(prepared, stats.MaxLineWidth).SequenceEqual(Ends(prepared, c.Width));
    }, iter: 3000);

    [Fact]
    public void SimplePathAgreesWithTheGeneralWalker()
    {
        s_case.Sample(c => AssertSameLines(s_engine.Prepare(c.Text, Font, c.Options), c.Width), iter: 3000);
        foreach (CorpusInfo corpus in SharedData.Corpora())
        {
            PreparedText prepared = s_engine.Prepare(corpus.Text, "20px Test", new PrepareOptions { Lang = corpus.Lang });
            foreach (int width in new[] { 200, 333, 650 })
            {
                AssertSameLines(prepared, width);
            }
        }

        static void AssertSameLines(PreparedText prepared, double width)
        {
            LayoutCursor cursor = LayoutCursor.Start;
            while (LineWalker.NextLine(prepared, cursor, width, out LayoutLineRange fast))
            {
                Assert.True(LineWalker.NextLineGeneral(prepared, cursor, width, out LayoutLineRange general));
                Assert.Equal(general, fast);
                cursor = fast.End;
            }

            Assert.False(LineWalker.NextLineGeneral(prepared, cursor, width, out _));
        }
    }

    private static readonly string[] s_trimPieces = ["\u300D", "\uFF0C\u300C", "\u4E2D\u3002", "\u3002\u300C\u6587", "\u30EA\u30FC\u30B9"];

    // Line-end trims and line-start gains (the fake trims a final U+300D or U+3002 at a line end, and halves U+300C
    // after U+FF0C or U+3002), negative letter spacing, and font sizes whose widths are not whole LayoutUnits (so
    // that truncating and rounding up differ), on top of the pieces above. Half the widths sit on a LayoutUnit
    // boundary of the fake's 1.25px grid (at it, and one LayoutUnit under it).
    private static readonly Gen<(string Text, string Font, PrepareOptions Options, double Width)> s_counterCase =
        Gen.Select(
            Gen.Int[0, s_pieces.Length + 4].Array[0, 40].Select(indices => string.Concat(indices.Select(i => i < s_pieces.Length ? s_pieces[i] : s_trimPieces[i - s_pieces.Length]))),
            Gen.Int[0, 2].Select(i => new[] { "10px Test", "10.3px Test", "13.37px Test" }[i]),
            s_options,
            Gen.Int[-2, 1],
            Gen.Select(Gen.Int[0, 4000], Gen.Int[0, 2]).Select((w, grid) => grid == 0 ? w / 10.0 : (w / 8 * 1.25) - (grid == 1 ? 0 : 1 / 64.0)))
        .Select((text, font, options, spacing, width) => (text, font, spacing != 0 ? options with { LetterSpacing = spacing * 0.37 } : options, Math.Max(0, width)));

    [Fact]
    public void LineCounterAgreesWithTheGeneralWalker()
    {
        s_counterCase.Sample(c => AssertSameLineStarts(s_engine.Prepare(c.Text, c.Font, c.Options), c.Width), iter: 10000);
        s_counterCase.Sample(c => AssertSameLineStarts(s_kerningEngine.Prepare(c.Text, c.Font, c.Options), c.Width), iter: 10000);
        foreach (CorpusInfo corpus in SharedData.Corpora())
        {
            PreparedText prepared = s_engine.Prepare(corpus.Text, "20px Test", new PrepareOptions { Lang = corpus.Lang });
            for (int width = 0; width <= 900; width += 30)
            {
                AssertSameLineStarts(prepared, width + 0.3);
            }
        }

        foreach (string text in SharedData.AppStrings())
        {
            PreparedText prepared = s_engine.Prepare(text, "16px Test");
            for (int width = 0; width <= 400; width += 10)
            {
                AssertSameLineStarts(prepared, width);
            }
        }

        AssertSameLineStarts(s_engine.Prepare("a b", Font), double.PositiveInfinity);

        // A word wider than an int of 16.16 holds (32,768 px): the widths are kept as longs.
        PreparedText wide = s_engine.Prepare(new string('a', 2000) + " b " + new string('c', 700) + " d", "200px Test");
        foreach (double width in new[] { 0, 150, 40000, 250000, 1e6, double.PositiveInfinity })
        {
            AssertSameLineStarts(wide, width);
        }
    }

    [Fact]
    public void TextsWithMoreThan256DistinctAdvancesKeepThemWhole()
    {
        // 400 ideographs measured 400 different widths: too many for the byte palette, so the advances stay ints.
        var engine = new TextLayoutEngine(new DistinctAdvanceMeasurer());
        string text = string.Concat(Enumerable.Range(0, 400).Select(k => (char)(0x4E00 + k)));
        PreparedText prepared = engine.Prepare(text, "16px Test");
        Assert.Null(prepared._advanceCodes);
        long expected = 0;
        for (int k = 0; k < 400; k++)
        {
            expected += (long)Math.Round(DistinctAdvanceMeasurer.Advance(text[k]) * 65536);
        }

        Assert.Equal(expected, prepared.SumAdvances(0, text.Length));
        foreach (double width in new[] { 0, 40.5, 333, 5000 })
        {
            AssertSameLineStarts(prepared, width);
        }
    }

    private sealed class DistinctAdvanceMeasurer : ITextMeasurer
    {
        public static double Advance(char c) => c < 0x4E00 ? 5 : 10 + (c - 0x4E00) / 64.0;

        public void MeasureAdvances(ReadOnlySpan<char> text, in MeasureStyle style, Span<double> advances)
        {
            for (int i = 0; i < text.Length; i++)
            {
                advances[i] = Advance(text[i]);
            }
        }
    }

    /// <summary>LineCounter's line starts (when the text has a piece table) are NextLineGeneral's, and Layout counts them.</summary>
    private static void AssertSameLineStarts(PreparedText prepared, double width)
    {
        var expected = new List<LayoutCursor>();
        LayoutCursor cursor = LayoutCursor.Start;
        while (LineWalker.NextLineGeneral(prepared, cursor, width, out LayoutLineRange line))
        {
            expected.Add(cursor);
            cursor = line.End;
        }

        if (prepared._pieces is not null)
        {
            var sink = new RecordingSink { Starts = [] };
            int count = LineCounter.CountLines(prepared, width, ref sink);
            Assert.Equal(expected, sink.Starts);
            Assert.Equal(expected.Count, count);
        }

        Assert.Equal(expected.Count, TextLayout.Layout(prepared, width, 1).LineCount);
    }

    private static readonly TextLayoutEngine s_kerningEngine = new(new KerningMeasurer());

    /// <summary>
    /// The fake measurer plus one kerned pair that HarfBuzz would flag unsafe to break: U+30FC before a katakana is
    /// 0.9 em in context and 1 em alone, so a line ending between them gains width when reshaped (LineWalker's
    /// reshape candidates, `\u30EA\u30FC|\u30B9` as in app-cjk-02).
    /// </summary>
    private sealed class KerningMeasurer : ITextMeasurer, IBreakSafetyMeasurer, ILineEdgeMeasurer
    {
        public void MeasureAdvances(ReadOnlySpan<char> text, in MeasureStyle style, Span<double> advances)
        {
            FakeTextMeasurer.Instance.MeasureAdvances(text, style, advances);
            for (int i = 0; i + 1 < text.Length; i++)
            {
                if (Kerned(text, i))
                {
                    advances[i] *= 0.9;
                }
            }
        }

        public void MeasureAdvances(ReadOnlySpan<char> text, in MeasureStyle style, Span<double> advances, Span<bool> unsafeToBreak)
        {
            MeasureAdvances(text, style, advances);
            for (int i = 0; i + 1 < text.Length; i++)
            {
                unsafeToBreak[i + 1] = Kerned(text, i);
            }
        }

        public void MeasureLineEndAdvances(ReadOnlySpan<char> text, in MeasureStyle style, Span<double> advances)
            => FakeTextMeasurer.Instance.MeasureLineEndAdvances(text, style, advances);

        public string HyphenString(in MeasureStyle style) => FakeTextMeasurer.Instance.HyphenString(style);

        private static bool Kerned(ReadOnlySpan<char> text, int i) => text[i] == '\u30FC' && text[i + 1] is >= '\u30A1' and <= '\u30FA';
    }

    private struct RecordingSink : LineCounter.ILineStartSink
    {
        public List<LayoutCursor> Starts;

        public readonly void OnLineStart(LayoutCursor start) => Starts.Add(start);
    }

    [Fact]
    public void CorporaAgreeTileAndNarrowMonotonically()
    {
        foreach (CorpusInfo corpus in SharedData.Corpora())
        {
            PreparedText prepared = s_engine.Prepare(corpus.Text, "20px Test", new PrepareOptions { Lang = corpus.Lang });
            int previous = int.MaxValue;
            for (int width = 200; width <= 900; width += 50)
            {
                AssertApisAgree(prepared, width);
                AssertTiles(prepared, width);
                int lines = TextLayout.Layout(prepared, width, 1).LineCount;
                Assert.True(lines <= previous, $"{corpus.Id}: {lines} lines at {width}px, {previous} at {width - 50}px");
                previous = lines;
            }
        }
    }

    [Fact]
    public void AppStringsAgreeAndTile()
    {
        foreach (string text in SharedData.AppStrings())
        {
            PreparedText prepared = s_engine.Prepare(text, "16px Test");
            for (int width = 120; width <= 400; width += 20)
            {
                AssertApisAgree(prepared, width);
                AssertTiles(prepared, width);
            }
        }
    }

    private static List<LayoutCursor> Ends(PreparedText prepared, double width)
    {
        var ends = new List<LayoutCursor>();
        TextLayout.WalkLineRanges(prepared, width, r => ends.Add(r.End));
        return ends;
    }

    private static void AssertApisAgree(PreparedText prepared, double width)
    {
        LayoutResult layout = TextLayout.Layout(prepared, width, 10);
        LayoutLinesResult lines = TextLayout.LayoutWithLines(prepared, width, 10);
        List<LayoutCursor> walked = Ends(prepared, width);

        var streamed = new List<LayoutCursor>();
        LayoutCursor cursor = LayoutCursor.Start;
        while (TextLayout.LayoutNextLine(prepared, cursor, width) is { } line)
        {
            streamed.Add(line.End);
            cursor = line.End;
        }

        LineStats stats = TextLayout.MeasureLineStats(prepared, width);
        Assert.Equal(layout.LineCount, lines.LineCount);
        Assert.Equal(layout.LineCount, walked.Count);
        Assert.Equal(layout.LineCount, stats.LineCount);
        Assert.Equal(layout.Height, lines.Height);
        Assert.Equal(walked, lines.Lines.Select(l => l.End));
        Assert.Equal(walked, streamed);
        Assert.Equal(lines.Lines.Count == 0 ? 0 : lines.Lines.Max(l => l.Width), stats.MaxLineWidth);
    }

    private static void AssertTiles(PreparedText prepared, double width)
    {
        LayoutLinesResult result = TextLayout.LayoutWithLines(prepared, width, 10);
        LayoutCursor expected = LayoutCursor.Start;
        int sourceEnd = -1;
        foreach (LayoutLine line in result.Lines)
        {
            Assert.Equal(expected, line.Start);
            Assert.True(line.SourceStart > sourceEnd, "lines must start at strictly increasing offsets");
            Assert.True(line.SourceEnd > line.SourceStart || line.SourceEnd == prepared.SourceText.Length);
            expected = line.End;
            sourceEnd = line.SourceStart;
        }

        if (result.LineCount > 0)
        {
            Assert.Equal(prepared.End, expected);
            Assert.Equal(prepared.SourceText.Length, result.Lines[^1].SourceEnd);
        }
    }
}
