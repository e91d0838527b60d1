// Stage: browser oracle, command line.
// Input: record-lines --source corpora|app|sweep|corpora-holdout|sweep-holdout [--widths A:B:STEP] [--only ID] [--out DIR] [--seed N] [--chunk N]
//        record-widths FILE
//        check-chunking --only CORPUS [--widths A:B:STEP]
//        check-carets --source corpora|app|sweep [--only ID] [--widths A:B:STEP] [--bidi true]
//        report --id CASE_ID [--out DIR]
//        record-features [--out FILE]
//        record-rich [--out FILE] [--only ID-PREFIX]
// Output: snapshot JSONL files (default: tests/Foretext.BrowserParity/Snapshots), a rewritten measuring-cases
// file, or a report on whether cutting text into nodes changes any break. Progress goes to stderr.
using System.Diagnostics;
using System.Globalization;

namespace Foretext.Recorder;

/// <summary>Entry point of the recorder.</summary>
public static class Program
{
    /// <summary>Runs one command; returns the process exit code.</summary>
    public static async Task<int> Main(string[] args)
    {
        if (args.Length == 0)
        {
            Console.Error.WriteLine("usage: record-lines --source corpora|app|sweep|corpora-holdout|sweep-holdout [--widths A:B:STEP] [--only ID] [--out DIR] [--seed N] [--chunk N]");
            Console.Error.WriteLine("       record-widths FILE");
            Console.Error.WriteLine("       check-chunking --only CORPUS [--widths A:B:STEP]");
            Console.Error.WriteLine("       check-carets --source corpora|app|sweep [--only ID] [--widths A:B:STEP] [--bidi true]");
            Console.Error.WriteLine("       report --id CASE_ID [--out DIR]   (side-by-side HTML + PNG of Chromium's and Foretext's lines)");
            Console.Error.WriteLine("       record-features [--out FILE]   (line clamp, text-overflow, text-wrap, line-height: normal)");
            Console.Error.WriteLine("       record-rich [--out FILE] [--only ID-PREFIX]   (rich inline flow: spans of their own font, chips)");
            return 2;
        }

        Dictionary<string, string> options = ParseOptions(args.Skip(1).ToArray(), out List<string> positional);
        try
        {
            return args[0] switch
            {
                "record-lines" => await RecordLinesAsync(options),
                "record-widths" when positional.Count == 1 => await RecordWidthsAsync(positional[0]),
                "check-chunking" => await CheckChunkingAsync(options),
                "check-carets" => await CheckCaretsAsync(options),
                "report" => await ReportAsync(options),
                "record-features" => await FeatureRecorder.RecordAsync(options.GetValueOrDefault("out")),
                "record-rich" => await RichRecorder.RecordAsync(options.GetValueOrDefault("out"), options.GetValueOrDefault("only")),
                _ => Usage(args[0]),
            };
        }
        catch (Exception e) when (e is FormatException or ArgumentException or FileNotFoundException)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return 2;
        }
    }

    // Finds a snapshot case by id, lays it out with Foretext and writes <id>.html (Chromium renders it when opened)
    // and <id>.png (rendered now) with both sets of lines drawn over Chromium's rendering.
    private static async Task<int> ReportAsync(Dictionary<string, string> options)
    {
        string id = options.GetValueOrDefault("id") ?? throw new ArgumentException("--id is required");
        string outDir = options.GetValueOrDefault("out") ?? Path.Combine(RepoPaths.RepoRoot, "artifacts", "parity-reports");
        SnapshotCase? found = null;
        foreach (string file in BrowserSnapshot.Files())
        {
            found = BrowserSnapshot.Load(file).Cases.FirstOrDefault(c => c.Id == id);
            if (found is not null)
            {
                break;
            }
        }

        if (found is null)
        {
            throw new ArgumentException($"no snapshot case has id {id}");
        }

        var engine = new TextLayoutEngine(new Foretext.HarfBuzz.HarfBuzzTextMeasurer());
        var prepared = engine.Prepare(found.Text, found.Font, new PrepareOptions
        {
            WhiteSpace = found.WhiteSpaceMode,
            WordBreak = found.WordBreakMode,
            LetterSpacing = found.LetterSpacing,
            Lang = found.Lang,
            Direction = found.Dir == "rtl" ? Foretext.Text.TextDirection.Rtl : Foretext.Text.TextDirection.Ltr,
        });
        var starts = new List<int>();
        TextLayout.WalkLineRanges(prepared, found.Width, range => starts.Add(prepared.GetSourceOffset(range.Start)));

        string html = ParityPage.Build(found, starts);
        Directory.CreateDirectory(outDir);
        string name = string.Concat(id.Select(ch => char.IsLetterOrDigit(ch) || ch is '-' or '.' ? ch : '_'));
        string htmlPath = Path.Combine(outDir, name + ".html");
        string pngPath = Path.Combine(outDir, name + ".png");
        await File.WriteAllTextAsync(htmlPath, html);
        await using ChromiumOracle oracle = await ChromiumOracle.LaunchAsync();
        await oracle.ScreenshotAsync(html, pngPath);
        Console.WriteLine(htmlPath);
        Console.WriteLine(pngPath);
        return 0;
    }

    private static int Usage(string command)
    {
        Console.Error.WriteLine($"unknown command or arguments: {command}");
        return 2;
    }

    private static Dictionary<string, string> ParseOptions(string[] args, out List<string> positional)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        positional = [];
        for (int i = 0; i < args.Length; i++)
        {
            if (args[i].StartsWith("--", StringComparison.Ordinal) && i + 1 < args.Length)
            {
                options[args[i][2..]] = args[++i];
            }
            else
            {
                positional.Add(args[i]);
            }
        }

        return options;
    }

    private static IReadOnlyList<CaseSet> Plan(Dictionary<string, string> options)
    {
        string source = options.GetValueOrDefault("source") ?? throw new ArgumentException("--source is required");
        string? only = options.GetValueOrDefault("only");
        WidthRange? widths = options.TryGetValue("widths", out string? w) ? WidthRange.Parse(w) : null;
        return source switch
        {
            "corpora" => CaseSources.Corpora(widths ?? CaseSources.CorporaWidths, only),
            "app" => [CaseSources.AppStrings(widths ?? CaseSources.AppWidths, only)],
            "sweep" => [CaseSources.Sweep(
                options.TryGetValue("seed", out string? seed) ? ulong.Parse(seed, CultureInfo.InvariantCulture) : CaseSources.DefaultSweepSeed,
                only)],
            "sweep-holdout" => [CaseSources.Sweep(CaseSources.HoldoutSweepSeed, only)],
            "corpora-holdout" => CaseSources.Corpora(widths ?? CaseSources.HoldoutCorporaWidths, "corpora-holdout", only),
            _ => throw new ArgumentException($"unknown --source {source}"),
        };
    }

    private static async Task<int> RecordLinesAsync(Dictionary<string, string> options)
    {
        // A partial recording must never overwrite a checked-in snapshot by accident.
        bool partial = options.ContainsKey("widths") || options.ContainsKey("seed")
            || (options.ContainsKey("only") && !(options.GetValueOrDefault("source") ?? "").StartsWith("corpora", StringComparison.Ordinal));
        if (partial && !options.ContainsKey("out"))
        {
            throw new ArgumentException("--widths, --seed, or --only outside corpora record a partial set: pass --out DIR");
        }

        IReadOnlyList<CaseSet> sets = Plan(options);
        string outDir = options.GetValueOrDefault("out") ?? RepoPaths.SnapshotsRoot;
        int chunk = options.TryGetValue("chunk", out string? c) ? int.Parse(c, CultureInfo.InvariantCulture) : ChromiumOracle.DefaultChunkSize;
        var total = Stopwatch.StartNew();
        await using ChromiumOracle oracle = await ChromiumOracle.LaunchAsync(chunk);
        Console.Error.WriteLine($"chromium {oracle.Version} launched in {total.Elapsed.TotalSeconds:F1} s");
        int errors = 0;
        foreach (CaseSet set in sets)
        {
            var watch = Stopwatch.StartNew();
            string path = Path.Combine(outDir, set.FileName);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            string temp = path + ".tmp";
            long probes = 0;
            long lines = 0;
            int setErrors = 0;
            double slowest = 0;
            using (var writer = new SnapshotWriter(File.Create(temp), set, oracle.Version, DateTimeOffset.UtcNow))
            {
                foreach (LineCase lineCase in set.Cases)
                {
                    long before = watch.ElapsedTicks;
                    LineMeasurement m;
                    try
                    {
                        m = await oracle.MeasureLinesAsync(lineCase);
                    }
                    catch (Microsoft.Playwright.PlaywrightException e)
                    {
                        // Kept in the snapshot as an error, so the validation test names the case.
                        m = new LineMeasurement(0, [], [], "recorder failed: " + e.Message.Split('\n')[0], 0);
                    }

                    slowest = Math.Max(slowest, (watch.ElapsedTicks - before) / (double)Stopwatch.Frequency);
                    writer.Write(lineCase, m);
                    probes += m.Probes;
                    lines += m.Lines.Length;
                    if (m.Error is not null)
                    {
                        setErrors++;
                        if (setErrors <= 5)
                        {
                            Console.Error.WriteLine($"  {lineCase.Id}: {m.Error}");
                        }
                    }
                }
            }

            File.Move(temp, path, overwrite: true);
            errors += setErrors;
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{set.FileName}: {set.Cases.Count} cases, {lines} lines, {probes / (double)Math.Max(1, lines):F1} probes/line, " +
                $"{setErrors} errors, {watch.Elapsed.TotalSeconds:F1} s (slowest case {slowest:F2} s)"));
        }

        Console.Error.WriteLine($"total {total.Elapsed.TotalSeconds:F1} s, {errors} cases with errors");
        return 0;
    }

    private static async Task<int> RecordWidthsAsync(string path)
    {
        var watch = Stopwatch.StartNew();
        await using ChromiumOracle oracle = await ChromiumOracle.LaunchAsync();
        int count = await MeasuringCasesFile.RecordAsync(oracle, path);
        Console.Error.WriteLine($"{path}: {count} widths recorded with chromium {oracle.Version} in {watch.Elapsed.TotalSeconds:F1} s");
        return 0;
    }

    // Records the same corpus with the whole text in one node and cut into ~2,000-unit nodes; any difference
    // in height or line starts means chunking is not neutral and the snapshots cannot be trusted.
    private static async Task<int> CheckChunkingAsync(Dictionary<string, string> options)
    {
        options["source"] = "corpora";
        IReadOnlyList<CaseSet> sets = Plan(options);
        var results = new Dictionary<int, List<LineMeasurement>>();
        foreach (int chunk in new[] { 0, ChromiumOracle.DefaultChunkSize })
        {
            var watch = Stopwatch.StartNew();
            await using ChromiumOracle oracle = await ChromiumOracle.LaunchAsync(chunk);
            var list = new List<LineMeasurement>();
            foreach (LineCase lineCase in sets.SelectMany(s => s.Cases))
            {
                list.Add(await oracle.MeasureLinesAsync(lineCase));
            }

            results[chunk] = list;
            Console.Error.WriteLine($"chunk {chunk}: {list.Count} cases in {watch.Elapsed.TotalSeconds:F1} s");
        }

        LineCase[] cases = sets.SelectMany(s => s.Cases).ToArray();
        int differ = 0;
        for (int i = 0; i < cases.Length; i++)
        {
            LineMeasurement a = results[0][i];
            LineMeasurement b = results[ChromiumOracle.DefaultChunkSize][i];
            if (a.Height != b.Height || !a.Lines.SequenceEqual(b.Lines))
            {
                differ++;
                Console.Error.WriteLine($"  {cases[i].Id}: unchunked {a.Lines.Length} lines h={a.Height}, chunked {b.Lines.Length} lines h={b.Height}");
            }
        }

        Console.WriteLine($"{cases.Length} cases compared, {differ} differ");
        return differ == 0 ? 0 : 1;
    }

    // Cross-checks the Range-rect line search against hit testing (caret at each line's start edge) on every
    // unidirectional case of a source; bidi text is skipped, as a line's edge need not hold its logical start.
    private static async Task<int> CheckCaretsAsync(Dictionary<string, string> options)
    {
        IReadOnlyList<CaseSet> sets = Plan(options);
        var watch = Stopwatch.StartNew();
        await using ChromiumOracle oracle = await ChromiumOracle.LaunchAsync();
        bool all = options.GetValueOrDefault("bidi") == "true";
        int compared = 0;
        int skipped = 0;
        int differ = 0;
        foreach (LineCase lineCase in sets.SelectMany(s => s.Cases))
        {
            bool rtl = lineCase.Dir == "rtl";
            if (!all && (lineCase.Text.Any(IsBidiControl) || (rtl ? lineCase.Text.Any(char.IsAsciiLetter) : lineCase.Text.Any(IsRightToLeft))))
            {
                skipped++;
                continue;
            }

            LineMeasurement m = await oracle.MeasureLinesAsync(lineCase);
            int[] carets = await oracle.CaretLineStartsAsync(rtl);
            compared++;
            if (!carets.Select((c, i) => SameStart(lineCase.Text, i < m.Lines.Length ? m.Lines[i] : -1, c)).All(same => same)
                || carets.Length != m.Lines.Length)
            {
                differ++;
                int i = 0;
                while (i < Math.Min(carets.Length, m.Lines.Length) && carets[i] == m.Lines[i])
                {
                    i++;
                }

                if (differ <= 200)
                {
                    Console.Error.WriteLine($"  {lineCase.Id}: search {m.Lines.Length} lines, carets {carets.Length}; line {i}: " +
                        $"search {(i < m.Lines.Length ? m.Lines[i] : -1)}, caret {(i < carets.Length ? carets[i] : -1)}");
                }
            }
        }

        Console.WriteLine($"{compared} cases compared, {skipped} bidi skipped, {differ} differ, {watch.Elapsed.TotalSeconds:F1} s");
        return differ == 0 ? 0 : 1;
    }

    // Hit testing lands after zero-width characters at a line's left edge (a ZWSP opening a snippet), where
    // the search reports the zero-width character itself: both name the same line start.
    private static bool SameStart(string text, int search, int caret) =>
        search == caret
        || (search >= 0 && caret > search && text.AsSpan(search, caret - search).IndexOfAnyExcept("\u200B\u200C\u200D\u2060\u00AD\uFEFF") < 0);

    private static bool IsRightToLeft(char c) =>
        c is (>= '\u0590' and <= '\u08FF') or (>= '\uFB1D' and <= '\uFDFF') or (>= '\uFE70' and <= '\uFEFF');

    private static bool IsBidiControl(char c) =>
        c is (>= '\u200E' and <= '\u200F') or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');
}
