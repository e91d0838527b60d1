// The benchmark inputs: the shared corpora (../shared next to the folder holding Foretext.slnx, or
// FORETEXT_SHARED) and the 500-text batch built from them deterministically, so that Foretext and the browser
// peers time exactly the same texts.

using System.Text.Json;

namespace Foretext.Bench;

/// <summary>One long corpus from manifest.json.</summary>
internal sealed record Corpus(string Id, string Text, string Font, string Lang, string Dir, double LineHeight)
{
    /// <summary>The options the recorder laid the corpus out with (lang "mul" means none).</summary>
    public PrepareOptions Options { get; } = new()
    {
        Lang = Lang == "mul" ? null : Lang,
        Direction = Dir == "rtl" ? Foretext.Text.TextDirection.Rtl : Foretext.Text.TextDirection.Ltr,
    };
}

internal static class Corpora
{
    /// <summary>Pretext's benchmark font, used for the whole 500-text batch.</summary>
    public const string BatchFont = "16px \"Noto Sans\", \"Noto Sans CJK JP\", \"Noto Color Emoji\", sans-serif";

    public const double BatchLineHeight = 22;

    /// <summary>Layout widths of the batch benchmarks (px): 200 to 400 in steps of 50.</summary>
    public static readonly double[] BatchWidths = [200, 250, 300, 350, 400];

    public const int ShortTextCount = 300;

    // Seed of the sentence draw; changing it changes every batch figure.
    private const ulong BatchSeed = 0x5EED_F0E7_E47;

    private static readonly Lazy<string> s_sharedDir = new(FindShared);
    private static readonly Lazy<IReadOnlyList<Corpus>> s_corpora = new(LoadCorpora);
    private static readonly Lazy<IReadOnlyList<string>> s_batch = new(BuildBatch);

    public static string SharedDir => s_sharedDir.Value;

    public static IReadOnlyList<Corpus> All => s_corpora.Value;

    public static Corpus Get(string id) => All.First(c => c.Id == id);

    /// <summary>200 app strings, then 300 short texts drawn from the corpora's sentences.</summary>
    public static IReadOnlyList<string> Batch => s_batch.Value;

    public static string FindRepoRoot()
    {
        foreach (string? start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (string? dir = start; dir is not null; dir = Path.GetDirectoryName(dir))
            {
                if (File.Exists(Path.Combine(dir, "Foretext.slnx")))
                {
                    return dir;
                }
            }
        }

        throw new DirectoryNotFoundException("No folder holding Foretext.slnx above the current or the program's folder.");
    }

    private static string FindShared()
    {
        string? fromEnv = Environment.GetEnvironmentVariable("FORETEXT_SHARED");
        string dir = !string.IsNullOrEmpty(fromEnv) ? fromEnv : Path.Combine(FindRepoRoot(), "..", "shared");
        if (!File.Exists(Path.Combine(dir, "corpora", "manifest.json")))
        {
            throw new DirectoryNotFoundException($"No corpora/manifest.json under {Path.GetFullPath(dir)}; set FORETEXT_SHARED.");
        }

        return Path.GetFullPath(dir);
    }

    private static IReadOnlyList<Corpus> LoadCorpora()
    {
        string corpora = Path.Combine(SharedDir, "corpora");
        using JsonDocument manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(corpora, "manifest.json")));
        var list = new List<Corpus>();
        foreach (JsonElement c in manifest.RootElement.GetProperty("corpora").EnumerateArray())
        {
            list.Add(new Corpus(
                c.GetProperty("id").GetString()!,
                File.ReadAllText(Path.Combine(corpora, c.GetProperty("file").GetString()!)),
                c.GetProperty("font").GetString()!,
                c.GetProperty("lang").GetString()!,
                c.GetProperty("dir").GetString()!,
                c.GetProperty("lineHeight").GetDouble()));
        }

        return list;
    }

    public static IReadOnlyList<string> AppStrings()
    {
        using JsonDocument doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(SharedDir, "corpora", "app-strings.json")));
        return doc.RootElement.GetProperty("strings").EnumerateArray().Select(s => s.GetProperty("text").GetString()!).ToList();
    }

    /// <summary>Sentences of a corpus between 10 and 200 UTF-16 units, split after sentence-final punctuation or line breaks.</summary>
    public static List<string> Sentences(string text)
    {
        var sentences = new List<string>();
        int start = 0;
        for (int i = 0; i <= text.Length; i++)
        {
            bool end = i == text.Length || text[i] is '\n' or '.' or '!' or '?' or '\u3002' or '\uFF01' or '\uFF1F' or '\u0964' or '\u061F' or '\u17D4' or '\u104B' or '\u0E2F';
            if (!end)
            {
                continue;
            }

            int stop = i < text.Length && text[i] != '\n' ? i + 1 : i;
            string sentence = text[start..stop].Trim();
            if (sentence.Length is >= 10 and <= 200)
            {
                sentences.Add(sentence);
            }

            start = i + 1;
        }

        return sentences;
    }

    private static IReadOnlyList<string> BuildBatch()
    {
        var batch = new List<string>(AppStrings());
        List<List<string>> perCorpus = All.Select(c => Sentences(c.Text)).Where(s => s.Count > 0).ToList();
        var rng = new SplitMix64(BatchSeed);
        for (int i = 0; i < ShortTextCount; i++)
        {
            List<string> sentences = perCorpus[rng.Next(perCorpus.Count)];
            batch.Add(sentences[rng.Next(sentences.Count)]);
        }

        return batch;
    }
}

/// <summary>SplitMix64: a tiny PRNG whose sequence never changes between runtimes (System.Random's may).</summary>
internal struct SplitMix64(ulong seed)
{
    private ulong _state = seed;

    public ulong NextULong()
    {
        ulong z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    public int Next(int maxExclusive) => (int)(NextULong() % (ulong)maxExclusive);
}
