// `layout-profile`: where Layout's time goes on the 500-text batch, and what a prepared long text retains, field by
// field. Stopwatch medians (run it on a quiet machine, or read only the ratios inside one run).

using System.Diagnostics;
using System.Reflection;
using Foretext.HarfBuzz;
using Foretext.Layout;

namespace Foretext.Bench;

internal static class LayoutProfile
{
    public static int Run(string[] args)
    {
        if (args.Length > 0 && args[0] == "--spin")
        {
            // For `perf stat`: Layout over the batch for a few seconds, nothing else.
            using var spinMeasurer = new HarfBuzzTextMeasurer();
            var spinEngine = new TextLayoutEngine(spinMeasurer);
            PreparedText[] spin = Corpora.Batch.Select(t => spinEngine.Prepare(t, Corpora.BatchFont)).ToArray();
            long spinCalls = 0;
            long t0 = Stopwatch.GetTimestamp();
            while (Stopwatch.GetElapsedTime(t0).TotalSeconds < double.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture))
            {
                foreach (PreparedText p in spin)
                {
                    foreach (double w in Corpora.BatchWidths)
                    {
                        TextLayout.Layout(p, w, Corpora.BatchLineHeight);
                    }
                }

                spinCalls += spin.Length * Corpora.BatchWidths.Length;
            }

            Console.WriteLine($"{spinCalls} calls");
            return 0;
        }

        using var measurer = new HarfBuzzTextMeasurer();
        var engine = new TextLayoutEngine(measurer);
        PreparedText[] prepared = Corpora.Batch.Select(t => engine.Prepare(t, Corpora.BatchFont)).ToArray();

        int segments = 0, lines = 0, multiItem = 0, trims = 0, starts = 0, shy = 0, tabs = 0;
        foreach (PreparedText p in prepared)
        {
            segments += p.SegmentCount;
            multiItem += p._flags.Skip(1).Any(f => (f & SegmentFlags.ItemStart) != 0) ? 1 : 0;
            trims += p._endAdjustments.Length != 0 ? 1 : 0;
            starts += p._startAdjustments.Length != 0 ? 1 : 0;
            shy += p._flags.Any(f => (f & SegmentFlags.SoftHyphen) != 0) ? 1 : 0;
            tabs += p._flags.Any(f => f.Kind() == SegmentKind.Tab) ? 1 : 0;
            foreach (double w in Corpora.BatchWidths)
            {
                LayoutCursor cursor = default;
                while (LineWalker.NextLine(p, cursor, w, out LayoutLineRange line))
                {
                    lines++;
                    cursor = line.End;
                }
            }
        }

        Console.WriteLine($"batch: {prepared.Length} texts, {segments} segments ({segments / (double)prepared.Length:F1} a text), {lines} lines over {Corpora.BatchWidths.Length} widths");
        Console.WriteLine($"texts with more than one shaping item {multiItem}, line-end trims {trims}, line-start gains {starts}, soft hyphens {shy}, tabs {tabs}");

        double layout = Time(() =>
        {
            foreach (PreparedText p in prepared)
            {
                foreach (double w in Corpora.BatchWidths)
                {
                    TextLayout.Layout(p, w, Corpora.BatchLineHeight);
                }
            }
        });
        double general = Time(() =>
        {
            foreach (PreparedText p in prepared)
            {
                foreach (double w in Corpora.BatchWidths)
                {
                    LayoutCursor cursor = default;
                    while (LineWalker.NextLineGeneral(p, cursor, w, out LayoutLineRange line))
                    {
                        cursor = line.End;
                    }
                }
            }
        });
        var floorArrays = Corpora.Batch.Select(t => FloorLoop.Arrays(engine.PrepareWithSegments(t, Corpora.BatchFont))).ToArray();
        double floor = Time(() =>
        {
            foreach ((double[] widths, bool[] breakAfter) in floorArrays)
            {
                foreach (double w in Corpora.BatchWidths)
                {
                    FloorLoop.CountLines(widths, breakAfter, w);
                }
            }
        });
        int calls = prepared.Length * Corpora.BatchWidths.Length;
        int counted = 0;
        foreach (PreparedText p in prepared)
        {
            foreach (double w in Corpora.BatchWidths)
            {
                counted += TextLayout.Layout(p, w, 1).LineCount;
            }
        }

