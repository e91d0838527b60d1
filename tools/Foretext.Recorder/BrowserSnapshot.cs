// Stage: browser parity, snapshot reader.
// Input: a snapshot file under tests/Foretext.BrowserParity/Snapshots (JSONL, optionally .jsonl.gz): a header
// line {chromium, recordedAt, source, ...} then one SnapshotCase per line. Corpus snapshots carry no text:
// it is read from shared/corpora (env FORETEXT_SHARED or <repo>/../shared) and checked by sha256.
// Output: the header fields and the cases, texts filled in.
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Foretext.Recorder;

/// <summary>One snapshot file: Chromium's recorded answers for a set of cases.</summary>
public sealed class BrowserSnapshot
{
    private static readonly JsonSerializerOptions s_json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    private BrowserSnapshot(string relativePath, JsonElement header, IReadOnlyList<SnapshotCase> cases)
    {
        RelativePath = relativePath;
        Header = header;
        Cases = cases;
    }

    /// <summary>The snapshot folder of this repository.</summary>
    public static string Root => RepoPaths.SnapshotsRoot;

    /// <summary>Path relative to <see cref="Root"/>, forward slashes (e.g. <c>corpora/en-gatsby-opening.jsonl</c>).</summary>
    public string RelativePath { get; }

    /// <summary>The raw header object.</summary>
    public JsonElement Header { get; }

    /// <summary>Chromium version that recorded the file.</summary>
    public string Chromium => Header.GetProperty("chromium").GetString()!;

    /// <summary>UTC time of the recording, ISO 8601.</summary>
    public string RecordedAt => Header.GetProperty("recordedAt").GetString()!;

    /// <summary><c>corpora</c>, <c>app</c> or <c>sweep</c>.</summary>
    public string Source => Header.GetProperty("source").GetString()!;

    /// <summary>Number of cases the header announces.</summary>
    public int CaseCount => Header.GetProperty("caseCount").GetInt32();

    /// <summary>The recorded cases, in file order.</summary>
    public IReadOnlyList<SnapshotCase> Cases { get; }

    /// <summary>Every snapshot file, relative to <see cref="Root"/>, sorted.</summary>
    public static IReadOnlyList<string> Files() =>
        Directory.EnumerateFiles(Root, "*.jsonl*", SearchOption.AllDirectories)
            .Where(p => p.EndsWith(".jsonl", StringComparison.Ordinal) || p.EndsWith(".jsonl.gz", StringComparison.Ordinal))
            .Select(p => Path.GetRelativePath(Root, p).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>Loads every snapshot file, in <see cref="Files"/> order.</summary>
    public static IReadOnlyList<BrowserSnapshot> LoadAll() => Files().Select(Load).ToList();

    /// <summary>Loads a snapshot by its path relative to <see cref="Root"/>.</summary>
    public static BrowserSnapshot Load(string relativePath)
    {
        string path = Path.Combine(Root, relativePath);
        using Stream file = File.OpenRead(path);
        using Stream stream = path.EndsWith(".gz", StringComparison.Ordinal) ? new GZipStream(file, CompressionMode.Decompress) : file;
        using var reader = new StreamReader(stream, new UTF8Encoding(false, true));

        string headerLine = reader.ReadLine() ?? throw new InvalidDataException($"{relativePath}: empty file");
        JsonElement header = JsonDocument.Parse(headerLine).RootElement.Clone();
        string? corpusText = null;
        if (header.TryGetProperty("textSha256", out JsonElement sha))
        {
            corpusText = ReadCorpus(header.GetProperty("file").GetString()!, sha.GetString()!, relativePath);
        }

        var cases = new List<SnapshotCase>();
        int lineNumber = 1;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length == 0)
            {
                continue;
            }

            SnapshotCase c = JsonSerializer.Deserialize<SnapshotCase>(line, s_json)
                ?? throw new InvalidDataException($"{relativePath}:{lineNumber}: null case");
            cases.Add(corpusText is null ? c : c with { Text = corpusText });
        }

        return new BrowserSnapshot(relativePath, header, cases);
    }

    private static string ReadCorpus(string file, string expectedSha256, string snapshot)
    {
        byte[] bytes = File.ReadAllBytes(Path.Combine(RepoPaths.CorporaRoot, file));
        string actual = Convert.ToHexStringLower(SHA256.HashData(bytes));
        if (actual != expectedSha256)
        {
            throw new InvalidDataException(
                $"{snapshot}: corpus {file} has sha256 {actual}, the snapshot was recorded on {expectedSha256}; re-record it");
        }

        return new UTF8Encoding(false, true).GetString(bytes);
    }
}
