// `profile [corpus-id ...]`: where Prepare's time goes. Runs Prepare's stages one by one on the same input, with
// the same calls TextPreparer makes (white space, bidi, graphemes, measuring cold and warm, break
// opportunities), and reports the rest of a whole Prepare (positions, segments, final arrays) as the remainder.
// Stopwatch medians; a profile, not a benchmark.

using System.Diagnostics;
using Foretext.HarfBuzz;
using Foretext.Layout;
using Foretext.Shaping;
using Foretext.Text;
using Foretext.Text.Bidi;
using Foretext.Text.Segmentation;

namespace Foretext.Bench;

internal static class PrepareProfile
{
    public static int Run(string[] args)
    {
        using var measurer = new HarfBuzzTextMeasurer();
        var engine = new TextLayoutEngine(measurer);
        var inputs = new List<(string Name, string[] Texts, string Font, PrepareOptions Options)>
        {
            ("batch-500", [.. Corpora.Batch], Corpora.BatchFont, PrepareOptions.Default),
        };
        foreach (Corpus c in Corpora.All.Where(c => args.Length == 0 || args.Contains(c.Id)))
        {
            inputs.Add((c.Id, [c.Text], c.Font, c.Options));
        }

        Console.WriteLine("ms per input (median); cold = measurer cache cleared first");
        Console.WriteLine($"{"input",-52} {"white",7} {"bidi",7} {"graph",7} {"breaks",7} {"meas.c",8} {"meas.w",7} {"prep.c",8} {"prep.w",7} {"rest.w",7}");
        foreach ((string name, string[] texts, string font, PrepareOptions options) in inputs)
        {
            foreach (string t in texts)
            {
                engine.Prepare(t, font, options); // fonts and fallback answers loaded: start-up, not cold
            }

            string[] norms = texts.Select(t => TextPreparer.ProcessWhiteSpace(t, false, [], [])).ToArray();
            var style = new MeasureStyle(font, options.Lang, options.LetterSpacing);
            int reps = texts.Sum(t => t.Length) > 50_000 ? 5 : 11;

            double white = Median(reps, () =>
            {
                foreach (string t in texts)
                {
                    TextPreparer.ProcessWhiteSpace(t, false, new List<int>(), new List<int>());
                }
            });
            double bidi = Median(reps, () =>
            {
                foreach (string n in norms)
                {
                    BidiResolver.Resolve(n, options.Direction, new byte[n.Length]);
                }
            });
            double graphemes = Median(reps, () =>
            {
                foreach (string n in norms)
                {
                    GraphemeClusters.GetStarts(n, new List<int>(n.Length));
                }
            });
            double breaks = Median(reps, () =>
            {
                foreach (string n in norms)
                {
                    LineBreakOpportunities.Compute(n, options.Lang, options.WordBreak, new BreakOpportunity[n.Length + 1]);
                }
            });
            void MeasureAll()
            {
                foreach (string n in norms)
                {
                    // One call per bidi run, as Prepare shapes each item apart.
                    byte[] levels = new byte[n.Length];
                    BidiResolver.Resolve(n, options.Direction, levels);
                    double[] advances = new double[n.Length];
                    int start = 0;
                    for (int i = 1; i <= n.Length; i++)
                    {
                        if (i == n.Length || levels[i] != levels[i - 1])
                        {
                            measurer.MeasureAdvances(n.AsSpan(start, i - start), style, advances.AsSpan(start, i - start));
                            start = i;
                        }
                    }
                }
            }

            double measureCold = Median(reps, () =>
            {
                measurer.ClearCache();
                MeasureAll();
            });
            double measureWarm = Median(reps, MeasureAll) - bidi;
            measureCold -= bidi;
            double prepareCold = Median(reps, () =>
            {
                measurer.ClearCache();
                foreach (string t in texts)
                {
                    engine.Prepare(t, font, options);
                }
            });
            double prepareWarm = Median(reps, () =>
            {
                foreach (string t in texts)
                {
                    engine.Prepare(t, font, options);
                }
            });
            double rest = prepareWarm - white - bidi - graphemes - breaks - measureWarm;
            Console.WriteLine($"{name,-52} {white,7:0.000} {bidi,7:0.000} {graphemes,7:0.000} {breaks,7:0.000} {measureCold,8:0.000} {measureWarm,7:0.000} {prepareCold,8:0.000} {prepareWarm,7:0.000} {rest,7:0.000}");
        }

        return 0;
    }

    private static double Median(int repetitions, Action action)
    {
        action();
        var samples = new double[repetitions];
        for (int r = 0; r < repetitions; r++)
        {
            long start = Stopwatch.GetTimestamp();
            action();
            samples[r] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }

        Array.Sort(samples);
        return samples[repetitions / 2];
    }
}
