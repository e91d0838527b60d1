// Stage: browser parity for CSS features: -webkit-line-clamp, text-overflow: ellipsis, text-wrap: balance,
// text-wrap: pretty and line-height: normal (heights from LayoutNormalLineHeight). No browser: reads
// FeatureSnapshots/features.jsonl, written by the recorder's record-features command.
// Input: the snapshot and feature-known-mismatches.txt. Output: a table per feature kind; a failure for any case that
// differs and is not listed, or is listed and now agrees.
using System.Globalization;
using System.Text.Json;
using Foretext.HarfBuzz;
using Foretext.Layout;
using Foretext.Recorder;
using Foretext.Text;
using Xunit;
using Xunit.Abstractions;

namespace Foretext.BrowserParity;

/// <summary>Foretext's clamp, ellipsis and text-wrap answers against Chromium's.</summary>
public sealed class FeatureParityTests(ITestOutputHelper output)
{
    private static string ProjectDir => Path.Combine(RepoPaths.RepoRoot, "tests", "Foretext.BrowserParity");

    private static string KnownPath => Path.Combine(ProjectDir, "feature-known-mismatches.txt");

    /// <summary>Every feature case agrees with Chromium on line starts, hidden-text start and height, except the listed ones.</summary>
    [Fact]
    public void FeaturesEqualChromiumExceptKnownMismatches()
    {
        var engine = new TextLayoutEngine(new HarfBuzzTextMeasurer());
        string[] lines = File.ReadAllLines(Path.Combine(ProjectDir, FeatureRecorder.SnapshotPath));
        using JsonDocument header = JsonDocument.Parse(lines[0]);
        var totals = new SortedDictionary<string, (int Cases, int Equal)>(StringComparer.Ordinal);
        var mismatches = new List<(string Id, string Trace)>();
        foreach (string line in lines.Skip(1))
        {
            using JsonDocument doc = JsonDocument.Parse(line);
            JsonElement c = doc.RootElement;
            string id = c.GetProperty("id").GetString()!;
            string kind = c.GetProperty("kind").GetString()!;
            string? trace = Compare(engine, c, kind);
            (int cases, int equal) = totals.GetValueOrDefault(kind);
            totals[kind] = (cases + 1, equal + (trace is null ? 1 : 0));
            if (trace is not null)
            {
                mismatches.Add((id, $"{id}: {trace}"));
            }
        }

        string table = $"Chromium {header.RootElement.GetProperty("chromium").GetString()}; line starts, hidden-text start and height compared.\n\n"
            + "| feature | cases | equal |\n| --- | ---: | ---: |\n"
            + string.Concat(totals.Select(t => $"| {t.Key} | {t.Value.Cases} | {t.Value.Equal} ({100.0 * t.Value.Equal / t.Value.Cases:F1}%) |\n"));
        output.WriteLine(table);
        foreach ((string _, string trace) in mismatches)
        {
            output.WriteLine(trace);
        }

        if (Environment.GetEnvironmentVariable("FORETEXT_WRITE_PARITY") == "1")
        {
            // The rich inline lines (RichInlineParityTests) are kept as they are. Read before writing: WriteAllLines
            // truncates the file before it enumerates, so a lazy ReadLines of the same file saw nothing.
            List<string> richLines = File.ReadLines(KnownPath).Where(l => l.StartsWith(RichInlineParityTests.IdPrefix, StringComparison.Ordinal)).ToList();
            File.WriteAllLines(KnownPath, new[] { "# Feature cases that still differ from Chromium (see RESEARCH.md, \"Line clamp, balance and line-height: normal\")." }
                .Concat(mismatches.Select(m => m.Id))
                .Concat(richLines));
            return;
        }

        HashSet<string> known = File.ReadLines(KnownPath).Select(l => l.Trim())
            .Where(l => l.Length > 0 && !l.StartsWith('#') && !l.StartsWith(RichInlineParityTests.IdPrefix, StringComparison.Ordinal)).ToHashSet(StringComparer.Ordinal);
        var unexpected = mismatches.Where(m => !known.Contains(m.Id)).ToList();
        var nowEqual = known.Except(mismatches.Select(m => m.Id)).ToList();
        Assert.True(unexpected.Count == 0, $"{unexpected.Count} feature case(s) differ: " + string.Join("\n", unexpected.Take(5).Select(m => m.Trace)));
        Assert.True(nowEqual.Count == 0, "listed feature cases now agree; remove them: " + string.Join(", ", nowEqual));
    }

    /// <summary>Null when Foretext agrees with the recorded case, else what differs.</summary>
    private static string? Compare(TextLayoutEngine engine, JsonElement c, string kind)
    {
        string text = c.GetProperty("text").GetString()!;
        string lineHeightCss = c.GetProperty("lineHeight").GetString()!;
        double width = c.GetProperty("width").GetDouble();
        double height = c.GetProperty("height").GetDouble();
        int[] expected = c.GetProperty("lines").EnumerateArray().Select(e => e.GetInt32()).ToArray();
        int hidden = c.GetProperty("hidden").GetInt32();
        PreparedText prepared = engine.Prepare(text, c.GetProperty("font").GetString()!, new PrepareOptions
        {
            Lang = c.GetProperty("lang").GetString(),
            Direction = c.GetProperty("dir").GetString() == "rtl" ? TextDirection.Rtl : TextDirection.Ltr,
        });
        double lineHeight = lineHeightCss == "normal" ? 0 : double.Parse(lineHeightCss.Replace("px", string.Empty), CultureInfo.InvariantCulture);
        TextWrap wrap = kind switch { "balance" => TextWrap.Balance, "pretty" => TextWrap.Pretty, _ => TextWrap.Wrap };
        var ours = TextLayout.LayoutLineRangesWrapped(prepared, kind == "ellipsis" ? double.PositiveInfinity : width, wrap)
            .Select(range => prepared.GetSourceOffset(range.Start)).ToList();
        var problems = new List<string>();
        if (!ours.SequenceEqual(expected))
        {
            problems.Add($"lines [{string.Join(",", expected)}] vs ours [{string.Join(",", ours)}]");
        }

        if (kind is "clamp2" or "clamp3" or "ellipsis")
        {
            TextEllipsis ellipsis = engine.MeasureEllipsis(prepared);
            ClampedLayout clamped = kind == "ellipsis"
                ? TextLayout.LayoutEllipsized(prepared, width, lineHeight, ellipsis)
                : TextLayout.LayoutClamped(prepared, width, lineHeight, kind[^1] - '0', ellipsis);
            int maxLines = kind == "ellipsis" ? 1 : kind[^1] - '0';
            int expectedHidden = hidden >= 0 ? hidden : expected.Length > maxLines ? expected[maxLines] : text.Length;
            if (clamped.HiddenSourceStart != expectedHidden)
            {
                problems.Add($"hidden text starts at {expectedHidden} vs ours {clamped.HiddenSourceStart} (ellipsis {ellipsis.Width}px, last line \"{clamped.LastLineText}\")");
            }

            if (clamped.Height != height)
            {
                problems.Add($"height {height} vs ours {clamped.Height}");
            }
        }
        else if (kind == "normal")
        {
            LayoutResult normal = TextLayout.LayoutNormalLineHeight(prepared, engine.PrepareLineMetrics(prepared), width);
            if (normal.Height != height)
            {
                problems.Add($"height {height} vs ours {normal.Height} ({normal.LineCount} lines)");
            }
        }
        else if (ours.Count * lineHeight != height)
        {
            problems.Add($"height {height} vs ours {ours.Count * lineHeight}");
        }

        return problems.Count == 0 ? null : string.Join("; ", problems);
    }
}
