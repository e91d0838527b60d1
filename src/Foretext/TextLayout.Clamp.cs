// Layout: line clamp and text-overflow ellipsis, as Chromium places them.
// Input: a PreparedText, a width, a line limit and a measured ellipsis. Output: the visible lines, where hidden
// text starts, and the last line as drawn (visible text + ellipsis).
// Chromium breaks the lines exactly as without clamping (measured: every line start is unchanged, hidden lines are
// still laid out), then Blink's LineTruncator cuts the last visible line: the ellipsis is placed after the line when
// the line and the ellipsis fit, else the line keeps the longest prefix of whole glyph clusters whose width fits in
// the width minus the ellipsis (ShapeResult::OffsetToFit), at least one character (a line's first character is
// clipped, never ellipsized).

using Foretext.Layout;

namespace Foretext;

public static partial class TextLayout
{
    /// <summary>
    /// Lays out at most <paramref name="maxLines"/> lines, as Chromium's <c>-webkit-line-clamp: N</c> (with
    /// <c>display: -webkit-box; -webkit-box-orient: vertical; overflow: hidden</c>): when the text needs more lines,
    /// the last visible line is cut so that <paramref name="ellipsis"/> fits after it.
    /// </summary>
    /// <param name="prepared">Text from <see cref="TextLayoutEngine.Prepare"/>.</param>
    /// <param name="maxWidth">Content-box width in CSS px.</param>
    /// <param name="lineHeight">Line height in CSS px.</param>
    /// <param name="maxLines">The clamp, at least 1.</param>
    /// <param name="ellipsis">From <see cref="TextLayoutEngine.MeasureEllipsis"/>, measured in the same font.</param>
    /// <exception cref="ArgumentNullException"><paramref name="prepared"/> or <paramref name="ellipsis"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A width or line height is invalid, or <paramref name="maxLines"/> is less than 1.</exception>
    public static ClampedLayout LayoutClamped(PreparedText prepared, double maxWidth, double lineHeight, int maxLines, TextEllipsis ellipsis)
    {
        ArgumentNullException.ThrowIfNull(prepared);
        ArgumentNullException.ThrowIfNull(ellipsis);
        ValidateWidth(maxWidth);
        ValidateLineHeight(lineHeight);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLines, 1);
        var ranges = new List<LayoutLineRange>();
        int total = 0;
        LayoutCursor cursor = default;
        while (LineWalker.NextLine(prepared, cursor, maxWidth, out LayoutLineRange range))
        {
            if (total < maxLines)
            {
                ranges.Add(range);
            }

            total++;
            cursor = range.End;
        }

