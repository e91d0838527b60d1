// Stage: conformance tests (test data access).
// Input: a vendored UCD break test file under data/ucd. Output: its test lines, keyed by 1-based line number.
// Spec: the UCD *BreakTest.txt format: code points in hex separated by U+00F7 (break) or U+00D7 (no break), then "#" comment.

using System.Globalization;
using System.Text;

using Xunit;

namespace Foretext.Conformance;

/// <summary>One vendored UCD break test file, parsed once per test run.</summary>
public sealed class UcdTestFile
{
    private const char BreakMark = '\u00F7';
    private const char NoBreakMark = '\u00D7';

    private static readonly Dictionary<string, UcdTestFile> s_files = new(StringComparer.Ordinal);

    private readonly Dictionary<int, UcdBreakCase> _cases = new();

    private UcdTestFile(string path)
    {
        string[] lines = File.ReadAllLines(path, Encoding.UTF8);
        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i];
            int hash = line.IndexOf('#');
            string data = (hash >= 0 ? line[..hash] : line).Trim();
            if (data.Length > 0)
            {
                _cases.Add(i + 1, Parse(i + 1, data, hash >= 0 ? line[(hash + 1)..].Trim() : string.Empty));
            }
        }
    }

    /// <summary>Line numbers of the file's test lines, in order.</summary>
    public IEnumerable<int> LineNumbers => _cases.Keys;

    /// <summary>One xunit theory row per test line of <paramref name="fileName"/>: its line number.</summary>
    public static TheoryData<int> TheoryRows(string fileName)
    {
        var data = new TheoryData<int>();
        foreach (int line in Get(fileName).LineNumbers)
        {
            data.Add(line);
        }

        return data;
    }

    /// <summary>The file <paramref name="fileName"/> in data/ucd.</summary>
    public static UcdTestFile Get(string fileName)
    {
        lock (s_files)
        {
            if (!s_files.TryGetValue(fileName, out UcdTestFile? file))
            {
                file = new UcdTestFile(Path.Combine(RepositoryData.UcdDirectory, fileName));
                s_files.Add(fileName, file);
            }

            return file;
        }
    }

    /// <summary>The test on line <paramref name="lineNumber"/>.</summary>
    public UcdBreakCase this[int lineNumber] => _cases[lineNumber];

    private static UcdBreakCase Parse(int lineNumber, string data, string comment)
    {
        var text = new StringBuilder();
        var breaks = new List<int>();
        foreach (string token in data.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (token[0] == BreakMark)
            {
                breaks.Add(text.Length);
            }
            else if (token[0] != NoBreakMark)
            {
                text.Append(char.ConvertFromUtf32(int.Parse(token, NumberStyles.HexNumber, CultureInfo.InvariantCulture)));
            }
        }

        return new UcdBreakCase(lineNumber, text.ToString(), breaks.ToArray(), comment);
    }
}
