// Stage: browser parity for rich inline flow (TextLayoutEngine.PrepareRichInline). No browser: reads
// FeatureSnapshots/rich-inline.jsonl, written by the recorder's record-rich command (spans of their own font in one
// div, atomic items as nowrap inline-blocks, extra width as padding).
// Input: the snapshot and the `rich-` lines of feature-known-mismatches.txt. Output: a table per paragraph; a failure
// for any case whose line starts differ and is not listed, or is listed and now agrees.
using System.Text.Json;
using Foretext.HarfBuzz;
using Foretext.Layout;
using Foretext.Recorder;
using Foretext.Text;
using Xunit;
using Xunit.Abstractions;

namespace Foretext.BrowserParity;

/// <summary>Foretext's rich inline line starts against Chromium's.</summary>
public sealed class RichInlineParityTests(ITestOutputHelper output)
{
    private static string ProjectDir => Path.Combine(RepoPaths.RepoRoot, "tests", "Foretext.BrowserParity");

    private static string KnownPath => Path.Combine(ProjectDir, "feature-known-mismatches.txt");

    /// <summary>The prefix of rich inline case ids (their lines in the shared known-mismatch list).</summary>
    public const string IdPrefix = "rich-";

    /// <summary>Every rich inline case agrees with Chromium on the line count and every line start (item, offset), except the listed ones.</summary>
    [Fact]
    public void RichInlineEqualsChromiumExceptKnownMismatches()
    {
        var engine = new TextLayoutEngine(new HarfBuzzTextMeasurer());
        string[] lines = File.ReadAllLines(Path.Combine(ProjectDir, RichRecorder.SnapshotPath));
        using JsonDocument header = JsonDocument.Parse(lines[0]);
        var totals = new SortedDictionary<string, (int Cases, int Equal, int Lines, int LinesEqual)>(StringComparer.Ordinal);
        var mismatches = new List<(string Id, string Trace)>();
        foreach (string line in lines.Skip(1))
        {
            using JsonDocument doc = JsonDocument.Parse(line);
            JsonElement c = doc.RootElement;
            string id = c.GetProperty("id").GetString()!;
            (string? trace, int lineCount, int linesEqual) = Compare(engine, c);
            string group = id[IdPrefix.Length..id.IndexOf('@')];
            (int cases, int equal, int all, int same) = totals.GetValueOrDefault(group);
            totals[group] = (cases + 1, equal + (trace is null ? 1 : 0), all + lineCount, same + linesEqual);
            if (trace is not null)
            {
                mismatches.Add((id, $"{id}: {trace}"));
            }
        }

        int totalCases = totals.Values.Sum(t => t.Cases);
        int totalEqual = totals.Values.Sum(t => t.Equal);
        string table = $"Chromium {header.RootElement.GetProperty("chromium").GetString()}; every line start (item, offset) compared.\n\n"
            + "| paragraph | cases | every line start equal | line starts equal |\n| --- | ---: | ---: | ---: |\n"
            + string.Concat(totals.Select(t => $"| {t.Key} | {t.Value.Cases} | {t.Value.Equal} ({100.0 * t.Value.Equal / t.Value.Cases:F1}%) | {t.Value.LinesEqual} / {t.Value.Lines} |\n"))
            + $"| **all** | {totalCases} | {totalEqual} ({100.0 * totalEqual / totalCases:F1}%) | {totals.Values.Sum(t => t.LinesEqual)} / {totals.Values.Sum(t => t.Lines)} |\n";
        output.WriteLine(table);
        foreach ((string _, string trace) in mismatches)
        {
            output.WriteLine(trace);
        }

        List<string> known = File.ReadLines(KnownPath).Select(l => l.Trim()).Where(l => l.StartsWith(IdPrefix, StringComparison.Ordinal)).Select(l => l.Split(' ')[0]).ToList();
        var unexpected = mismatches.Where(m => !known.Contains(m.Id)).ToList();
        var nowEqual = known.Except(mismatches.Select(m => m.Id)).ToList();
        Assert.True(unexpected.Count == 0, $"{unexpected.Count} rich inline case(s) differ: " + string.Join("\n", unexpected.Take(8).Select(m => m.Trace)));
        Assert.True(nowEqual.Count == 0, "listed rich inline cases now agree; remove them: " + string.Join(", ", nowEqual));
    }

    /// <summary>Null when Foretext agrees with the recorded case, else what differs; and the recorded line count and how many starts agree.</summary>
    private static (string? Trace, int Lines, int Equal) Compare(TextLayoutEngine engine, JsonElement c)
    {
        RichInlineItem[] items = c.GetProperty("items").EnumerateArray().Select(i => new RichInlineItem(i.GetProperty("text").GetString()!, i.GetProperty("font").GetString()!)
        {
            LetterSpacing = i.GetProperty("letterSpacing").GetDouble(),
            Break = i.GetProperty("atomic").GetBoolean() ? RichInlineBreak.Never : RichInlineBreak.Normal,
            ExtraWidth = i.GetProperty("extraWidth").GetDouble(),
        }).ToArray();
        double width = c.GetProperty("width").GetDouble();
        int[][] expected = c.GetProperty("lines").EnumerateArray().Select(e => e.EnumerateArray().Select(v => v.GetInt32()).ToArray()).ToArray();
        PreparedRichInline prepared = engine.PrepareRichInline(items, new PrepareOptions
        {
            Lang = c.GetProperty("lang").GetString(),
            Direction = c.GetProperty("dir").GetString() == "rtl" ? TextDirection.Rtl : TextDirection.Ltr,
            WordBreak = c.GetProperty("wordBreak").GetString() == "keep-all" ? WordBreak.KeepAll : WordBreak.Normal,
        });
        var ours = new List<RichInlinePosition>();
        TextLayout.WalkRichInlineLineRanges(prepared, width, range => ours.Add(prepared.GetPosition(range.Start)));
        int equal = 0;
        for (int i = 0; i < Math.Min(ours.Count, expected.Length); i++)
        {
            if (ours[i].ItemIndex == expected[i][0] && ours[i].Offset == expected[i][1])
            {
                equal++;
            }
        }

        if (equal == expected.Length && ours.Count == expected.Length)
        {
            return (null, expected.Length, equal);
        }

        string Show(int item, int offset)
        {
            string text = item < items.Length ? items[item].Text : string.Empty;
            string at = offset <= text.Length ? text[offset..Math.Min(text.Length, offset + 6)] : "?";
            return $"{item}:{offset}'{at}'";
        }

        return ($"lines [{string.Join(" ", expected.Select(e => Show(e[0], e[1])))}] vs ours [{string.Join(" ", ours.Select(p => Show(p.ItemIndex, p.Offset)))}]", expected.Length, equal);
    }
}
