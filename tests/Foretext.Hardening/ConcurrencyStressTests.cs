// Stress: Prepare and Layout from 16 threads at once over the shared corpora and the app strings give exactly what
// one thread gives. Each thread walks the cases in its own order against a cold measurer, so threads race to fill
// the same cache entries; a second run uses a tiny cache so generations rotate while others read.

using Foretext.HarfBuzz;
using Foretext.Layout;
using Xunit;
using Xunit.Abstractions;

namespace Foretext.Hardening;

public sealed class ConcurrencyStressTests(ITestOutputHelper output)
{
    private const int THREADS = 16;

    [Theory]
    [InlineData(100_000)]
    [InlineData(64)]
    public void SixteenThreadsMatchOneThread(int maxCachedChunks)
    {
        var cases = new List<(string Text, string Font, string Lang, double[] Widths)>();
        foreach ((_, string text, string font, string lang) in SharedData.Corpora())
        {
            cases.Add((text.Length > 6000 ? text[..6000] : text, font, lang, [220, 400, 700]));
        }

        (string appFont, string appLang, double[] widths, IReadOnlyList<string> strings) = SharedData.AppStrings();
        cases.AddRange(strings.Select(s => (s, appFont, appLang, widths)));

        var single = new TextLayoutEngine(new HarfBuzzTextMeasurer());
        string[] expected = [.. cases.Select(c => Lines(single, c))];

        var shared = new TextLayoutEngine(new HarfBuzzTextMeasurer(new HarfBuzzMeasurerOptions { MaxCachedChunks = maxCachedChunks }));
        var mismatches = new System.Collections.Concurrent.ConcurrentBag<string>();
        using var start = new Barrier(THREADS);
        var threads = new Thread[THREADS];
        for (int t = 0; t < THREADS; t++)
        {
            int seed = t;
            threads[t] = new Thread(() =>
            {
                int[] order = [.. Enumerable.Range(0, cases.Count)];
                new Random(seed).Shuffle(order);
                start.SignalAndWait();
                foreach (int i in order)
                {
                    string got = Lines(shared, cases[i]);
                    if (got != expected[i])
                    {
                        mismatches.Add($"thread {seed} case {i}");
                    }
                }
            }, 4 << 20);
            threads[t].Start();
        }

        foreach (Thread thread in threads)
        {
            Assert.True(thread.Join(TimeSpan.FromSeconds(90)), "a stress thread did not finish in 90 s");
        }

        output.WriteLine($"{THREADS} threads x {cases.Count} cases ({cases.Sum(c => c.Widths.Length)} layouts each), cache {maxCachedChunks} chunks: {mismatches.Count} mismatches");
        Assert.Empty(mismatches);
    }

    private static string Lines(TextLayoutEngine engine, (string Text, string Font, string Lang, double[] Widths) c)
    {
        PreparedText prepared = engine.Prepare(c.Text, c.Font, new PrepareOptions { Lang = c.Lang });
        var sb = new System.Text.StringBuilder();
        foreach (double width in c.Widths)
        {
            TextLayout.WalkLineRanges(prepared, width, r => sb.Append(prepared.GetSourceOffset(r.End)).Append(':').Append(r.Width.ToString("R")).Append(' '));
            sb.Append('|');
        }

        return sb.ToString();
    }
}