        return Clamp(prepared, ranges, total, maxWidth, lineHeight, ellipsis);
    }

    /// <summary>
    /// Lays the text out on one line that never wraps and cuts it with <paramref name="ellipsis"/> when it is wider
    /// than <paramref name="maxWidth"/>, as Chromium's <c>white-space: nowrap; overflow: hidden; text-overflow: ellipsis</c>.
    /// </summary>
    /// <inheritdoc cref="LayoutClamped" path="/param"/>
    /// <inheritdoc cref="LayoutClamped" path="/exception"/>
    public static ClampedLayout LayoutEllipsized(PreparedText prepared, double maxWidth, double lineHeight, TextEllipsis ellipsis)
    {
        ArgumentNullException.ThrowIfNull(prepared);
        ArgumentNullException.ThrowIfNull(ellipsis);
        ValidateWidth(maxWidth);
        ValidateLineHeight(lineHeight);
        var ranges = new List<LayoutLineRange>(1);
        if (LineWalker.NextLine(prepared, default, double.PositiveInfinity, out LayoutLineRange line))
        {
            ranges.Add(line);
        }

        // Only an overflowing line is truncated (InlineLayoutAlgorithm: text-overflow applies when the line has overflow).
        bool overflows = ranges.Count == 1 && ToLayoutUnitsCeil(line.Width) > ToLayoutUnitsFloor(maxWidth);
        return Clamp(prepared, ranges, overflows ? 2 : ranges.Count, maxWidth, lineHeight, ellipsis);
    }

    private static ClampedLayout Clamp(PreparedText prepared, List<LayoutLineRange> ranges, int total, double maxWidth, double lineHeight, TextEllipsis ellipsis)
    {
        var lines = new List<LayoutLine>(ranges.Count);
        foreach (LayoutLineRange range in ranges)
        {
            lines.Add(MaterializeLineRange(prepared, range));
        }

        if (total <= ranges.Count || ranges.Count == 0)
        {
            LayoutLine? last = lines.Count > 0 ? lines[^1] : null;
            return new ClampedLayout(lines, lines.Count * lineHeight, false, prepared.End, prepared.SourceText.Length,
                last?.Text ?? string.Empty, last?.Width ?? 0, total);
        }

        LayoutLineRange clampLine = ranges[^1];
        int start = prepared.GetTextOffset(clampLine.Start);
        int end = prepared.GetTextOffset(clampLine.End);
        int visibleEnd = end;
        while (visibleEnd > start && prepared.TextAt(visibleEnd - 1) is ' ' or '\t' or '\n')
        {
            visibleEnd--;
        }

        long available = ToLayoutUnitsFloor(maxWidth);
        long ellipsisWidth = ToLayoutUnitsCeil(ellipsis.Width);
        long space = available - ellipsisWidth;
        long lineWidth = PreparedText.CeilToLayoutUnits(prepared.SumAdvances(start, visibleEnd));
        int cut;
        long keptWidth;
        if (space >= lineWidth)
        {
            // The whole line and the ellipsis fit: the ellipsis follows the line; hidden text starts on the next line.
            cut = end;
            keptWidth = lineWidth;
        }
        else
        {
            cut = OffsetToFit(prepared, start, visibleEnd, space);
            keptWidth = PreparedText.CeilToLayoutUnits(prepared.SumAdvances(start, cut));
        }

        int visibleTextEnd = Math.Min(cut, visibleEnd);
        string visible = prepared.TextSlice(start, visibleTextEnd);
        LayoutCursor hidden = CursorAt(prepared, cut);
        lines[^1] = lines[^1] with { Text = visible, End = hidden, SourceEnd = prepared.NormToSource(cut), Width = PreparedText.ToPixels(keptWidth) };
        return new ClampedLayout(lines, lines.Count * lineHeight, true, hidden, prepared.NormToSource(cut),
            string.Concat(visible, ellipsis.Text), PreparedText.ToPixels(keptWidth + ellipsisWidth), total);
    }

    /// <summary>
    /// Blink's ShapeResult::OffsetToFit without breaking glyphs: the last cluster boundary whose distance from the line
    /// start is at most <paramref name="space"/> LayoutUnits; never the line start (the first character is kept and
    /// clipped) and never the full line (TruncateChild then keeps one character less).
    /// </summary>
    private static int OffsetToFit(PreparedText prepared, int start, int end, long space)
    {
        long limit = space * PreparedText.FixedPerLayoutUnit;
        long sum = 0;
        int fit = start;
        int previous = start;
        int offset = start;
        while (offset < end)
        {
            int next = prepared.NextGraphemeStart(offset, end);
            sum += prepared.SumAdvances(offset, next);
            if (sum > limit)
            {
                break;
            }

            previous = fit;
            fit = next;
            offset = next;
        }

        if (fit == start)
        {
            return prepared.NextGraphemeStart(start, end);
        }

        return fit == end ? previous : fit;
    }

    /// <summary>The cursor of a text offset that starts a grapheme cluster.</summary>
    private static LayoutCursor CursorAt(PreparedText prepared, int offset)
    {
        int[] starts = prepared._segmentStarts;
        int segments = prepared.SegmentCount;
        if (offset >= prepared._textLength)
        {
            return prepared.End;
        }

        int lo = 0;
        int hi = segments - 1;
        while (lo < hi)
        {
            int mid = (lo + hi + 1) >> 1;
            if (starts[mid] <= offset)
            {
                lo = mid;
            }
            else
            {
                hi = mid - 1;
            }
        }

        // Empty segments share a start; the cursor names the first non-empty one.
        while (lo + 1 < segments && starts[lo + 1] == starts[lo] && starts[lo] == offset)
        {
            lo++;
        }

        int grapheme = 0;
        int position = starts[lo];
        while (position < offset)
        {
            position = prepared.NextGraphemeStart(position, starts[lo + 1]);
            grapheme++;
        }

        return new LayoutCursor(lo, grapheme);
    }

    /// <summary>A CSS px length as Chromium's LayoutUnit (1/64 px), truncated, as a box width becomes one.</summary>
    private static long ToLayoutUnitsFloor(double px) => double.IsPositiveInfinity(px) ? long.MaxValue / 4 : (long)Math.Floor(px * PreparedText.LayoutUnitsPerPixel);

    private static long ToLayoutUnitsCeil(double px) => (long)Math.Ceiling(px * PreparedText.LayoutUnitsPerPixel - 1e-9);
}
