// Stage: tooling support (shared corpora).
// Input: shared/corpora/manifest.json and the corpus text files.
// Output: each corpus with its text, font, line height, lang, dir and the sha256 of its UTF-8 bytes.
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Foretext.Recorder;

/// <summary>One long-text corpus from the shared manifest.</summary>
public sealed record CorpusInfo(string Id, string File, string Lang, string Dir, string Font, double LineHeight, string Text, string Sha256)
{
    /// <summary>Reads the manifest and every corpus text (decoded as UTF-8, hashed over the file's bytes).</summary>
    public static IReadOnlyList<CorpusInfo> LoadManifest()
    {
        string root = RepoPaths.CorporaRoot;
        using JsonDocument doc = JsonDocument.Parse(System.IO.File.ReadAllBytes(Path.Combine(root, "manifest.json")));
        var result = new List<CorpusInfo>();
        foreach (JsonElement c in doc.RootElement.GetProperty("corpora").EnumerateArray())
        {
            string file = c.GetProperty("file").GetString()!;
            byte[] bytes = System.IO.File.ReadAllBytes(Path.Combine(root, file));
            result.Add(new CorpusInfo(
                c.GetProperty("id").GetString()!,
                file,
                c.GetProperty("lang").GetString()!,
                c.GetProperty("dir").GetString()!,
                c.GetProperty("font").GetString()!,
                c.GetProperty("lineHeight").GetDouble(),
                new UTF8Encoding(false, true).GetString(bytes),
                Convert.ToHexStringLower(SHA256.HashData(bytes))));
        }

        return result;
    }
}
