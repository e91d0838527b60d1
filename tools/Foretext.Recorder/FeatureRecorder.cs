// Stage: browser oracle, command record-features.
// Input: FeatureCase.All. Output: FeatureSnapshots/features.jsonl under tests/Foretext.BrowserParity (a header line,
// then one object per case: id, kind, css, text, font, lineHeight, width, lang, dir, height, lineCount, lines, hidden).
using System.Text.Json;

namespace Foretext.Recorder;

/// <summary>Records the feature cases in Chromium.</summary>
public static class FeatureRecorder
{
    /// <summary>The snapshot path, relative to the BrowserParity project.</summary>
    public const string SnapshotPath = "FeatureSnapshots/features.jsonl";

    /// <summary>Records every case into <paramref name="outPath"/> (default: the checked-in snapshot).</summary>
    public static async Task<int> RecordAsync(string? outPath)
    {
        outPath ??= Path.Combine(RepoPaths.RepoRoot, "tests", "Foretext.BrowserParity", SnapshotPath);
        IReadOnlyList<FeatureCase> cases = FeatureCase.All(FeatureCase.Widths);
        await using ChromiumOracle oracle = await ChromiumOracle.LaunchAsync();
        var lines = new List<string> { JsonlSnapshot.Header(oracle.Version, "features", cases.Count) };
        foreach (FeatureCase c in cases)
        {
            (double height, int[] starts, int hidden) = await oracle.MeasureFeatureAsync(c);
            lines.Add(JsonSerializer.Serialize(new Dictionary<string, object>
            {
                ["id"] = c.Id,
                ["kind"] = c.Kind,
                ["css"] = c.Css,
                ["text"] = c.Text,
                ["font"] = c.Font,
                ["lineHeight"] = c.LineHeight,
                ["width"] = c.Width,
                ["lang"] = c.Lang,
                ["dir"] = c.Dir,
                ["height"] = height,
                ["lineCount"] = starts.Length,
                ["lines"] = starts,
                ["hidden"] = hidden,
            }, JsonlSnapshot.Options));
        }

        await JsonlSnapshot.WriteAsync(outPath, lines);
        Console.Error.WriteLine($"{cases.Count} feature cases -> {outPath}");
        return 0;
    }
}
