// Stage: browser parity, the comparison.
// Input: snapshots of Chromium's line starts. Output: per group (each corpus, the app strings, the sweep) the
// cases, line-count matches and all-line-start matches, and for each mismatch a short trace: the first differing
// line, Foretext's break against Chromium's, the text and segment widths around it, and the fonts Chromium used.
// Prepares once per distinct (text, font, options), as ./foretext batch does.
using Foretext.Recorder;
using System.Globalization;
using System.Text;
using Foretext.HarfBuzz;
using Foretext.Layout;
using Foretext.Text;

namespace Foretext.BrowserParity;

/// <summary>Lays every snapshot case out with Foretext and compares it with Chromium's answer.</summary>
public sealed class ParityComparer
{
    private readonly TextLayoutEngine _engine = new(new HarfBuzzTextMeasurer());

    /// <summary>Compares every case of <paramref name="snapshots"/>.</summary>
    public ParityReport Compare(IEnumerable<BrowserSnapshot> snapshots)
    {
        var groups = new List<ParityGroup>();
        var mismatches = new List<ParityMismatch>();
        foreach (BrowserSnapshot snapshot in snapshots)
        {
            string group = snapshot.Source.StartsWith("corpora", StringComparison.Ordinal) ? Path.GetFileNameWithoutExtension(snapshot.RelativePath) : snapshot.Source;
            int cases = 0, lineCounts = 0, starts = 0;
            var prepared = new Dictionary<(string, string, PrepareOptions), PreparedTextWithSegments>();
            foreach (SnapshotCase c in snapshot.Cases)
            {
                var options = new PrepareOptions
                {
                    WhiteSpace = c.WhiteSpaceMode,
                    WordBreak = c.WordBreakMode,
                    LetterSpacing = c.LetterSpacing,
                    Lang = c.Lang,
                    Direction = c.Dir == "rtl" ? TextDirection.Rtl : TextDirection.Ltr,
                };
                if (!prepared.TryGetValue((c.Text, c.Font, options), out PreparedTextWithSegments? p))
                {
                    if (prepared.Count > 64)
                    {
                        prepared.Clear();
                    }

                    p = _engine.PrepareWithSegments(c.Text, c.Font, options);
                    prepared[(c.Text, c.Font, options)] = p;
                }

                var ours = new List<int>();
                TextLayout.WalkLineRanges(p, c.Width, range => ours.Add(p.GetSourceOffset(range.Start)));
                int counted = TextLayout.Layout(p, c.Width, 1).LineCount;
                if (counted != ours.Count)
                {
                    // Layout counts with LineCounter, the other APIs walk lines with LineWalker: with the real fonts too they must agree.
                    throw new InvalidOperationException($"{c.Id}: Layout counts {counted} lines, WalkLineRanges {ours.Count}.");
                }

                cases++;
                if (ours.Count == c.LineCount)
                {
                    lineCounts++;
                }

                if (ours.SequenceEqual(c.Lines))
                {
                    starts++;
                }
                else
                {
                    mismatches.Add(new ParityMismatch(group, c.Id, Trace(c, p, ours)));
                }
            }

            groups.Add(new ParityGroup(snapshot.Source, group, cases, lineCounts, starts));
        }

        return new ParityReport(groups, mismatches);
    }

