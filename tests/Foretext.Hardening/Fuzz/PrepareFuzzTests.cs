// Fuzz target: Prepare with random Unicode and random options, then every layout API, with the real HarfBuzz measurer.
// Input: text from all planes with lone surrogates, C0/C1 controls, bidi controls, combining storms, long single
// words and long runs of spaces; options with letter spacing, pre-wrap, keep-all, lang and dir.
// Checks: no exception at all (valid font, text under the limit); every layout API agrees on the line count; lines
// tile the text; a wider box never gives more lines; preparing again, or with caching off, gives the same lines.

using System.Text;
using CsCheck;
using Foretext.HarfBuzz;
using Foretext.Layout;
using Foretext.Text;
using Xunit;
using Xunit.Abstractions;

namespace Foretext.Hardening.Fuzz;

public sealed class PrepareFuzzTests(ITestOutputHelper output)
{
    private const string FONT = "16px \"Noto Sans\", \"Noto Sans CJK JP\", \"Noto Naskh Arabic\", \"Noto Color Emoji\", sans-serif";

    private static readonly string[] s_langs = [null!, "en", "ja", "zh-Hant", "ko", "ar", "th", "de-CH-1996", "x-\u0000bad", "", new string('q', 200)];

    private static readonly int[] s_bidiControls = [0x061C, 0x200E, 0x200F, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069];

    // One piece of hostile text; a case concatenates up to 24 of them.
    private static readonly Gen<string> s_piece = Gen.OneOf(
        Gen.Int[0, 0x10FFFF].Where(c => c is < 0xD800 or > 0xDFFF).Array[1, 30].Select(cs => string.Concat(cs.Select(char.ConvertFromUtf32))),
        Gen.Int[0xD800, 0xDFFF].Array[1, 4].Select(cs => new string([.. cs.Select(c => (char)c)])), // lone and swapped surrogates
        Gen.OneOf(Gen.Int[0, 0x1F], Gen.Int[0x7F, 0x9F]).Array[1, 8].Select(cs => new string([.. cs.Select(c => (char)c)])),
        Gen.Int[0, s_bidiControls.Length - 1].Array[1, 8].Select(ix => new string([.. ix.Select(i => (char)s_bidiControls[i])])),
        Gen.Select(Gen.Char['a', 'z'], Gen.Int[0x0300, 0x036F].Array[20, 400]).Select((b, marks) => b + new string([.. marks.Select(m => (char)m)])),
        Gen.Select(Gen.Char['a', 'z'], Gen.Int[100, 3000]).Select((c, n) => new string(c, n)), // long single word
        Gen.Int[1, 1000].Select(n => new string(' ', n)),
        Gen.Int[1, 200].Select(n => string.Concat(Enumerable.Repeat("\uD83D\uDC69\u200D\uD83D\uDCBB", n))), // ZWJ emoji
        Gen.Int[1, 200].Select(n => string.Concat(Enumerable.Repeat("\u65E5\u672C\u300C\u8A9E\u300D\u3002", n))),
        Gen.Int[1, 50].Select(n => string.Concat(Enumerable.Repeat("\u0627\u0644\u0639\u0631\u0628\u064A\u0629 abc ", n))),
        Gen.OneOf(Gen.Const("\n"), Gen.Const("\t"), Gen.Const("\u00AD"), Gen.Const("\u200B"), Gen.Const("\u00A0"), Gen.Const("\r\n"), Gen.Const("\u2028")),
        Gen.String[0, 40]);

    private static readonly Gen<string> s_text = s_piece.Array[0, 12].Select(ps => string.Concat(ps));

    private static readonly Gen<PrepareOptions> s_options = Gen.Select(
        Gen.Enum<WhiteSpace>(), Gen.Enum<WordBreak>(), Gen.Enum<OverflowWrap>(),
        Gen.OneOf(Gen.Const(0.0), Gen.Double[-5, 20]), Gen.Int[0, s_langs.Length - 1], Gen.Enum<TextDirection>())
        .Select((ws, wb, ow, ls, lang, dir) => new PrepareOptions
        {
            WhiteSpace = ws, WordBreak = wb, OverflowWrap = ow, LetterSpacing = ls, Lang = s_langs[lang], Direction = dir,
        });

