// Locates ../shared (the corpora) beside the repository, or FORETEXT_SHARED; and the fixed seed of the property runs.

using System.Text.Json;
using Foretext.HarfBuzz;

namespace Foretext.Hardening;

public static class SharedData
{
    private static readonly Lazy<HarfBuzzTextMeasurer> s_measurer = new(() => new HarfBuzzTextMeasurer());

    /// <summary>One measurer for the tests that do not count cache contents (fonts load once per process).</summary>
    public static HarfBuzzTextMeasurer Measurer => s_measurer.Value;

    /// <summary>The base seed of every seeded run: FORETEXT_FUZZ_SEED, else a fixed value so CI is reproducible.</summary>
    public static ulong Seed =>
        ulong.TryParse(Environment.GetEnvironmentVariable("FORETEXT_FUZZ_SEED"), out ulong seed) ? seed : 20_260_801UL;

    /// <summary>Iterations scale: FORETEXT_FUZZ_SCALE (default 1) multiplies every target's case count for longer runs.</summary>
    public static int Scale =>
        int.TryParse(Environment.GetEnvironmentVariable("FORETEXT_FUZZ_SCALE"), out int scale) && scale > 0 ? scale : 1;

    public static string Root => Foretext.Testing.RepoLocations.SharedRoot;

    public static string RepoRoot => Foretext.Testing.RepoLocations.RepoRoot;

    public static IReadOnlyList<(string Id, string Text, string Font, string Lang)> Corpora()
    {
        using JsonDocument manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(Root, "corpora", "manifest.json")));
        var list = new List<(string, string, string, string)>();
        foreach (JsonElement corpus in manifest.RootElement.GetProperty("corpora").EnumerateArray())
        {
            list.Add((corpus.GetProperty("id").GetString()!,
                File.ReadAllText(Path.Combine(Root, "corpora", corpus.GetProperty("file").GetString()!)),
                corpus.GetProperty("font").GetString()!,
                corpus.GetProperty("lang").GetString()!));
        }

        return list;
    }

    public static (string Font, string Lang, double[] Widths, IReadOnlyList<string> Strings) AppStrings()
    {
        using JsonDocument doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(Root, "corpora", "app-strings.json")));
        JsonElement root = doc.RootElement;
        return (root.GetProperty("font").GetString()!, root.GetProperty("lang").GetString()!,
            [.. root.GetProperty("widths").EnumerateArray().Select(w => w.GetDouble())],
            [.. root.GetProperty("strings").EnumerateArray().Select(s => s.GetProperty("text").GetString()!)]);
    }
}
