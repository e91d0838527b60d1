// Stage: browser parity, snapshot self-checks (no browser, no engine).
// Input: every checked-in snapshot file.
// Output: failures naming the case when a snapshot is malformed: no cases, ids repeated, line starts not
// strictly increasing from 0 inside the text or inside a surrogate pair, lineCount not matching the starts,
// height not lineCount x lineHeight, no font reported, or a recording error.
using Foretext.Recorder;
using Xunit;

namespace Foretext.BrowserParity;

/// <summary>Checks that the snapshots are well formed before anything is compared against them.</summary>
public sealed class SnapshotValidationTests
{
    /// <summary>One theory row per snapshot file.</summary>
    public static TheoryData<string> SnapshotFiles()
    {
        var data = new TheoryData<string>();
        foreach (string file in BrowserSnapshot.Files())
        {
            data.Add(file);
        }

        return data;
    }

    /// <summary>The snapshot folder holds every source the recorder writes.</summary>
    [Fact]
    public void EverySourceIsRecorded()
    {
        IReadOnlyList<string> files = BrowserSnapshot.Files();
        Assert.Contains(files, f => f.StartsWith("corpora/", StringComparison.Ordinal));
        Assert.Contains(files, f => f.StartsWith("app-strings.jsonl", StringComparison.Ordinal));
        Assert.Contains(files, f => f.StartsWith("sweep", StringComparison.Ordinal));
    }

    /// <summary>The app snapshot was recorded from the shared app-strings.json as it is now.</summary>
    [Fact]
    public void AppSnapshotMatchesSharedStrings()
    {
        BrowserSnapshot snapshot = BrowserSnapshot.Load("app-strings.jsonl");
        string path = Path.Combine(Foretext.Recorder.RepoPaths.CorporaRoot, "app-strings.json");
        string actual = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(path)));
        Assert.True(actual == snapshot.Header.GetProperty("fileSha256").GetString(),
            "shared app-strings.json changed since the app snapshot was recorded: re-record with record-lines --source app");
    }

    /// <summary>Every case of the file satisfies the snapshot invariants.</summary>
    [Theory]
    [MemberData(nameof(SnapshotFiles))]
    public void SnapshotIsWellFormed(string file)
    {
        BrowserSnapshot snapshot = BrowserSnapshot.Load(file);
        Assert.False(string.IsNullOrEmpty(snapshot.Chromium));
        Assert.NotEmpty(snapshot.Cases);
        Assert.Equal(snapshot.CaseCount, snapshot.Cases.Count);

        var problems = new List<string>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (SnapshotCase c in snapshot.Cases)
        {
            if (!ids.Add(c.Id))
            {
                problems.Add($"{c.Id}: id repeated");
            }

            problems.AddRange(Check(c).Select(p => $"{c.Id}: {p}"));
        }

        Assert.True(problems.Count == 0,
            $"{file}: {problems.Count} problem(s):\n" + string.Join("\n", problems.Take(20)));
    }

    private static IEnumerable<string> Check(SnapshotCase c)
    {
        if (c.Error is not null)
        {
            yield return "recording error: " + c.Error;
        }

        if (c.Text.Length == 0)
        {
            yield return "empty text";
        }

        if (c.Lines.Length == 0)
        {
            yield return "no lines";
            yield break;
        }

        if (c.LineCount != c.Lines.Length)
        {
            yield return $"lineCount {c.LineCount} but {c.Lines.Length} starts";
        }

        if (c.Lines[0] != 0)
        {
            yield return $"first line starts at {c.Lines[0]}, not 0";
        }

        for (int i = 0; i < c.Lines.Length; i++)
        {
            int start = c.Lines[i];
            if (start < 0 || start >= c.Text.Length)
            {
                yield return $"line {i} starts at {start}, outside the text (length {c.Text.Length})";
            }
            else if (char.IsLowSurrogate(c.Text[start]) && start > 0 && char.IsHighSurrogate(c.Text[start - 1]))
            {
                yield return $"line {i} starts inside a surrogate pair at {start}";
            }

            if (i > 0 && start <= c.Lines[i - 1])
            {
                yield return $"line {i} starts at {start}, not after line {i - 1} ({c.Lines[i - 1]})";
            }
        }

        // Holds in Chromium when line-height is a fixed length: fallback fonts do not grow the line box.
        if (Math.Abs(c.Height - (c.LineCount * c.LineHeight)) > 0.01)
        {
            yield return $"height {c.Height} is not {c.LineCount} x {c.LineHeight}";
        }

        if (c.Fonts.Length == 0 || c.Fonts.All(f => f.GlyphCount == 0))
        {
            yield return "no platform font reported";
        }
    }
}
