// JSON as the CLI and the service print it: camelCase, non-ASCII text kept readable.

using System.Text.Encodings.Web;
using System.Text.Json;

namespace Foretext.Cli;

internal static class CliJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
