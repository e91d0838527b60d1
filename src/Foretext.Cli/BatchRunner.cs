// Runs harness-format cases: reads JSONL, prepares once per distinct (text, font, options), lays out each case's
// width, writes {id, height, lineCount, lines: [{start, end}]} or {id, error} per input line, in input order.

using System.Text;
using System.Text.Json;
using Foretext.Layout;

namespace Foretext.Cli;

internal sealed class BatchRunner(TextLayoutEngine engine)
{
    private const int MaxCachedPrepared = 256;
    private readonly Dictionary<(string Text, string Font, PrepareOptions Options), PreparedText> _prepared = new();

    public int Failures { get; private set; }

    public int Cases { get; private set; }

    public void Run(TextReader input, Stream output)
    {
        using var writer = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = false, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        string? line;
        int lineNumber = 0;
        while ((line = input.ReadLine()) != null)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            Cases++;
            RunLine(line, lineNumber, writer);
            writer.Flush();
            writer.Reset(); // one JSON value per output line
            output.WriteByte((byte)'\n');
        }

        writer.Flush();
    }

    private void RunLine(string line, int lineNumber, Utf8JsonWriter writer)
    {
        string id = $"line {lineNumber}";
        try
        {
            using JsonDocument document = JsonDocument.Parse(line);
            id = BatchCase.ReadId(document.RootElement) ?? id;
            BatchCase batchCase = BatchCase.Parse(document.RootElement, id);
            PreparedText prepared = GetPrepared(batchCase);
            LayoutResult result = TextLayout.Layout(prepared, batchCase.Width, batchCase.LineHeight);
            var starts = new List<int>(result.LineCount);
            TextLayout.WalkLineRanges(prepared, batchCase.Width, range => starts.Add(prepared.GetSourceOffset(range.Start)));

            writer.WriteStartObject();
            writer.WriteString("id", id);
            writer.WriteNumber("height", result.Height);
            writer.WriteNumber("lineCount", result.LineCount);
            writer.WriteStartArray("lines");
            for (int i = 0; i < starts.Count; i++)
            {
                writer.WriteStartObject();
                writer.WriteNumber("start", starts[i]);
                writer.WriteNumber("end", i + 1 < starts.Count ? starts[i + 1] : batchCase.Text.Length);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }
        catch (Exception e) when (e is JsonException or FormatException or ArgumentException or IOException or InvalidOperationException)
        {
            Failures++;
            writer.Reset(); // drop a half-written result
            writer.WriteStartObject();
            writer.WriteString("id", id);
            writer.WriteString("error", $"{e.GetType().Name}: {e.Message}");
            writer.WriteEndObject();
        }
    }

    private PreparedText GetPrepared(BatchCase batchCase)
    {
        var key = (batchCase.Text, batchCase.Font, batchCase.Options);
        if (!_prepared.TryGetValue(key, out PreparedText? prepared))
        {
            if (_prepared.Count >= MaxCachedPrepared)
            {
                _prepared.Clear(); // inputs are usually grouped by text; a bounded cache keeps memory flat
            }

            prepared = engine.Prepare(batchCase.Text, batchCase.Font, batchCase.Options);
            _prepared[key] = prepared;
        }

        return prepared;
    }
}