    private static string Trace(SnapshotCase c, PreparedTextWithSegments p, List<int> ours)
    {
        int line = 0;
        while (line < ours.Count && line < c.Lines.Length && ours[line] == c.Lines[line])
        {
            line++;
        }

        int chrome = line < c.Lines.Length ? c.Lines[line] : c.Text.Length;
        int foretext = line < ours.Count ? ours[line] : c.Text.Length;
        var trace = new StringBuilder();
        trace.Append(CultureInfo.InvariantCulture, $"{c.Id} ({c.Font}; {c.Width}px; {c.WhiteSpace}; {c.WordBreak}; ls {c.LetterSpacing}; lang {c.Lang}; {c.Dir}): ");
        trace.Append(CultureInfo.InvariantCulture, $"{ours.Count} lines vs Chromium's {c.LineCount}; line {line} starts at {foretext} in Foretext, {chrome} in Chromium\n");
        trace.Append(CultureInfo.InvariantCulture, $"  Chromium: {Around(c.Text, chrome)}\n  Foretext: {Around(c.Text, foretext)}\n");
        int from = Math.Min(chrome, foretext) - 12, to = Math.Max(chrome, foretext) + 12;
        trace.Append("  segments:");
        for (int i = 0; i < p.SegmentCount; i++)
        {
            int offset = p.GetSegmentSourceOffset(i);
            if (offset >= from && offset <= to)
            {
                trace.Append(CultureInfo.InvariantCulture, $" [{offset} {p.Kinds[i]} {Escape(p.Segments[i])} {p.Widths[i]:0.######}]");
            }
        }

        trace.Append("\n  Chromium's fonts: ").AppendJoin(", ", c.Fonts.Select(f => $"{f.PostScriptName} x{f.GlyphCount}"));
        return trace.ToString();
    }

    private static string Around(string text, int offset)
    {
        int start = Math.Max(0, offset - 30);
        int end = Math.Min(text.Length, offset + 30);
        return Escape(text[start..offset]) + "|" + Escape(text[offset..end]);
    }

    private static string Escape(string s)
    {
        var builder = new StringBuilder(s.Length);
        foreach (char ch in s)
        {
            builder.Append(ch < ' ' || ch is '\u00AD' or '\u200B' or '\u2060' or '\uFEFF' || char.IsSurrogate(ch) ? $"\\u{(int)ch:X4}" : ch.ToString());
        }

        return builder.ToString();
    }
}

/// <summary>Agreement for one group of cases.</summary>
/// <param name="Source">corpora, app or sweep.</param>
/// <param name="Group">The corpus id, or the source for app and sweep.</param>
/// <param name="Cases">Cases compared.</param>
/// <param name="LineCountMatches">Cases whose line count equals Chromium's.</param>
/// <param name="AllStartsMatches">Cases whose every line start equals Chromium's.</param>
public sealed record ParityGroup(string Source, string Group, int Cases, int LineCountMatches, int AllStartsMatches);

/// <summary>A case whose line starts differ from Chromium's.</summary>
public sealed record ParityMismatch(string Group, string Id, string Trace);

/// <summary>The result of comparing snapshots.</summary>
public sealed record ParityReport(IReadOnlyList<ParityGroup> Groups, IReadOnlyList<ParityMismatch> Mismatches)
{
    /// <summary>The table for the README: one row per group, then one per source.</summary>
    public string ToMarkdown(string chromium)
    {
        var table = new StringBuilder();
        table.Append(CultureInfo.InvariantCulture, $"Chromium {chromium}; every line start compared (UTF-16 offsets).\n\n");
        table.Append("| source | group | cases | line count equal | every line start equal |\n| --- | --- | ---: | ---: | ---: |\n");
        foreach (ParityGroup g in Groups)
        {
            table.Append(CultureInfo.InvariantCulture, $"| {g.Source} | {g.Group} | {g.Cases} | {Percent(g.LineCountMatches, g.Cases)} | {Percent(g.AllStartsMatches, g.Cases)} |\n");
        }

        foreach (IGrouping<string, ParityGroup> source in Groups.GroupBy(g => g.Source))
        {
            int cases = source.Sum(g => g.Cases);
            table.Append(CultureInfo.InvariantCulture, $"| **{source.Key}** | all | {cases} | {Percent(source.Sum(g => g.LineCountMatches), cases)} | {Percent(source.Sum(g => g.AllStartsMatches), cases)} |\n");
        }

        return table.ToString();
    }

    private static string Percent(int part, int whole)
        => string.Create(CultureInfo.InvariantCulture, $"{part} ({(whole == 0 ? 0 : 100.0 * part / whole):0.0}%)");
}
