// Stage: browser oracle, snapshot output.
// Input: a CaseSet, the browser version and each case's LineMeasurement.
// Output: one JSONL file: a header object, then one object per case (field order fixed, text kept readable).
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Foretext.Recorder;

/// <summary>Writes a snapshot file line by line.</summary>
public sealed class SnapshotWriter : IDisposable
{
    private static readonly JsonWriterOptions s_options = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
    };

    private readonly Stream _stream;
    private readonly bool _includeText;

    /// <summary>Opens the stream and writes the header line.</summary>
    public SnapshotWriter(Stream stream, CaseSet set, string chromiumVersion, DateTimeOffset recordedAt)
    {
        _stream = stream;
        _includeText = set.IncludeText;
        WriteLine(w =>
        {
            w.WriteString("chromium", chromiumVersion);
            w.WriteString("recordedAt", recordedAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));
            w.WriteString("source", set.Source);
            foreach ((string key, object value) in set.HeaderExtras)
            {
                w.WritePropertyName(key);
                JsonSerializer.Serialize(w, value);
            }

            w.WriteNumber("caseCount", set.Cases.Count);
        });
    }

    /// <summary>Writes one case line.</summary>
    public void Write(LineCase c, LineMeasurement m)
    {
        WriteLine(w =>
        {
            w.WriteString("id", c.Id);
            if (_includeText)
            {
                w.WriteString("text", c.Text);
            }

            w.WriteString("font", c.Font);
            w.WriteNumber("lineHeight", c.LineHeight);
            w.WriteNumber("width", c.Width);
            w.WriteString("whiteSpace", c.WhiteSpace);
            w.WriteString("wordBreak", c.WordBreak);
            w.WriteNumber("letterSpacing", c.LetterSpacing);
            w.WriteString("lang", c.Lang);
            w.WriteString("dir", c.Dir);
            w.WriteNumber("height", m.Height);
            w.WriteNumber("lineCount", m.Lines.Length);
            w.WriteStartArray("lines");
            foreach (int start in m.Lines)
            {
                w.WriteNumberValue(start);
            }

            w.WriteEndArray();
            w.WriteStartArray("fonts");
            foreach (PlatformFont f in m.Fonts)
            {
                w.WriteStartObject();
                w.WriteString("familyName", f.FamilyName);
                w.WriteString("postScriptName", f.PostScriptName);
                w.WriteNumber("glyphCount", f.GlyphCount);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            if (m.Error is null)
            {
                w.WriteNull("error");
            }
            else
            {
                w.WriteString("error", m.Error);
            }
        });
    }

    /// <inheritdoc/>
    public void Dispose() => _stream.Dispose();

    private void WriteLine(Action<Utf8JsonWriter> body)
    {
        using (var w = new Utf8JsonWriter(_stream, s_options))
        {
            w.WriteStartObject();
            body(w);
            w.WriteEndObject();
        }

        _stream.WriteByte((byte)'\n');
    }
}
