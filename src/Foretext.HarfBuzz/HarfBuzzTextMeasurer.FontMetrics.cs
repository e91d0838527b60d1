// Stage: Shaping. Vertical metrics for line-height: normal: the primary font's, and the face that shapes each
// character (the same fallback decisions as MeasureAdvances, through ShapeRuns).

using System.Collections.Concurrent;
using Foretext.Fonts;
using Foretext.Shaping;

namespace Foretext.HarfBuzz;

public sealed partial class HarfBuzzTextMeasurer : IFontMetricsMeasurer
{
    private readonly ConcurrentDictionary<(FontFace Face, double SizePx), FontLineMetrics> _lineMetrics = new();

    /// <inheritdoc/>
    /// <remarks>The primary font is the first face <see cref="FontResolver.GetFamilyFaces"/> lists (as for <see cref="HyphenString"/>).</remarks>
    /// <exception cref="FontParseException">The font string cannot be parsed.</exception>
    public FontLineMetrics MeasurePrimaryFontMetrics(in MeasureStyle style)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        CssFont font = GetFont(style.Font);
        IReadOnlyList<ResolvedFace> faces = _resolver.GetFamilyFaces(font);
        return faces.Count > 0 ? MetricsOf(faces[0].Face, font.SizePx) : default;
    }

    /// <inheritdoc/>
    /// <exception cref="FontParseException">The font string cannot be parsed.</exception>
    public void MeasureUsedFontMetrics(ReadOnlySpan<char> text, in MeasureStyle style, Span<FontLineMetrics> metrics)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        foreach (ShapedRun run in ShapeRuns(text.ToString(), style))
        {
            metrics[run.Start..run.End].Fill(MetricsOf(run.Face.Face, run.SizePx));
        }
    }

    private FontLineMetrics MetricsOf(FontFace face, double sizePx)
    {
        if (_lineMetrics.TryGetValue((face, sizePx), out FontLineMetrics metrics))
        {
            return metrics;
        }

        ShapingFace shaping = GetShapingFace(face);
        metrics = VerticalMetrics.At(shaping.HarfBuzzFace, shaping.UnitsPerEm, sizePx);
        if (_lineMetrics.Count < _maxCachedFonts * 4)
        {
            _lineMetrics.TryAdd((face, sizePx), metrics);
        }

        return metrics;
    }
}
