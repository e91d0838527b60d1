// Stage: browser parity, drift check for rich inline flow.
// Input: every 20th case of FeatureSnapshots/rich-inline.jsonl and a live Chromium.
// Output: a failure listing every sampled case whose line starts differ from the snapshot, i.e. the browser (or the
// fonts) changed since the rich inline cases were recorded.
using System.Text.Json;
using Foretext.Recorder;
using Xunit;
using Xunit.Abstractions;

namespace Foretext.BrowserParity;

/// <summary>Re-records a sample of the rich inline cases in the installed Chromium and compares it with the snapshot.</summary>
public sealed class RichInlineLiveDriftTests(ITestOutputHelper output)
{
    /// <summary>The installed Chromium still gives the snapshot's line starts.</summary>
    [LiveFact]
    [Trait("Category", "Live")]
    public async Task RichSampleMatchesSnapshot()
    {
        Assert.True(ChromiumOracle.IsInstalled,
            $"CI=true but Chromium is missing at {ChromiumOracle.ExecutablePath}; the live drift test needs it.");

        string path = Path.Combine(RepoPaths.RepoRoot, "tests", "Foretext.BrowserParity", RichRecorder.SnapshotPath);
        string[] lines = File.ReadAllLines(path);
        await using ChromiumOracle oracle = await ChromiumOracle.LaunchAsync();
        var drift = new List<string>();
        int sampled = 0;
        for (int i = 1; i < lines.Length; i += 20)
        {
            using JsonDocument doc = JsonDocument.Parse(lines[i]);
            JsonElement c = doc.RootElement;
            var items = c.GetProperty("items").EnumerateArray().Select(e => new RichCaseItem(
                e.GetProperty("text").GetString()!, e.GetProperty("font").GetString()!, e.GetProperty("letterSpacing").GetDouble(),
                e.GetProperty("atomic").GetBoolean(), e.GetProperty("extraWidth").GetDouble())).ToList();
            var rich = new RichCase(c.GetProperty("id").GetString()!, items, c.GetProperty("width").GetDouble(),
                c.GetProperty("lineHeight").GetDouble(), c.GetProperty("lang").GetString()!, c.GetProperty("dir").GetString()!,
                c.GetProperty("wordBreak").GetString()!);
            (double _, int[][] actual) = await oracle.MeasureRichAsync(rich);
            string expected = c.GetProperty("lines").GetRawText();
            string got = JsonSerializer.Serialize(actual);
            if (expected != got)
            {
                drift.Add($"{rich.Id}: snapshot {expected}, live {got}");
            }

            sampled++;
        }

        output.WriteLine($"{sampled} rich inline cases re-recorded with chromium {oracle.Version}");
        Assert.True(drift.Count == 0, $"{drift.Count} of {sampled} rich inline cases drifted:\n" + string.Join("\n", drift.Take(10)));
    }
}
