// Stage: tooling support (command line).
// Input: A:B:STEP from --widths.
// Output: the widths A, A+STEP, ... up to B inclusive.
using System.Globalization;

namespace Foretext.Recorder;

/// <summary>An inclusive range of box widths in CSS px.</summary>
public sealed record WidthRange(double Min, double Max, double Step)
{
    /// <summary>Parses A:B:STEP (or a single width A).</summary>
    public static WidthRange Parse(string text)
    {
        string[] parts = text.Split(':');
        double[] v = parts.Select(p => double.Parse(p, CultureInfo.InvariantCulture)).ToArray();
        return v.Length switch
        {
            1 => new WidthRange(v[0], v[0], 1),
            3 when v[2] > 0 && v[1] >= v[0] => new WidthRange(v[0], v[1], v[2]),
            _ => throw new FormatException($"--widths wants A:B:STEP, got '{text}'"),
        };
    }

    /// <summary>The widths, computed by multiplication so no rounding error accumulates.</summary>
    public IEnumerable<double> Values()
    {
        for (int i = 0; Min + (i * Step) <= Max + 1e-9; i++)
        {
            yield return Math.Round(Min + (i * Step), 6);
        }
    }
}
