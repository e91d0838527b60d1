// Stage: browser oracle, case sources.
// Input: shared/corpora/manifest.json, the corpus texts, app-strings.json; a width range; a sweep seed.
// Output: CaseSets, one per snapshot file: every corpus at every width, every app string at every width,
// and the seeded short-text sweep (SweepGenerator).
using System.Security.Cryptography;
using System.Text.Json;

namespace Foretext.Recorder;

/// <summary>Builds the recording plans for <c>record-lines --source corpora|app|sweep</c>.</summary>
public static class CaseSources
{
    /// <summary>Default corpus widths: 200..900 px in steps of 10 (71 widths).</summary>
    public static readonly WidthRange CorporaWidths = new(200, 900, 10);

    /// <summary>Default app-string widths: 120..400 px in steps of 20 (15 widths).</summary>
    public static readonly WidthRange AppWidths = new(120, 400, 20);

    /// <summary>Seed of the checked-in sweep.</summary>
    public const ulong DefaultSweepSeed = 20260310;

    /// <summary>
    /// Seed of the held-out sweep (source <c>sweep-holdout</c>): the same generator with other texts, recorded after the
    /// rules were written against the first sweep, so its figures show how the rules carry to texts they were not made on.
    /// </summary>
    public const ulong HoldoutSweepSeed = 777;

    /// <summary>One case set per corpus in the manifest.</summary>
    public static IReadOnlyList<CaseSet> Corpora(WidthRange widths, string? only = null) => Corpora(widths, "corpora", only);

    /// <summary>
    /// Widths of the held-out corpus recording (source <c>corpora-holdout</c>): 205..895 px in steps of 10, between the
    /// recorded ones, taken after the rules were written against those.
    /// </summary>
    public static readonly WidthRange HoldoutCorporaWidths = new(205, 895, 10);

    /// <summary>One case set per corpus in the manifest, written to <c>SOURCE/ID.jsonl</c>.</summary>
    public static IReadOnlyList<CaseSet> Corpora(WidthRange widths, string source, string? only)
    {
        var sets = new List<CaseSet>();
        foreach (CorpusInfo corpus in CorpusInfo.LoadManifest())
        {
            if (only is not null && corpus.Id != only)
            {
                continue;
            }

            var cases = new List<LineCase>();
            foreach (double width in widths.Values())
            {
                cases.Add(new LineCase(
                    $"{corpus.Id}@{width.ToString(System.Globalization.CultureInfo.InvariantCulture)}",
                    corpus.Text, corpus.Font, corpus.LineHeight, width, "normal", "normal", 0, corpus.Lang, corpus.Dir));
            }

            sets.Add(new CaseSet(source, $"{source}/{corpus.Id}.jsonl", cases, false, new Dictionary<string, object>
            {
                ["corpus"] = corpus.Id,
                ["file"] = corpus.File,
                ["textSha256"] = corpus.Sha256,
            }));
        }

        return sets;
    }

    /// <summary>Every app string at every width, as one case set.</summary>
    public static CaseSet AppStrings(WidthRange widths, string? only = null)
    {
        string path = Path.Combine(RepoPaths.CorporaRoot, "app-strings.json");
        byte[] bytes = File.ReadAllBytes(path);
        using JsonDocument doc = JsonDocument.Parse(bytes);
        JsonElement root = doc.RootElement;
        string font = root.GetProperty("font").GetString()!;
        double lineHeight = root.GetProperty("lineHeight").GetDouble();
        string lang = root.GetProperty("lang").GetString()!;
        var cases = new List<LineCase>();
        foreach (JsonElement s in root.GetProperty("strings").EnumerateArray())
        {
            string id = s.GetProperty("id").GetString()!;
            if (only is not null && !id.StartsWith(only, StringComparison.Ordinal))
            {
                continue;
            }

            string text = s.GetProperty("text").GetString()!;
            foreach (double width in widths.Values())
            {
                cases.Add(new LineCase(
                    $"{id}@{width.ToString(System.Globalization.CultureInfo.InvariantCulture)}",
                    text, font, lineHeight, width, "normal", "normal", 0, lang, "ltr"));
            }
        }

        return new CaseSet("app", "app-strings.jsonl", cases, true, new Dictionary<string, object>
        {
            ["file"] = "app-strings.json",
            ["fileSha256"] = Convert.ToHexStringLower(SHA256.HashData(bytes)),
        });
    }

    /// <summary>
    /// The seeded sweep as one case set: <c>sweep</c> (sweep.jsonl) for the default seed, <c>sweep-holdout</c>
    /// (sweep-holdout.jsonl, ids prefixed <c>holdout-</c>) for <see cref="HoldoutSweepSeed"/>, else <c>sweep-SEED</c>.
    /// </summary>
    public static CaseSet Sweep(ulong seed, string? only = null)
    {
        string name = seed switch
        {
            DefaultSweepSeed => "sweep",
            HoldoutSweepSeed => "sweep-holdout",
            _ => "sweep-" + seed.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        string prefix = seed == DefaultSweepSeed ? "" : name[("sweep-".Length)..] + "-";
        IReadOnlyList<LineCase> cases = SweepGenerator.Generate(seed, CorpusInfo.LoadManifest())
            .Select(c => prefix.Length == 0 ? c : c with { Id = prefix + c.Id })
            .ToList();
        if (only is not null)
        {
            cases = cases.Where(c => c.Id.StartsWith(only, StringComparison.Ordinal)).ToList();
        }

        return new CaseSet(name, name + ".jsonl", cases, true, new Dictionary<string, object>
        {
            ["seed"] = seed,
            ["generator"] = SweepGenerator.Version,
        });
    }
}
