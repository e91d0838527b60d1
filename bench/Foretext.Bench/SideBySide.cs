// `side-by-side [OUT.json]`: the Foretext half of bench/run-peers.sh. Times the 500-text batch and the long
// corpora with a Stopwatch (median of repetitions, so a neighbour's burst on a shared machine moves it less than
// a mean), measures what a prepared Gatsby retains, and writes JSON that the peer runner merges with the
// browser's figures. BenchmarkDotNet gives the careful numbers; this mode exists so that both sides run in one command.

using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Foretext.HarfBuzz;
using Foretext.Layout;

namespace Foretext.Bench;

internal static class SideBySide
{
    public static int Run(string[] args)
    {
        string? outPath = args.Length > 0 ? args[0] : null;
        IReadOnlyList<string> texts = Corpora.Batch;
        using var measurer = new HarfBuzzTextMeasurer();
        var engine = new TextLayoutEngine(measurer);

        // First use loads fonts and fontconfig's answers: that is start-up, not a cold prepare (Pretext's
        // clearCache keeps the browser's fonts loaded too).
        PreparedText[] prepared = texts.Select(t => engine.Prepare(t, Corpora.BatchFont)).ToArray();

        var batch = new JsonObject
        {
            ["texts"] = texts.Count,
            ["widths"] = new JsonArray(Corpora.BatchWidths.Select(w => (JsonNode)w).ToArray()),
            ["prepareColdMs"] = Median(15, () =>
            {
                engine.ClearCache();
                foreach (string t in texts)
                {
                    engine.Prepare(t, Corpora.BatchFont);
                }
            }),
            ["prepareWarmMs"] = Median(15, () =>
            {
                foreach (string t in texts)
                {
                    engine.Prepare(t, Corpora.BatchFont);
                }
            }),
        };

        // Layout figures are per 500 texts at one width (the mean over the five widths), as Pretext reports layout().
        int lineTotal = 0;
        batch["layoutMs"] = Median(31, () =>
        {
            int lines = 0;
            foreach (PreparedText p in prepared)
            {
                foreach (double w in Corpora.BatchWidths)
                {
                    lines += TextLayout.Layout(p, w, Corpora.BatchLineHeight).LineCount;
                }
            }

            lineTotal = lines;
        }, inner: 20) / Corpora.BatchWidths.Length;
        batch["lineCountTotal"] = lineTotal;

        long before = GC.GetAllocatedBytesForCurrentThread();
        foreach (PreparedText p in prepared)
        {
            foreach (double w in Corpora.BatchWidths)
            {
                TextLayout.Layout(p, w, Corpora.BatchLineHeight);
            }
        }

        batch["layoutAllocatedBytes"] = GC.GetAllocatedBytesForCurrentThread() - before;

        var floorArrays = texts.Select(t => FloorLoop.Arrays(engine.PrepareWithSegments(t, Corpora.BatchFont))).ToArray();
        batch["floorMs"] = Median(31, () =>
        {
            int lines = 0;
            foreach ((double[] widths, bool[] breakAfter) in floorArrays)
            {
                foreach (double w in Corpora.BatchWidths)
                {
                    lines += FloorLoop.CountLines(widths, breakAfter, w);
                }
            }

            GC.KeepAlive(lines);
        }, inner: 20) / Corpora.BatchWidths.Length;

        var corpora = new JsonArray();
        foreach (Corpus corpus in Corpora.All)
        {
            corpora.Add(LongText(engine, corpus));
        }

        var result = new JsonObject
        {
            ["tool"] = "Foretext",
            ["runtime"] = System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription,
            ["batch"] = batch,
            ["corpora"] = corpora,
        };

        string json = result.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
        if (outPath is null or "-")
        {
            Console.WriteLine(json);
        }
        else
        {
            File.WriteAllText(outPath, json);
            Console.Error.WriteLine($"side-by-side: Foretext figures written to {outPath}");
        }

        return 0;
    }

    private static JsonObject LongText(TextLayoutEngine engine, Corpus corpus)
    {
        PreparedTextWithSegments withSegments = engine.PrepareWithSegments(corpus.Text, corpus.Font, corpus.Options);
        PreparedText p = engine.Prepare(corpus.Text, corpus.Font, corpus.Options);
        var node = new JsonObject
        {
            ["id"] = corpus.Id,
            ["utf16Length"] = corpus.Text.Length,
            ["segments"] = withSegments.SegmentCount,
            ["prepareColdMs"] = Median(5, () =>
            {
                engine.ClearCache();
                engine.Prepare(corpus.Text, corpus.Font, corpus.Options);
            }),
            ["prepareWarmMs"] = Median(5, () => engine.Prepare(corpus.Text, corpus.Font, corpus.Options)),
        };

        foreach (double width in new double[] { 300, 600, 800 })
        {
            node[$"layout{width}Ms"] = Median(31, () => TextLayout.Layout(p, width, corpus.LineHeight), inner: 10);
        }

        node["layout600NsPerSegment"] = (double)node["layout600Ms"]! * 1e6 / withSegments.SegmentCount;

        // What the PreparedText keeps alive, with the measurer's cache already holding this text's chunks so
        // that only the prepared arrays count (the source string existed before and is not counted).
        engine.Prepare(corpus.Text, corpus.Font, corpus.Options);
        long heapBefore = GC.GetTotalMemory(forceFullCollection: true);
        PreparedText kept = engine.Prepare(corpus.Text, corpus.Font, corpus.Options);
        long heapAfter = GC.GetTotalMemory(forceFullCollection: true);
        GC.KeepAlive(kept);
        node["preparedRetainedBytes"] = heapAfter - heapBefore;
        node["preparedMemoryRatio"] = (heapAfter - heapBefore) / (2.0 * corpus.Text.Length);
        return node;
    }

    /// <summary>Median wall time in ms of <paramref name="inner"/> calls of <paramref name="action"/>, divided by <paramref name="inner"/>.</summary>
    private static double Median(int repetitions, Action action, int inner = 1)
    {
        // Warm up until the JIT has had time to move the loops to tier 1: a few fixed calls left the floor loop
        // at tier 0 (4x slower than BenchmarkDotNet's figure for it) while Layout was already optimised.
        long warmStart = Stopwatch.GetTimestamp();
        for (int i = 0; i < 3 || Stopwatch.GetElapsedTime(warmStart).TotalMilliseconds < 400; i++)
        {
            action();
        }

        Thread.Sleep(200); // the tier-1 compile runs on a background thread
        action();

        var samples = new double[repetitions];
        for (int r = 0; r < repetitions; r++)
        {
            long start = Stopwatch.GetTimestamp();
            for (int i = 0; i < inner; i++)
            {
                action();
            }

            samples[r] = Stopwatch.GetElapsedTime(start).TotalMilliseconds / inner;
        }

        Array.Sort(samples);
        return Math.Round(samples[repetitions / 2], 6);
    }
}
