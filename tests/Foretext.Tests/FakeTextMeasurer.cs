// A deterministic measurer for layout tests: no fonts, widths from a fixed table scaled by the font size
// (the first "<number>px" in the font string). Shapes nothing, so a segment's width is the sum of its
// characters' widths wherever it appears; every layout rule can be checked by hand against it.

using System.Globalization;
using System.Text.RegularExpressions;
using Foretext.Shaping;

namespace Foretext.Tests;

public sealed partial class FakeTextMeasurer : ITextMeasurer, IMeasurementCache, ILineEdgeMeasurer
{
    public static readonly FakeTextMeasurer Instance = new();

    public int ClearCount { get; private set; }

    public void ClearCache() => ClearCount++;

    public void MeasureAdvances(ReadOnlySpan<char> text, in MeasureStyle style, Span<double> advances)
    {
        Match match = SizePattern().Match(style.Font);
        if (!match.Success)
        {
            throw new FormatException($"The fake measurer needs a size in px in the font string, got \"{style.Font}\".");
        }

        double size = double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        for (int i = 0; i < text.Length; i++)
        {
            advances[i] = size * Factor(text, i);

            // Like Chromium's HanKerning: an opening bracket right after a fullwidth comma or full stop is trimmed.
            if (text[i] == '\u300C' && i > 0 && text[i - 1] is '\uFF0C' or '\u3002')
            {
                advances[i] /= 2;
            }
        }
    }

    /// <summary>At a line end a final fullwidth closing bracket or full stop takes half its width.</summary>
    public void MeasureLineEndAdvances(ReadOnlySpan<char> text, in MeasureStyle style, Span<double> advances)
    {
        MeasureAdvances(text, style, advances);
        if (text.Length > 0 && text[^1] is '\u300D' or '\u3002')
        {
            advances[^1] /= 2;
        }
    }

    /// <summary>Fonts whose name says "Hyphen" have U+2010; the fake measures it at the size.</summary>
    public string HyphenString(in MeasureStyle style) => style.Font.Contains("Hyphen", StringComparison.Ordinal) ? "\u2010" : "-";

    /// <summary>Width of one character, in units of the font size.</summary>
    public static double Factor(ReadOnlySpan<char> text, int i)
    {
        char c = text[i];
        if (char.IsLowSurrogate(c))
        {
            return 0;
        }

        if (char.IsHighSurrogate(c))
        {
            return 1.25; // emoji and other astral characters
        }

        return c switch
        {
            ' ' or '\u00A0' or '\u202F' => 0.25,
            '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF' or '\u00AD' => 0,
            '-' => 0.375,
            '\u2010' => 1,
            'i' or 'l' or '.' or ',' => 0.25,
            'm' or 'w' or 'M' or 'W' => 0.75,
            >= '\u0300' and <= '\u036F' => 0, // combining marks
            >= '\u3000' and <= '\u9FFF' or >= '\uAC00' and <= '\uD7AF' or >= '\uFF00' and <= '\uFFEF' => 1,
            _ => 0.5,
        };
    }

    [GeneratedRegex(@"(\d+(?:\.\d+)?)px")]
    private static partial Regex SizePattern();
}
