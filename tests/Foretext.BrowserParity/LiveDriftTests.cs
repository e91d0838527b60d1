// Stage: browser parity, drift check.
// Input: a seeded sample of snapshot cases (3 corpora x 3 widths, 20 app cases, 20 sweep cases) and a live
// Chromium.
// Output: a failure listing every sampled case whose height, line starts or fonts differ from the snapshot,
// i.e. the browser (or the fonts) changed since the snapshots were recorded.
using Foretext.Recorder;
using Xunit;
using Xunit.Abstractions;

namespace Foretext.BrowserParity;

/// <summary>Re-records a small sample in the installed Chromium and compares it with the snapshots.</summary>
public sealed class LiveDriftTests
{
    private const ulong SampleSeed = 17;
    private readonly ITestOutputHelper _output;

    /// <summary>Creates the test with xunit's output sink.</summary>
    public LiveDriftTests(ITestOutputHelper output) => _output = output;

    /// <summary>The installed Chromium still gives the snapshot answers.</summary>
    [LiveFact]
    [Trait("Category", "Live")]
    public async Task SampleMatchesSnapshots()
    {
        Assert.True(ChromiumOracle.IsInstalled,
            $"CI=true but Chromium is missing at {ChromiumOracle.ExecutablePath}; the live drift test needs it.");

        List<(string File, SnapshotCase Case)> sample = Sample();
        await using ChromiumOracle oracle = await ChromiumOracle.LaunchAsync();
        var drift = new List<string>();
        foreach ((string file, SnapshotCase expected) in sample)
        {
            LineMeasurement actual = await oracle.MeasureLinesAsync(expected.ToLineCase());
            string? difference = Compare(expected, actual);
            if (difference is not null)
            {
                drift.Add($"{file} {expected.Id}: {difference}");
            }
        }

        string recordedWith = BrowserSnapshot.Load(sample[0].File).Chromium;
        _output.WriteLine($"{sample.Count} cases re-recorded with chromium {oracle.Version} (snapshots: {recordedWith})");
        Assert.True(drift.Count == 0,
            $"{drift.Count} of {sample.Count} cases drifted (snapshot chromium {recordedWith}, live {oracle.Version}):\n"
            + string.Join("\n", drift.Take(20)));
    }

    private static List<(string File, SnapshotCase Case)> Sample()
    {
        var rng = new Pcg32(SampleSeed);
        var sample = new List<(string, SnapshotCase)>();
        List<string> corpora = BrowserSnapshot.Files().Where(f => f.StartsWith("corpora/", StringComparison.Ordinal)).ToList();
        for (int i = 0; i < 3 && corpora.Count > 0; i++)
        {
            string file = corpora[rng.Next(corpora.Count)];
            corpora.Remove(file);
            Take(file, 3);
        }

        Take("app-strings.jsonl", 20);
        foreach (string sweep in BrowserSnapshot.Files().Where(f => f.StartsWith("sweep", StringComparison.Ordinal)).Take(1))
        {
            Take(sweep, 20);
        }

        return sample;

        void Take(string file, int count)
        {
            IReadOnlyList<SnapshotCase> cases = BrowserSnapshot.Load(file).Cases;
            var chosen = new HashSet<int>();
            while (chosen.Count < Math.Min(count, cases.Count))
            {
                chosen.Add(rng.Next(cases.Count));
            }

            sample.AddRange(chosen.Order().Select(i => (file, cases[i])));
        }
    }

    private static string? Compare(SnapshotCase expected, LineMeasurement actual)
    {
        if (!expected.Lines.SequenceEqual(actual.Lines))
        {
            int i = 0;
            while (i < Math.Min(expected.Lines.Length, actual.Lines.Length) && expected.Lines[i] == actual.Lines[i])
            {
                i++;
            }

            return $"{expected.Lines.Length} lines recorded, {actual.Lines.Length} now; first differing line {i}";
        }

        if (expected.Height != actual.Height)
        {
            return $"height {expected.Height} recorded, {actual.Height} now";
        }

        string Fonts(IEnumerable<(string Family, int Glyphs)> fonts) =>
            string.Join(", ", fonts.OrderBy(f => f.Family, StringComparer.Ordinal).Select(f => $"{f.Family}:{f.Glyphs}"));
        string before = Fonts(expected.Fonts.Select(f => (f.FamilyName, f.GlyphCount)));
        string now = Fonts(actual.Fonts.Select(f => (f.FamilyName, f.GlyphCount)));
        return before == now ? null : $"fonts {before} recorded, {now} now";
    }
}
