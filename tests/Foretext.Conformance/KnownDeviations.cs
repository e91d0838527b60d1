// Stage: conformance tests (expected deviations).
// Input: a committed list "<line number> ; <reason>" next to the tests. Output: the rows where the system ICU
// is known to differ from a UCD test file, with why.
// Spec: ICU tailors a few UAX #14 rules on purpose; the list documents each row so it can be checked.

namespace Foretext.Conformance;

/// <summary>Rows of a UCD test file where ICU's answer is known, and asserted, to differ from the file.</summary>
public sealed class KnownDeviations
{
    private readonly Dictionary<int, string> _reasons = new();

    private KnownDeviations(string path)
    {
        if (!File.Exists(path))
        {
            return;
        }

        foreach (string raw in File.ReadLines(path))
        {
            string line = raw.Trim();
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            int separator = line.IndexOf(';');
            _reasons.Add(int.Parse(line[..separator].Trim()), line[(separator + 1)..].Trim());
        }
    }

    /// <summary>Loads tests/Foretext.Conformance/<paramref name="fileName"/>.</summary>
    public static KnownDeviations Load(string fileName) =>
        new(Path.Combine(RepositoryData.Root, "tests", "Foretext.Conformance", fileName));

    /// <summary>The reason the row on <paramref name="lineNumber"/> deviates, or null if it must conform.</summary>
    public string? ReasonFor(int lineNumber) => _reasons.GetValueOrDefault(lineNumber);
}
