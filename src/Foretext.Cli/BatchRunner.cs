// Runs harness-format cases: reads JSONL, prepares once per distinct (text, font, options), lays out each case's
// width, writes {id, height, lineCount, lines: [{start, end}]} or {id, error} per input line, in input order.
// Streams in blocks: a block of lines is laid out (on up to N threads) and written before the next is read, so
// memory stays flat however long the input is, and output order is input order.

using System.Collections.Concurrent;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Foretext.Layout;

namespace Foretext.Cli;

internal sealed class BatchRunner(TextLayoutEngine engine, int parallelism = 1)
{
    private const int MaxCachedPrepared = 256;

    // Lines per block per thread: big enough to amortise the fork/join and the wait for the slowest case of a block
    // (64 gave 1.20x on 2 cores, 1024 1.24x: bench/run-batch.sh), small enough to keep memory flat.
    private const int LinesPerThreadBlock = 1024;

    private static readonly JsonWriterOptions s_writerOptions = new() { Indented = false, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly ConcurrentDictionary<(string Text, string Font, PrepareOptions Options), PreparedText> _prepared = new();
    private int _failures;
    private int _preparedAdds;

    public int Failures => _failures;

    public long Cases { get; private set; }

    /// <summary>Lays out every non-blank line of <paramref name="input"/>; <paramref name="onBlock"/> hears the running case count.</summary>
    public void Run(TextReader input, TextWriter output, Action<long>? onBlock = null, CancellationToken cancellationToken = default)
    {
        int blockSize = Math.Max(1, parallelism) * LinesPerThreadBlock;
        var lines = new List<(string Line, int Number)>(blockSize);
        string?[] results = new string?[blockSize];
        int lineNumber = 0;
        bool more = true;
        while (more)
        {
            lines.Clear();
            string? line;
            while (lines.Count < blockSize && (more = (line = input.ReadLine()) != null))
            {
                lineNumber++;
                if (!string.IsNullOrWhiteSpace(line))
                {
                    lines.Add((line, lineNumber));
                }
            }

            if (parallelism > 1 && lines.Count > 1)
            {
                Parallel.For(0, lines.Count, new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken },
                    i => results[i] = LayoutLine(lines[i].Line, lines[i].Number));
            }
            else
            {
                for (int i = 0; i < lines.Count; i++)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    results[i] = LayoutLine(lines[i].Line, lines[i].Number);
                }
            }

            for (int i = 0; i < lines.Count; i++)
            {
                output.Write(results[i]);
                output.Write('\n');
                results[i] = null;
            }

            output.Flush();
            Cases += lines.Count;
            onBlock?.Invoke(Cases);
        }
    }

    /// <summary>One result line for one JSONL case.</summary>
    public string LayoutLine(string line, int lineNumber)
    {
        var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, s_writerOptions))
        {
            string id = $"line {lineNumber}";
            try
            {
                using JsonDocument document = JsonDocument.Parse(line);
                WriteResult(document.RootElement, id, writer, detailed: false);
            }
            catch (JsonException e)
            {
                Interlocked.Increment(ref _failures);
                WriteError(writer, id, e);
            }
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>
    /// Writes the result object for one case, or {id, error}; returns false for an error. <paramref name="detailed"/>
    /// adds each line's drawn text and width.
    /// </summary>
    public bool WriteResult(JsonElement root, string defaultId, Utf8JsonWriter writer, bool detailed)
    {
        string id = defaultId;
        try
        {
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new FormatException("A case must be a JSON object.");
            }

            id = BatchCase.ReadId(root) ?? id;
            BatchCase batchCase = BatchCase.Parse(root, id);
            PreparedText prepared = GetPrepared(batchCase);
            LayoutLinesResult result = TextLayout.LayoutWithLines(prepared, batchCase.Width, batchCase.LineHeight);
            writer.WriteStartObject();
            writer.WriteString("id", id);
            writer.WriteNumber("height", result.Height);
            writer.WriteNumber("lineCount", result.LineCount);
            writer.WriteStartArray("lines");
            foreach (LayoutLine line in result.Lines)
            {
                writer.WriteStartObject();
                writer.WriteNumber("start", line.SourceStart);
                writer.WriteNumber("end", line.SourceEnd);
                if (detailed)
                {
                    writer.WriteNumber("width", line.Width);
                    writer.WriteString("text", line.Text);
                }

                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
            return true;
        }
        catch (Exception e) when (e is JsonException or FormatException or ArgumentException or IOException or InvalidOperationException)
        {
            Interlocked.Increment(ref _failures);
            WriteError(writer, id, e);
            return false;
        }
    }

    private static void WriteError(Utf8JsonWriter writer, string id, Exception e)
    {
        writer.Reset(); // drop a half-written result
        writer.WriteStartObject();
        writer.WriteString("id", id);
        writer.WriteString("error", $"{e.GetType().Name}: {e.Message}");
        writer.WriteEndObject();
    }

    private PreparedText GetPrepared(BatchCase batchCase)
    {
        var key = (batchCase.Text, batchCase.Font, batchCase.Options);
        if (!_prepared.TryGetValue(key, out PreparedText? prepared))
        {
            // Counted apart: ConcurrentDictionary.Count takes every lock of the dictionary, and asking it on every miss
            // made the threads of --parallel wait on each other.
            if (Interlocked.Increment(ref _preparedAdds) > MaxCachedPrepared)
            {
                Volatile.Write(ref _preparedAdds, 0);
                _prepared.Clear(); // inputs are usually grouped by text; a bounded cache keeps memory flat
            }

            prepared = engine.Prepare(batchCase.Text, batchCase.Font, batchCase.Options);
            _prepared[key] = prepared;
        }

        return prepared;
    }
}
