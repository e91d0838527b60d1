// Layout: line-height: normal. Input: a PreparedText, its LineHeightMetrics and a width. Output: line boxes whose
// heights come from the faces on each line, as Chromium sizes them.
// Chromium gives every line the primary font's strut (ascent and descent with half its line gap on each side) and
// unites in the FontHeight of each fallback font that shaped text on that line; a line's height is the largest
// ascent plus the largest descent, so a line of Latin text in a CJK fallback font is taller than one without.

using Foretext.Layout;

namespace Foretext;

public static partial class TextLayout
{
    /// <summary>
    /// Line count and height of <paramref name="prepared"/> under <c>line-height: normal</c>: each line as tall as
    /// the faces on it make it (the primary font always counts). Allocates nothing.
    /// </summary>
    /// <param name="prepared">Text from <see cref="TextLayoutEngine.Prepare"/>.</param>
    /// <param name="metrics">From <see cref="TextLayoutEngine.PrepareLineMetrics"/> for the same <paramref name="prepared"/>.</param>
    /// <param name="maxWidth">Content-box width in CSS px; <see cref="double.PositiveInfinity"/> for no wrapping.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="metrics"/> was prepared for other text.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxWidth"/> is NaN or negative.</exception>
    public static LayoutResult LayoutNormalLineHeight(PreparedText prepared, LineHeightMetrics metrics, double maxWidth)
    {
        ValidateMetrics(prepared, metrics);
        ValidateWidth(maxWidth);
        int lines = 0;
        long height = 0;
        LayoutCursor cursor = default;
        while (LineWalker.NextLine(prepared, cursor, maxWidth, out LayoutLineRange line))
        {
            (int ascent, int descent) = LineExtent(metrics, line);
            height += ascent + descent;
            lines++;
            cursor = line.End;
        }

        return new LayoutResult(lines, PreparedText.ToPixels(height));
    }

    /// <summary>
    /// The height and baseline of one line (from <see cref="WalkLineRanges(PreparedText, double, Action{LayoutLineRange})"/>
    /// or <see cref="LayoutNextLineRange"/>) under <c>line-height: normal</c>.
    /// </summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="metrics"/> was prepared for other text.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The range's cursors are outside the text.</exception>
    public static LineBox MeasureLineBox(PreparedText prepared, LineHeightMetrics metrics, LayoutLineRange range)
    {
        ValidateMetrics(prepared, metrics);
        prepared.GetTextOffset(range.Start); // validates the cursors
        prepared.GetTextOffset(range.End);
        (int ascent, int descent) = LineExtent(metrics, range);
        return new LineBox(PreparedText.ToPixels(ascent + descent), PreparedText.ToPixels(ascent));
    }

    private static (int Ascent, int Descent) LineExtent(LineHeightMetrics metrics, in LayoutLineRange line)
    {
        int ascent = metrics._strutAscent;
        int descent = metrics._strutDescent;
        int first = line.Start.SegmentIndex;
        int last = line.End.GraphemeIndex > 0 ? line.End.SegmentIndex : line.End.SegmentIndex - 1;
        int[] ascents = metrics._segmentAscents;
        int[] descents = metrics._segmentDescents;
        for (int s = first; s <= last; s++)
        {
            ascent = Math.Max(ascent, ascents[s]);
            descent = Math.Max(descent, descents[s]);
        }

        return (ascent, descent);
    }

    private static void ValidateMetrics(PreparedText prepared, LineHeightMetrics metrics)
    {
        ArgumentNullException.ThrowIfNull(prepared);
        ArgumentNullException.ThrowIfNull(metrics);
        // PrepareWithSegments copies a PreparedText, sharing its arrays; anything else is other text or another font.
        PreparedText own = metrics._prepared;
        if (!ReferenceEquals(own, prepared) && !(ReferenceEquals(own._segmentStarts, prepared._segmentStarts) && ReferenceEquals(own.WidthsIdentity, prepared.WidthsIdentity)))
        {
            throw new ArgumentException("The line metrics were prepared for other text.", nameof(metrics));
        }
    }
}
