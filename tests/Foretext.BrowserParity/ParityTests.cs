// Stage: browser parity, the comparison test (no browser: it reads the snapshots).
// Input: every snapshot, and known-mismatches.txt (the cases that still differ, grouped by cause in
// RESEARCH.md). Output: a failure for any other mismatch (with its trace) and for any listed case that now
// agrees (so the list cannot rot). The full report goes to the test output folder (parity/).
// FORETEXT_WRITE_PARITY=1 rewrites known-mismatches.txt and the README table from this run instead.
using Foretext.Recorder;
using Xunit;
using Xunit.Abstractions;

namespace Foretext.BrowserParity;

/// <summary>Foretext's line starts against Chromium's on every recorded case.</summary>
public sealed class ParityTests(ITestOutputHelper output)
{
    private const string ReadmeStart = "<!-- parity:start -->";
    private const string ReadmeEnd = "<!-- parity:end -->";

    private static string KnownMismatchesPath => Path.Combine(RepoPaths.RepoRoot, "tests", "Foretext.BrowserParity", "known-mismatches.txt");

    /// <summary>Every case agrees with Chromium on every line start, except the listed ones.</summary>
    [Fact]
    public void LineStartsEqualChromiumExceptKnownMismatches()
    {
        IReadOnlyList<BrowserSnapshot> snapshots = BrowserSnapshot.LoadAll();
        ParityReport report = new ParityComparer().Compare(snapshots);
        string table = report.ToMarkdown(snapshots[0].Chromium);
        output.WriteLine(table);

        string reportDir = Path.Combine(AppContext.BaseDirectory, "parity");
        Directory.CreateDirectory(reportDir);
        File.WriteAllText(Path.Combine(reportDir, "table.md"), table);
        File.WriteAllLines(Path.Combine(reportDir, "mismatches.txt"), report.Mismatches.Select(m => m.Trace));

        if (Environment.GetEnvironmentVariable("FORETEXT_WRITE_PARITY") == "1")
        {
            WriteKnownMismatches(report);
            WriteReadmeTable(table);
            return;
        }

        HashSet<string> known = ReadKnownMismatches();
        var unexpected = report.Mismatches.Where(m => !known.Contains(m.Id)).ToList();
        var nowEqual = known.Except(report.Mismatches.Select(m => m.Id)).Order(StringComparer.Ordinal).ToList();
        foreach (ParityMismatch mismatch in unexpected.Take(20))
        {
            output.WriteLine(mismatch.Trace);
        }

        Assert.True(unexpected.Count == 0, $"{unexpected.Count} case(s) differ from Chromium and are not in known-mismatches.txt, e.g.\n"
            + string.Join("\n", unexpected.Take(5).Select(m => m.Trace)));
        Assert.True(nowEqual.Count == 0, $"{nowEqual.Count} case(s) in known-mismatches.txt now agree with Chromium; remove them: "
            + string.Join(", ", nowEqual.Take(20)));
    }

    private static HashSet<string> ReadKnownMismatches()
        => File.ReadLines(KnownMismatchesPath)
            .Select(l => l.Trim())
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .ToHashSet(StringComparer.Ordinal);

    private static void WriteKnownMismatches(ParityReport report)
    {
        var lines = new List<string>
        {
            "# Cases whose line starts still differ from Chromium's, one id per line, grouped by snapshot group.",
            "# Causes and plans: RESEARCH.md, \"Remaining differences from Chromium\". ParityTests fails on any mismatch",
            "# not listed here and on any listed case that now agrees. Regenerate (after fixing, never to hide a",
            "# regression): FORETEXT_WRITE_PARITY=1 dotnet test tests/Foretext.BrowserParity --filter ParityTests",
        };
        foreach (IGrouping<string, ParityMismatch> group in report.Mismatches.GroupBy(m => m.Group))
        {
            lines.Add($"# {group.Key}: {group.Count()}");
            lines.AddRange(group.Select(m => m.Id).Order(StringComparer.Ordinal));
        }

        File.WriteAllLines(KnownMismatchesPath, lines);
    }

    private static void WriteReadmeTable(string table)
    {
        string path = Path.Combine(RepoPaths.RepoRoot, "README.md");
        string readme = File.ReadAllText(path);
        int start = readme.IndexOf(ReadmeStart, StringComparison.Ordinal);
        int end = readme.IndexOf(ReadmeEnd, StringComparison.Ordinal);
        if (start < 0 || end < start)
        {
            throw new InvalidDataException($"README.md has no {ReadmeStart} ... {ReadmeEnd} block for the parity table.");
        }

        File.WriteAllText(path, readme[..(start + ReadmeStart.Length)] + "\n" + table + readme[end..]);
    }
}
