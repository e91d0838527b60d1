// Stage: Layout. The vertical half of prepare for line-height: normal, kept apart from PreparedText so that plain
// Prepare costs nothing more. Input: a PreparedText and an IFontMetricsMeasurer. Output: per segment, the ascent and
// descent (half-leading included) of every face that shaped it, and the primary font's strut.
// Spec: Blink InlineBoxState::ComputeTextMetrics (the strut: primary font, its line spacing as the line height) and
// AccumulateUsedFonts (each fallback font's FontHeight plus CalculateLeadingSpace of its own line spacing, united
// into the box); the line box height is the largest ascent plus the largest descent.

using Foretext.Shaping;

namespace Foretext.Layout;

/// <summary>
/// What <see cref="TextLayout.LayoutNormalLineHeight"/> needs besides the prepared text: the vertical extent of the
/// faces used in each segment. Immutable; from <see cref="TextLayoutEngine.PrepareLineMetrics"/>.
/// </summary>
public sealed class LineHeightMetrics
{
    internal readonly PreparedText _prepared;
    internal readonly int[] _segmentAscents; // LayoutUnits above the baseline, half-leading included
    internal readonly int[] _segmentDescents;
    internal readonly int _strutAscent;
    internal readonly int _strutDescent;

    private LineHeightMetrics(PreparedText prepared, int[] ascents, int[] descents, int strutAscent, int strutDescent)
    {
        _prepared = prepared;
        _segmentAscents = ascents;
        _segmentDescents = descents;
        _strutAscent = strutAscent;
        _strutDescent = strutDescent;
    }

    /// <summary>The height of a line that only the primary font touches (its line spacing), px.</summary>
    public double PrimaryLineHeight => PreparedText.ToPixels(_strutAscent + _strutDescent);

    /// <summary>The baseline of such a line, px below its top.</summary>
    public double PrimaryBaseline => PreparedText.ToPixels(_strutAscent);

    internal static LineHeightMetrics Build(PreparedText prepared, IFontMetricsMeasurer measurer)
    {
        var style = new MeasureStyle(prepared.Font, prepared.Options.Lang, prepared.Options.LetterSpacing);
        (int strutAscent, int strutDescent) = Extent(measurer.MeasurePrimaryFontMetrics(style));
        string text = prepared.ProcessedText;
        var used = new FontLineMetrics[text.Length];

        // The measurer's contract excludes hard breaks; pre-wrap text keeps its line feeds, so measure between them.
        int start = 0;
        while (start < text.Length)
        {
            int end = text.IndexOf('\n', start);
            end = end < 0 ? text.Length : end;
            if (end > start)
            {
                measurer.MeasureUsedFontMetrics(text.AsSpan(start, end - start), style, used.AsSpan(start, end - start));
            }

            start = end + 1;
        }

        int segments = prepared.SegmentCount;
        int[] starts = prepared._segmentStarts;
        var ascents = new int[segments];
        var descents = new int[segments];
        FontLineMetrics previous = default;
        (int Ascent, int Descent) previousExtent = (0, 0);
        for (int s = 0; s < segments; s++)
        {
            int ascent = 0;
            int descent = 0;
            for (int i = starts[s]; i < starts[s + 1]; i++)
            {
                if (text[i] == '\n' || char.IsLowSurrogate(text[i]))
                {
                    continue;
                }

                // Runs of one face are long; skip recomputing the same face's extent.
                if (used[i] != previous)
                {
                    previous = used[i];
                    previousExtent = Extent(previous);
                }

                ascent = Math.Max(ascent, previousExtent.Ascent);
                descent = Math.Max(descent, previousExtent.Descent);
            }

            ascents[s] = ascent;
            descents[s] = descent;
        }

        return new LineHeightMetrics(prepared, ascents, descents, strutAscent, strutDescent);
    }

    /// <summary>
    /// A face's ascent and descent in LayoutUnits with its line gap split around them: FontHeight from the rounded
    /// metrics, plus Blink's CalculateLeadingSpace (half the leading, floored to a whole px, goes above).
    /// </summary>
    internal static (int Ascent, int Descent) Extent(FontLineMetrics metrics)
    {
        int ascent = (int)Math.Round(metrics.Ascent * PreparedText.LayoutUnitsPerPixel, MidpointRounding.AwayFromZero);
        int descent = (int)Math.Round(metrics.Descent * PreparedText.LayoutUnitsPerPixel, MidpointRounding.AwayFromZero);
        int lineSpacing = (int)(metrics.LineSpacing * PreparedText.LayoutUnitsPerPixel);
        int leading = lineSpacing - (ascent + descent);
        int ascentLeading = (int)Math.Floor(leading / 2.0 / PreparedText.LayoutUnitsPerPixel) * PreparedText.LayoutUnitsPerPixel;
        return (ascent + ascentLeading, descent + leading - ascentLeading);
    }
}
