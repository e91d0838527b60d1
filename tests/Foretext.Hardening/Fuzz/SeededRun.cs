// Runs a CsCheck generator a fixed number of times from a fixed seed, each case from its own PCG so a failure names
// the one case to replay (FORETEXT_FUZZ_SEED and the case index), and fails a case that hangs instead of hanging CI.

using CsCheck;
using Xunit.Abstractions;

namespace Foretext.Hardening.Fuzz;

internal static class SeededRun
{
    /// <summary>Runs <paramref name="check"/> on <paramref name="cases"/> generated values; returns how many ran.</summary>
    public static int Run<T>(ITestOutputHelper output, string target, Gen<T> gen, int cases, TimeSpan timeLimit, Action<T> check, Func<T, string>? describe = null)
    {
        ulong seed = SharedData.Seed;
        cases *= SharedData.Scale;
        output.WriteLine($"{target}: seed {seed} (FORETEXT_FUZZ_SEED), {cases} cases");
        int done = 0;
        int current = -1;
        T value = default!;
        Task task = Task.Run(() =>
        {
            for (int i = 0; i < cases; i++)
            {
                current = i;
                var pcg = new PCG((uint)i, seed);
                value = gen.Generate(pcg, null!, out _);
                try
                {
                    check(value);
                }
                catch (Exception e)
                {
                    throw new InvalidOperationException(
                        $"{target} failed at seed {seed} case {i} (PCG {pcg.Stream}/{seed}): {Describe(value, describe)}", e);
                }

                done++;
            }
        });
        if (!task.Wait(timeLimit * SharedData.Scale))
        {
            throw new TimeoutException($"{target} hung at seed {seed} case {current}: {Describe(value, describe)}");
        }

        output.WriteLine($"{target}: {done} cases passed");
        return done;
    }

    private static string Describe<T>(T value, Func<T, string>? describe)
    {
        string text = describe is null ? value?.ToString() ?? "null" : describe(value);
        return text.Length > 400 ? text[..400] + $"... ({text.Length} chars)" : text;
    }
}
