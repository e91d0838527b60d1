// Pretext's benchmark shape: 500 short texts in one font, prepared cold (caches cleared) and warm, then laid out
// at widths 200-400 px by every layout entry point, next to a floor loop that only sums segment widths.

using BenchmarkDotNet.Attributes;
using Foretext.HarfBuzz;
using Foretext.Layout;

namespace Foretext.Bench;

[MemoryDiagnoser]
public class BatchBenchmarks
{
    private TextLayoutEngine _engine = null!;
    private string[] _texts = null!;
    private PreparedText[] _prepared = null!;
    private double[][] _segmentWidths = null!;
    private bool[][] _breakAfter = null!;

    [GlobalSetup]
    public void Setup()
    {
        _engine = new TextLayoutEngine(new HarfBuzzTextMeasurer());
        _texts = [.. Corpora.Batch];
        _prepared = new PreparedText[_texts.Length];
        _segmentWidths = new double[_texts.Length][];
        _breakAfter = new bool[_texts.Length][];
        for (int i = 0; i < _texts.Length; i++)
        {
            PreparedTextWithSegments withSegments = _engine.PrepareWithSegments(_texts[i], Corpora.BatchFont);
            _prepared[i] = withSegments;
            (_segmentWidths[i], _breakAfter[i]) = FloorLoop.Arrays(withSegments);
        }
    }

    [GlobalCleanup]
    public void Cleanup() => ((IDisposable)_engine.Measurer).Dispose();

    [Benchmark(Description = "Prepare cold (500)")]
    public int PrepareCold()
    {
        _engine.ClearCache();
        return PrepareAll();
    }

    [Benchmark(Description = "Prepare warm (500)")]
    public int PrepareWarm() => PrepareAll();

    [Benchmark(Baseline = true, Description = "Layout (500 x 5 widths)")]
    public int Layout()
    {
        int lines = 0;
        foreach (PreparedText p in _prepared)
        {
            foreach (double width in Corpora.BatchWidths)
            {
                lines += TextLayout.Layout(p, width, Corpora.BatchLineHeight).LineCount;
            }
        }

        return lines;
    }

    [Benchmark(Description = "Floor: sum widths (500 x 5 widths)")]
    public int Floor()
    {
        int lines = 0;
        for (int i = 0; i < _segmentWidths.Length; i++)
        {
            foreach (double width in Corpora.BatchWidths)
            {
                lines += FloorLoop.CountLines(_segmentWidths[i], _breakAfter[i], width);
            }
        }

        return lines;
    }

    [Benchmark(Description = "WalkLineRanges, struct visitor")]
    public int WalkLineRanges()
    {
        int lines = 0;
        var visitor = new WidthSumVisitor();
        foreach (PreparedText p in _prepared)
        {
            foreach (double width in Corpora.BatchWidths)
            {
                lines += TextLayout.WalkLineRanges(p, width, ref visitor);
            }
        }

        return lines + (int)visitor.Sum;
    }

    [Benchmark(Description = "LayoutWithLines")]
    public int LayoutWithLines()
    {
        int lines = 0;
        foreach (PreparedText p in _prepared)
        {
            foreach (double width in Corpora.BatchWidths)
            {
                lines += TextLayout.LayoutWithLines(p, width, Corpora.BatchLineHeight).LineCount;
            }
        }

        return lines;
    }

    [Benchmark(Description = "MeasureLineStats")]
    public double MeasureLineStats()
    {
        double widest = 0;
        foreach (PreparedText p in _prepared)
        {
            foreach (double width in Corpora.BatchWidths)
            {
                widest += TextLayout.MeasureLineStats(p, width).MaxLineWidth;
            }
        }

        return widest;
    }

    [Benchmark(Description = "LayoutNextLine streaming")]
    public int LayoutNextLine()
    {
        int lines = 0;
        foreach (PreparedText p in _prepared)
        {
            foreach (double width in Corpora.BatchWidths)
            {
                LayoutCursor cursor = LayoutCursor.Start;
                while (TextLayout.LayoutNextLine(p, cursor, width) is { } line)
                {
                    lines++;
                    cursor = line.End;
                }
            }
        }

        return lines;
    }

    private int PrepareAll()
    {
        int segments = 0;
        foreach (string text in _texts)
        {
            segments += _engine.Prepare(text, Corpora.BatchFont).SegmentCount;
        }

        return segments;
    }

    private struct WidthSumVisitor : ILineRangeVisitor
    {
        public double Sum;

        public void OnLine(in LayoutLineRange line) => Sum += line.Width;
    }
}