        PreparedText[] noTable = prepared.Where(p => p._pieces is null).ToArray();
        PreparedText[] withSpecial = prepared.Where(p => p._pieces is { } pieces && pieces.SkipLast(1).Any(x => x < 0)).ToArray();
        PreparedText[] plain = prepared.Where(p => p._pieces is { } pieces && !pieces.SkipLast(1).Any(x => x < 0)).ToArray();
        int pieceCount = prepared.Sum(p => p._pieces is { } pieces ? pieces.Length - 1 : 0);
        Console.WriteLine($"Layout counted {counted} lines (LineWalker {lines}); piece tables {prepared.Length - noTable.Length} ({pieceCount} pieces, {prepared.Sum(p => p._pieces?.SkipLast(1).Count(x => x < 0) ?? 0)} special); texts without a table {noTable.Length}, with special pieces {withSpecial.Length}, plain {plain.Length}");
        foreach ((string name, PreparedText[] set) in new[] { ("no table", noTable), ("special pieces", withSpecial), ("plain", plain) })
        {
            if (set.Length == 0)
            {
                continue;
            }

            double t = Time(() =>
            {
                foreach (PreparedText p in set)
                {
                    foreach (double w in Corpora.BatchWidths)
                    {
                        TextLayout.Layout(p, w, Corpora.BatchLineHeight);
                    }
                }
            });
            Console.WriteLine($"  {name}: {t * 1e6 / (set.Length * Corpora.BatchWidths.Length):F1} ns a call");
        }

        double direct = Time(() =>
        {
            foreach (PreparedText p in prepared)
            {
                if (p._pieces is null)
                {
                    continue;
                }

                foreach (double w in Corpora.BatchWidths)
                {
                    var sink = default(LineCounter.NoSink);
                    LineCounter.CountLines(p, w, ref sink);
                }
            }
        });
        double unbounded = Time(() =>
        {
            foreach (PreparedText p in prepared)
            {
                foreach (double w in Corpora.BatchWidths)
                {
                    TextLayout.Layout(p, 1e6 + w, Corpora.BatchLineHeight);
                }
            }
        });
        Console.WriteLine($"per call: LineCounter.CountLines alone {direct * 1e6 / calls:F1} ns; Layout at 1e6 px (one line a text) {unbounded * 1e6 / calls:F1} ns");
        Console.WriteLine($"per call: Layout {layout * 1e6 / calls:F1} ns, general walker only {general * 1e6 / calls:F1} ns, floor {floor * 1e6 / calls:F1} ns; Layout/floor {layout / floor:F2}");

        foreach (string id in args.Length > 0 ? args : ["en-gatsby-opening"])
        {
            Corpus corpus = Corpora.Get(id);
            engine.Prepare(corpus.Text, corpus.Font, corpus.Options);
            long before = GC.GetTotalMemory(forceFullCollection: true);
            PreparedText kept = engine.Prepare(corpus.Text, corpus.Font, corpus.Options);
            long after = GC.GetTotalMemory(forceFullCollection: true);
            Console.WriteLine($"{id}: {corpus.Text.Length} UTF-16 units, {kept.SegmentCount} segments, retained {after - before} B = {(after - before) / (2.0 * corpus.Text.Length):F2}x its UTF-16 bytes");
            foreach (FieldInfo field in typeof(PreparedText).GetFields(BindingFlags.Instance | BindingFlags.NonPublic))
            {
                object? value = field.GetValue(kept);
                long bytes = value switch
                {
                    string s when ReferenceEquals(s, corpus.Text) => 0,
                    string s => 2L * s.Length,
                    Array a => (long)a.Length * System.Runtime.InteropServices.Marshal.SizeOf(a.GetType().GetElementType()!.IsEnum ? Enum.GetUnderlyingType(a.GetType().GetElementType()!) : a.GetType().GetElementType()!),
                    _ => -1,
                };
                if (bytes >= 0)
                {
                    Console.WriteLine($"  {field.Name,-22} {bytes,10} B");
                }
            }

            GC.KeepAlive(kept);
        }

        return 0;
    }

    private static double Time(Action action)
    {
        long warm = Stopwatch.GetTimestamp();
        while (Stopwatch.GetElapsedTime(warm).TotalMilliseconds < 500)
        {
            action();
        }

        Thread.Sleep(200);
        var samples = new double[41];
        for (int r = 0; r < samples.Length; r++)
        {
            long start = Stopwatch.GetTimestamp();
            for (int i = 0; i < 20; i++)
            {
                action();
            }

            samples[r] = Stopwatch.GetElapsedTime(start).TotalMilliseconds / 20;
        }

        // The fastest sample: on a shared machine the others measure the neighbours too.
        Array.Sort(samples);
        return samples[0];
    }
}
