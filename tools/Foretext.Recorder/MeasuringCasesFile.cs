// Stage: browser oracle, width cases (record-widths).
// Input: a measuring-cases file, one case a line: font;options;text;expected (HarfBuzz *.tests style);
// options are comma-separated key=value (may be empty), text holds \uXXXX escapes, # lines are comments.
// Output: the same file with only the expected column replaced by Chromium's span width, written with
// round-trip precision; every other byte (comments, line endings, spacing) is kept.
using System.Globalization;
using System.Text;

namespace Foretext.Recorder;

/// <summary>Re-records the expected widths of a measuring-cases file.</summary>
public static class MeasuringCasesFile
{
    /// <summary>Measures every case line and rewrites the file in place; returns the number of cases.</summary>
    public static async Task<int> RecordAsync(ChromiumOracle oracle, string path)
    {
        string content = File.ReadAllText(path, new UTF8Encoding(false, true));
        var output = new StringBuilder(content.Length);
        int count = 0;
        int position = 0;
        while (position < content.Length)
        {
            int newline = content.IndexOf('\n', position);
            int lineEnd = newline < 0 ? content.Length : newline + 1;
            string raw = content[position..lineEnd];
            string eol = raw.EndsWith("\r\n", StringComparison.Ordinal) ? "\r\n" : raw.EndsWith('\n') ? "\n" : string.Empty;
            string line = raw[..^eol.Length];
            position = lineEnd;

            if (line.Length == 0 || line.TrimStart().StartsWith('#'))
            {
                output.Append(raw);
                continue;
            }

            int first = line.IndexOf(';');
            int second = first < 0 ? -1 : line.IndexOf(';', first + 1);
            int last = line.LastIndexOf(';');
            if (first < 0 || second < 0 || last <= second)
            {
                throw new FormatException($"{path}: not font;options;text;expected: {line}");
            }

            string font = line[..first];
            IReadOnlyDictionary<string, string> options = ParseOptions(line[(first + 1)..second]);
            string text = Unescape(line[(second + 1)..last]);
            double width = await oracle.MeasureSpanWidthAsync(font, options, text);
            output.Append(line, 0, last + 1).Append(width.ToString("R", CultureInfo.InvariantCulture)).Append(eol);
            count++;
        }

        File.WriteAllText(path, output.ToString(), new UTF8Encoding(false));
        return count;
    }

    /// <summary>Parses <c>lang=ja,letterSpacing=1</c>; empty gives no options.</summary>
    public static IReadOnlyDictionary<string, string> ParseOptions(string options)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string pair in options.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            int eq = pair.IndexOf('=');
            if (eq <= 0)
            {
                throw new FormatException($"option '{pair}' is not key=value");
            }

            result[pair[..eq]] = pair[(eq + 1)..];
        }

        return result;
    }

    /// <summary>Turns <c>\uXXXX</c> and <c>\\</c> escapes into characters.</summary>
    public static string Unescape(string text)
    {
        if (!text.Contains('\\'))
        {
            return text;
        }

        var sb = new StringBuilder(text.Length);
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] == '\\' && i + 5 < text.Length && text[i + 1] == 'u'
                && int.TryParse(text.AsSpan(i + 2, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out int code))
            {
                sb.Append((char)code);
                i += 5;
            }
            else if (text[i] == '\\' && i + 1 < text.Length && text[i + 1] == '\\')
            {
                sb.Append('\\');
                i++;
            }
            else
            {
                sb.Append(text[i]);
            }
        }

        return sb.ToString();
    }
}