    private static readonly Lazy<TextLayoutEngine> s_uncached = new(() =>
        new TextLayoutEngine(new HarfBuzzTextMeasurer(new HarfBuzzMeasurerOptions { MaxCachedChunks = 0 })));

    [Fact]
    public void PrepareAndLayoutSurviveHostileText()
    {
        var engine = new TextLayoutEngine(SharedData.Measurer);
        int ran = SeededRun.Run(output, "prepare", Gen.Select(s_text, s_options, Gen.Double[0, 600]), cases: 60, TimeSpan.FromSeconds(60),
            c => Check(engine, c.Item1, c.Item2, c.Item3),
            c => $"width {c.Item3} options {c.Item2} text \"{Escape(c.Item1)}\"");
        Assert.Equal(60 * SharedData.Scale, ran);
    }

    [Theory]
    [InlineData(100_000, ' ')]
    [InlineData(1 << 16, 'a')] // 1 MB words are timed in tools/Foretext.Pathological: too slow for CI (RESEARCH.md "Hardening")
    public void LongWordAndHundredThousandSpaces(int length, char c)
    {
        var engine = new TextLayoutEngine(SharedData.Measurer);
        string text = new(c, length);
        Check(engine, text, PrepareOptions.Default, 300);
        Check(engine, text, new PrepareOptions { WhiteSpace = WhiteSpace.PreWrap }, 300);
    }

    private static void Check(TextLayoutEngine engine, string text, PrepareOptions options, double width)
    {
        PreparedText prepared = engine.Prepare(text, FONT, options);
        PreparedText again = engine.Prepare(text, FONT, options);
        var lines = Ranges(prepared, width);
        Assert.Equal(lines, Ranges(again, width));
        if (text.Length < 2000)
        {
            // Caching must not change a width: a measurer without a cache gives the same lines.
            Assert.Equal(lines, Ranges(s_uncached.Value.Prepare(text, FONT, options), width));
        }

        // Every API walks the same lines.
        Assert.Equal(lines.Count, TextLayout.Layout(prepared, width, 20).LineCount);
        LayoutLinesResult withLines = TextLayout.LayoutWithLines(prepared, width, 20);
        Assert.Equal(lines.Count, withLines.LineCount);
        Assert.Equal(lines.Count, TextLayout.MeasureLineStats(prepared, width).LineCount);
        int next = 0;
        LayoutCursor cursor = default;
        while (TextLayout.LayoutNextLine(prepared, cursor, width) is LayoutLine line)
        {
            Assert.Equal(withLines.Lines[next].Text, line.Text);
            cursor = line.End;
            next++;
        }

        Assert.Equal(lines.Count, next);

        // Lines tile the text: each starts where the previous ended, from the start to the end.
        // (Cursors, not source offsets: collapsed leading spaces belong to no line.)
        LayoutCursor previousEnd = default;
        foreach (LayoutLine line in withLines.Lines)
        {
            Assert.Equal(previousEnd, line.Start);
            Assert.True(line.SourceEnd >= line.SourceStart);
            previousEnd = line.End;
            Assert.True(double.IsFinite(line.Width));
        }

        if (lines.Count > 0)
        {
            Assert.Equal(prepared.End, withLines.Lines[^1].End);
        }

        double natural = TextLayout.MeasureNaturalWidth(prepared);
        Assert.True(double.IsFinite(natural) && natural >= 0);
        Assert.True(TextLayout.Layout(prepared, width * 2 + 1, 20).LineCount <= lines.Count, "a wider box gave more lines");
        Assert.True(TextLayout.Layout(prepared, double.PositiveInfinity, 20).LineCount <= lines.Count);
        engine.PrepareWithSegments(text, FONT, options);
    }

    private static List<(int, int, double)> Ranges(PreparedText prepared, double width)
    {
        var list = new List<(int, int, double)>();
        TextLayout.WalkLineRanges(prepared, width, r => list.Add((prepared.GetSourceOffset(r.Start), prepared.GetSourceOffset(r.End), r.Width)));
        return list;
    }

    private static string Escape(string s)
    {
        var sb = new StringBuilder();
        foreach (char c in s.Length > 300 ? s[..300] : s)
        {
            sb.Append(c is >= ' ' and < '\x7F' ? c.ToString() : $"\\u{(int)c:X4}");
        }

        return sb.ToString();
    }
}
