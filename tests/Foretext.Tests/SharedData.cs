// Locates ../shared (the corpora) beside the repository, or FORETEXT_SHARED.

using System.Text.Json;

namespace Foretext.Tests;

public static class SharedData
{
    private static readonly Lazy<string> s_root = new(FindRoot);

    public static string Root => s_root.Value;

    public static string RepoRoot
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Foretext.slnx")))
                {
                    return dir.FullName;
                }
            }

            throw new DirectoryNotFoundException("Foretext.slnx not found above " + AppContext.BaseDirectory);
        }
    }

    public static IReadOnlyList<CorpusInfo> Corpora()
    {
        using JsonDocument manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(Root, "corpora", "manifest.json")));
        var list = new List<CorpusInfo>();
        foreach (JsonElement corpus in manifest.RootElement.GetProperty("corpora").EnumerateArray())
        {
            list.Add(new CorpusInfo(
                corpus.GetProperty("id").GetString()!,
                File.ReadAllText(Path.Combine(Root, "corpora", corpus.GetProperty("file").GetString()!)),
                corpus.GetProperty("font").GetString()!,
                corpus.GetProperty("lang").GetString()!,
                corpus.GetProperty("lineHeight").GetDouble()));
        }

        return list;
    }

    public static IReadOnlyList<string> AppStrings()
    {
        using JsonDocument doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(Root, "corpora", "app-strings.json")));
        return doc.RootElement.GetProperty("strings").EnumerateArray().Select(s => s.GetProperty("text").GetString()!).ToList();
    }

    private static string FindRoot()
    {
        string? fromEnv = Environment.GetEnvironmentVariable("FORETEXT_SHARED");
        if (!string.IsNullOrEmpty(fromEnv))
        {
            return fromEnv;
        }

        string candidate = Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared"));
        if (Directory.Exists(Path.Combine(candidate, "corpora")))
        {
            return candidate;
        }

        throw new DirectoryNotFoundException($"The shared corpora were not found at {candidate}; set FORETEXT_SHARED.");
    }
}

public sealed record CorpusInfo(string Id, string Text, string Font, string Lang, double LineHeight);
