// Stage: browser oracle, the JSONL snapshots of record-features and record-rich: a header line (Chromium's version,
// when, which source, how many cases), then one JSON object per case, text kept readable.
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Foretext.Recorder;

internal static class JsonlSnapshot
{
    public static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Header(string chromiumVersion, string source, int caseCount) => JsonSerializer.Serialize(new Dictionary<string, object>
    {
        ["chromium"] = chromiumVersion,
        ["recordedAt"] = DateTimeOffset.UtcNow.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
        ["source"] = source,
        ["caseCount"] = caseCount,
    }, Options);

    public static async Task WriteAsync(string path, IEnumerable<string> lines)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllLinesAsync(path, lines);
    }
}
