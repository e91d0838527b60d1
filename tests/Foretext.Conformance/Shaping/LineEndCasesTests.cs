// Stage: conformance (shaping, line ends). Checks ILineEdgeMeasurer against Chromium's line breaks.
// Input: line-end-cases.txt (recorded line starts of short CJK paragraphs in narrow divs). Output: one theory row per
// case: the candidate first line, measured as a line end, fits the div exactly when Chromium kept it on the first line.
// Spec: Blink ShapingLineBreaker::ShapeLine (han_kerning_end), HanKerning::Compute (apply_end).

using System.Globalization;
using Foretext.HarfBuzz;
using Foretext.Shaping;
using Xunit;

namespace Foretext.Conformance.Shaping;

public sealed class LineEndCasesTests : IClassFixture<MeasureCasesTests.MeasurerFixture>
{
    // Chromium compares the line's LayoutUnit width with the available space (1/64 px).
    private const double LAYOUT_UNIT_PER_PX = 64;

    private readonly HarfBuzzTextMeasurer _measurer;

    public LineEndCasesTests(MeasureCasesTests.MeasurerFixture fixture)
    {
        _measurer = fixture.Measurer;
    }

    public static TheoryData<int> Lines()
    {
        var data = new TheoryData<int>();
        foreach (LineEndCase c in LineEndCase.Load())
        {
            data.Add(c.Line);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Lines))]
    public void CandidateFitsExactlyWhenChromiumKeptIt(int line)
    {
        LineEndCase c = LineEndCase.Load().Single(x => x.Line == line);
        var style = new MeasureStyle(c.Font, c.Lang, 0);
        string candidate = c.Text[..c.CandidateLength];
        double[] advances = new double[candidate.Length];
        _measurer.MeasureLineEndAdvances(candidate, style, advances);
        float sum = 0;
        foreach (double advance in advances)
        {
            sum += (float)advance;
        }

        double width = Math.Ceiling(sum * LAYOUT_UNIT_PER_PX) / LAYOUT_UNIT_PER_PX;
        bool chromiumKept = c.LineStarts.Length < 2 || c.LineStarts[1] >= c.CandidateLength;
        Assert.True((width <= c.Width) == chromiumKept,
            $"line {line}: {c.Font} lang={c.Lang} \"{candidate}\": line-end width {width} in {c.Width}px, Chromium {(chromiumKept ? "kept" : "broke")} it");
    }

    [Fact]
    public void LineEndDiffersOnlyInTheTrailingClosingPunctuation()
    {
        var style = new MeasureStyle("16px \"Noto Sans CJK JP\"", "ja", 0);
        string text = "\u3042\u300c\u3044\u300d";
        double[] plain = new double[text.Length];
        double[] lineEnd = new double[text.Length];
        _measurer.MeasureAdvances(text, style, plain);
        _measurer.MeasureLineEndAdvances(text, style, lineEnd);
        Assert.Equal(plain.AsSpan(0, 3).ToArray(), lineEnd.AsSpan(0, 3).ToArray());
        Assert.InRange(lineEnd[3], (plain[3] / 2) - 0.001, (plain[3] / 2) + 0.001);

        // A full stop is not a MaybeHanKerningClose character: no line-end trim.
        string stop = "\u3042\u3002";
        double[] stopPlain = new double[2];
        double[] stopEnd = new double[2];
        _measurer.MeasureAdvances(stop, style, stopPlain);
        _measurer.MeasureLineEndAdvances(stop, style, stopEnd);
        Assert.Equal(stopPlain, stopEnd);
    }

    [Fact]
    public void LineEndCacheHitAllocatesNothing()
    {
        var style = new MeasureStyle("16px \"Noto Sans CJK JP\"", "ja", 0);
        string text = "\u3042\u3044 \u3046\u300d";
        double[] advances = new double[text.Length];
        _measurer.MeasureLineEndAdvances(text, style, advances);
        long before = GC.GetAllocatedBytesForCurrentThread();
        _measurer.MeasureLineEndAdvances(text, style, advances);
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    private sealed record LineEndCase(int Line, string Font, string? Lang, string Text, double Width, int CandidateLength, int[] LineStarts)
    {
        public static IReadOnlyList<LineEndCase> Load()
        {
            string path = Path.Combine(Path.GetDirectoryName(MeasureCase.FindFile())!, "line-end-cases.txt");
            var cases = new List<LineEndCase>();
            string[] lines = File.ReadAllLines(path);
            for (int i = 0; i < lines.Length; i++)
            {
                string line = lines[i];
                if (line.Length == 0 || line.StartsWith('#'))
                {
                    continue;
                }

                int comment = line.IndexOf(" # ", StringComparison.Ordinal);
                if (comment >= 0)
                {
                    line = line[..comment];
                }

                string[] parts = line.Split(';');
                if (parts.Length != 6)
                {
                    throw new FormatException($"line-end-cases.txt line {i + 1}: expected 6 fields, found {parts.Length}");
                }

                string? lang = parts[1].StartsWith("lang=", StringComparison.Ordinal) ? parts[1]["lang=".Length..] : null;
                int[] starts = parts[5].Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();
                cases.Add(new LineEndCase(i + 1, parts[0], lang, MeasureCase.Unescape(parts[2]),
                    double.Parse(parts[3], CultureInfo.InvariantCulture), int.Parse(parts[4], CultureInfo.InvariantCulture), starts));
            }

            return cases;
        }
    }
}
