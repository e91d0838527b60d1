// Locates ../shared (the corpora) beside the repository, or FORETEXT_SHARED.

using System.Text.Json;

namespace Foretext.Tests;

public static class SharedData
{

    public static string Root => Foretext.Testing.RepoLocations.SharedRoot;

    public static string RepoRoot => Foretext.Testing.RepoLocations.RepoRoot;

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
}

public sealed record CorpusInfo(string Id, string Text, string Font, string Lang, double LineHeight);
