// Stage: conformance (shaping). Reads measure-cases.txt: Chromium's DOM widths of single-line spans.
// Input: the case file. Output: one MeasureCase per non-comment line, with its line number.
// Format: font;options;text;expected [# faces Chromium used], options = key=value list (lang, letterSpacing).

using System.Globalization;
using System.Text;

namespace Foretext.Conformance.Shaping;

/// <summary>One line of measure-cases.txt.</summary>
public sealed record MeasureCase(int Line, string Font, string Options, string? Lang, double LetterSpacing, string Text, string EscapedText, double Expected, string Faces)
{
    /// <summary>Finds measure-cases.txt by walking up from the test binaries to the repository.</summary>
    public static string FindFile()
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "tests", "Foretext.Conformance", "Shaping", "measure-cases.txt");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("measure-cases.txt not found above the test output directory");
    }

    /// <summary>Parses every case in the file.</summary>
    public static IReadOnlyList<MeasureCase> Load()
    {
        var cases = new List<MeasureCase>();
        string[] lines = File.ReadAllLines(FindFile());
        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i];
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            string faces = "";
            int comment = line.IndexOf(" # ", StringComparison.Ordinal);
            if (comment >= 0)
            {
                faces = line[(comment + 3)..];
                line = line[..comment];
            }

            string[] parts = line.Split(';');
            if (parts.Length != 4)
            {
                throw new FormatException($"measure-cases.txt line {i + 1}: expected 4 fields, found {parts.Length}");
            }

            string? lang = null;
            double spacing = 0;
            foreach (string option in parts[1].Split(',', StringSplitOptions.RemoveEmptyEntries))
            {
                string[] kv = option.Split('=', 2);
                switch (kv[0])
                {
                    case "lang":
                        lang = kv[1];
                        break;
                    case "letterSpacing":
                        spacing = double.Parse(kv[1], CultureInfo.InvariantCulture);
                        break;
                    default:
                        throw new FormatException($"measure-cases.txt line {i + 1}: unknown option '{kv[0]}'");
                }
            }

            cases.Add(new MeasureCase(i + 1, parts[0], parts[1], lang, spacing, Unescape(parts[2]), parts[2],
                double.Parse(parts[3], CultureInfo.InvariantCulture), faces));
        }

        return cases;
    }

    /// <summary>Decodes \uXXXX and \t escapes.</summary>
    public static string Unescape(string s)
    {
        var sb = new StringBuilder(s.Length);
        for (int i = 0; i < s.Length; i++)
        {
            if (s[i] == '\\' && i + 5 < s.Length + 0 && s[i + 1] == 'u')
            {
                sb.Append((char)int.Parse(s.AsSpan(i + 2, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                i += 5;
            }
            else if (s[i] == '\\' && i + 1 < s.Length && s[i + 1] == 't')
            {
                sb.Append('\t');
                i++;
            }
            else
            {
                sb.Append(s[i]);
            }
        }

        return sb.ToString();
    }
}
