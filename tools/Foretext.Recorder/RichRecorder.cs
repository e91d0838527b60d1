// Stage: browser oracle, command record-rich.
// Input: RichCase.All. Output: FeatureSnapshots/rich-inline.jsonl under tests/Foretext.BrowserParity (a header line,
// then one object per case: id, items, width, lineHeight, lang, dir, wordBreak, height, lineCount, lines as [item, offset]).
using System.Text.Json;

namespace Foretext.Recorder;

/// <summary>Records the rich inline cases in Chromium.</summary>
public static class RichRecorder
{
    /// <summary>The snapshot path, relative to the BrowserParity project.</summary>
    public const string SnapshotPath = "FeatureSnapshots/rich-inline.jsonl";

    /// <summary>Records every case (or those whose id starts with <paramref name="only"/>) into <paramref name="outPath"/> (default: the checked-in snapshot).</summary>
    public static async Task<int> RecordAsync(string? outPath, string? only)
    {
        if (only is not null && outPath is null)
        {
            throw new ArgumentException("--only records part of the cases: give --out so the checked-in snapshot is not overwritten");
        }

        outPath ??= Path.Combine(RepoPaths.RepoRoot, "tests", "Foretext.BrowserParity", SnapshotPath);
        IReadOnlyList<RichCase> cases = RichCase.All().Where(c => only is null || c.Id.StartsWith(only, StringComparison.Ordinal)).ToList();
        await using ChromiumOracle oracle = await ChromiumOracle.LaunchAsync();
        var lines = new List<string> { JsonlSnapshot.Header(oracle.Version, "rich-inline", cases.Count) };
        foreach (RichCase c in cases)
        {
            (double height, int[][] starts) = await oracle.MeasureRichAsync(c);
            lines.Add(JsonSerializer.Serialize(new Dictionary<string, object>
            {
                ["id"] = c.Id,
                ["items"] = c.Items.Select(i => new Dictionary<string, object>
                {
                    ["text"] = i.Text,
                    ["font"] = i.Font,
                    ["letterSpacing"] = i.LetterSpacing,
                    ["atomic"] = i.Atomic,
                    ["extraWidth"] = i.ExtraWidth,
                }).ToArray(),
                ["width"] = c.Width,
                ["lineHeight"] = c.LineHeight,
                ["lang"] = c.Lang,
                ["dir"] = c.Dir,
                ["wordBreak"] = c.WordBreak,
                ["height"] = height,
                ["lineCount"] = starts.Length,
                ["lines"] = starts,
            }, JsonlSnapshot.Options));
        }

        await JsonlSnapshot.WriteAsync(outPath, lines);
        Console.Error.WriteLine($"{cases.Count} rich inline cases -> {outPath}");
        return 0;
    }
}
