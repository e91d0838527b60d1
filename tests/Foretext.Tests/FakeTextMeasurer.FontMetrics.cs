// The fake measurer's vertical metrics, in units of the font size: the primary face ascends 0.8 and descends 0.2 with a
// 0.1 line gap (10px: 8 + 2 + 1 = 11px lines); ideographs and kana come from a taller face (1.2 + 0.3, no gap) and
// Arabic from a deeper one (0.8 + 0.6, gap 0.2), as fallback fonts would.

using Foretext.Shaping;

namespace Foretext.Tests;

public sealed partial class FakeTextMeasurer : IFontMetricsMeasurer
{
    public FontLineMetrics MeasurePrimaryFontMetrics(in MeasureStyle style)
    {
        double size = Size(style);
        return new FontLineMetrics(0.8 * size, 0.2 * size, 0.1 * size);
    }

    public void MeasureUsedFontMetrics(ReadOnlySpan<char> text, in MeasureStyle style, Span<FontLineMetrics> metrics)
    {
        double size = Size(style);
        for (int i = 0; i < text.Length; i++)
        {
            metrics[i] = text[i] switch
            {
                >= '\u3000' and <= '\u9FFF' => new FontLineMetrics(1.2 * size, 0.3 * size, 0),
                >= '\u0600' and <= '\u06FF' => new FontLineMetrics(0.8 * size, 0.6 * size, 0.2 * size),
                _ => new FontLineMetrics(0.8 * size, 0.2 * size, 0.1 * size),
            };
        }
    }

    private static double Size(in MeasureStyle style) =>
        double.Parse(SizePattern().Match(style.Font).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
}
