// Stage: Layout, the line walker. Input: the measured arrays of a PreparedText and one line's width.
// Output: where that line ends. Arithmetic only: no font, no measurer, no string, no allocation.
// Every public line API (Layout, LayoutWithLines, WalkLineRanges, LayoutNextLine...) calls NextLine, so they
// cannot disagree. Model: CSS Text 3 line breaking as Chromium's LayoutNG line breaker does it:
// - a line may end only at a break opportunity (the end of a segment flagged BreakAfter);
// - trailing spaces and tabs hang: they do not count toward fitting (CSS Text 3 section 4.1.3);
// - a soft hyphen chosen as the break adds a visible hyphen whose width must fit (CSS Text 3 hyphens: manual);
// - overflow-wrap: break-word: when no opportunity on the line fits, break between grapheme clusters,
//   keeping at least one cluster on the line (CSS Text 3 section 5.5).

using System.Runtime.CompilerServices;

namespace Foretext.Layout;

internal static class LineWalker
{
    /// <summary>Lays out the line that starts at <paramref name="start"/>; false at the end of the text.</summary>
    /// <remarks>
    /// Fitting follows Chromium's ShapingLineBreaker: positions are float32 sums of glyph advances from the start
    /// of the shaping item (the whole paragraph, or the run after a preserved tab or line feed), and text up to
    /// offset e fits when x[e] &lt;= float(x[lineStart] + available width). Summing widths in double instead flips
    /// a break wherever float32 rounding of a long paragraph's positions moves a line end across the width.
    /// </remarks>
    public static bool NextLine(PreparedText p, LayoutCursor start, double maxWidth, out LayoutLineRange line)
    {
        SegmentKind[] kinds = p._kinds;
        SegmentFlags[] flags = p._flags;
        int[] starts = p._segmentStarts;
        float[] x = p._x;
        int count = kinds.Length;
        int first = start.SegmentIndex;

        if (first >= count)
        {
            line = default;
            return false;
        }

        int startUnit = start.GraphemeIndex > 0 ? p.GraphemeOffset(first, start.GraphemeIndex) : starts[first];

        // The current shaping item's origin: unit positions on the line are anchorPosition + (x[u] - anchorX).
        var fit = new Fit(x[startUnit], maxWidth);
        double position = 0; // pen position, hanging white space included
        double contentEnd = 0; // end of the last non-hanging content
        int breakSegment = -1; // the line may end after this segment
        double breakWidth = 0;
        bool breakHyphen = false;
        bool overflowed = false;

        for (int i = first; i < count; i++)
        {
            SegmentKind kind = kinds[i];
            SegmentFlags segmentFlags = flags[i];
            int end = starts[i + 1];

            switch (kind)
            {
                case SegmentKind.HardBreak:
                    line = new LayoutLineRange(contentEnd, start, new LayoutCursor(i + 1, 0), false);
                    return true;

                case SegmentKind.Text:
                    if (overflowed || fit.Fits(x[end]))
                    {
                        position = fit.PositionOf(x[end]);
                        contentEnd = position;
                        if ((segmentFlags & SegmentFlags.BreakAfter) != 0)
                        {
                            if (overflowed)
                            {
                                line = new LayoutLineRange(contentEnd, start, EndAfter(p, i), false);
                                return true;
                            }

                            bool hyphen = (segmentFlags & SegmentFlags.SoftHyphen) != 0;
                            double candidate = hyphen ? contentEnd + p._hyphenWidth : contentEnd;
                            if (candidate <= maxWidth)
                            {
                                breakSegment = i;
                                breakWidth = candidate;
                                breakHyphen = hyphen;
                            }
                        }

                        continue;
                    }

                    if (breakSegment >= 0)
                    {
                        line = new LayoutLineRange(breakWidth, start, EndAfter(p, breakSegment), breakHyphen);
                        return true;
                    }

                    int rest = i == first ? startUnit : starts[i];
                    if (!p._breakWord || (i == first && p.NextGraphemeStart(rest, end) == end))
                    {
                        // overflow-wrap: normal, or one grapheme left on an empty line: it overflows, and the line
                        // ends at the next opportunity.
                        overflowed = true;
                        position = fit.PositionOf(x[end]);
                        contentEnd = position;
                        if ((segmentFlags & SegmentFlags.BreakAfter) != 0)
                        {
                            line = new LayoutLineRange(contentEnd, start, EndAfter(p, i), false);
                            return true;
                        }

                        continue;
                    }

                    line = BreakInsideWord(p, start, i, rest, fit, contentEnd, lineHasContent: i != first);
                    return true;

                case SegmentKind.Tab:
                    position += TabAdvance(p, position);
                    fit = fit.NewItem(x[end], position); // the run after a tab is a new shaping item
                    break;

                default: // Space: hangs, so it never makes the line overflow; what follows starts after it.
                    position = fit.PositionOf(x[end]);
                    break;
            }

            if ((segmentFlags & SegmentFlags.BreakAfter) != 0)
            {
                if (overflowed)
                {
                    line = new LayoutLineRange(contentEnd, start, EndAfter(p, i), false);
                    return true;
                }

                breakSegment = i;
                breakWidth = contentEnd;
                breakHyphen = false;
            }
        }

        line = new LayoutLineRange(contentEnd, start, new LayoutCursor(count, 0), false);
        return true;
    }

    /// <summary>overflow-wrap: break-word: as many whole grapheme clusters of <paramref name="segment"/> as fit, at least one on an empty line.</summary>
    private static LayoutLineRange BreakInsideWord(PreparedText p, LayoutCursor start, int segment, int offset, Fit fit, double contentEnd, bool lineHasContent)
    {
        float[] x = p._x;
        int end = p._segmentStarts[segment + 1];
        int grapheme = segment == start.SegmentIndex ? start.GraphemeIndex : 0;
        int taken = 0;
        while (offset < end)
        {
            int next = p.NextGraphemeStart(offset, end);

            // The whole rest did not fit, so its last grapheme always moves on.
            if ((!fit.Fits(x[next]) && (taken > 0 || lineHasContent)) || (next == end && taken > 0))
            {
                break;
            }

            offset = next;
            taken++;
        }

        double width = taken > 0 ? fit.PositionOf(x[offset]) : contentEnd;
        return new LayoutLineRange(width, start, new LayoutCursor(segment, grapheme + taken), false);
    }

    /// <summary>Where a position inside the current shaping item lands on the line, and whether it fits.</summary>
    private readonly struct Fit
    {
        private readonly float _anchorX;
        private readonly double _anchorPosition;
        private readonly float _limit; // float(x at the line start + width): Chromium's end_position
        private readonly double _maxWidth;
        private readonly bool _lineStartItem;

        public Fit(float lineStartX, double maxWidth)
        {
            _anchorX = lineStartX;
            _anchorPosition = 0;
            _limit = lineStartX + (float)maxWidth;
            _maxWidth = maxWidth;
            _lineStartItem = true;
        }

        private Fit(float anchorX, double anchorPosition, double maxWidth)
        {
            _anchorX = anchorX;
            _anchorPosition = anchorPosition;
            _limit = 0;
            _maxWidth = maxWidth;
            _lineStartItem = false;
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public bool Fits(float itemX) => _lineStartItem ? itemX <= _limit : PositionOf(itemX) <= _maxWidth;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public double PositionOf(float itemX) => _anchorPosition + (itemX - _anchorX);

        public Fit NewItem(float itemStartX, double position) => new(itemStartX, position, _maxWidth);
    }

    /// <summary>The cursor after segment <paramref name="segment"/>, skipping collapsible spaces that would start the next line.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static LayoutCursor EndAfter(PreparedText p, int segment)
    {
        int next = segment + 1;
        if (p._collapseSpaces)
        {
            // CSS Text 3 4.1.2: collapsible spaces at the start of a line are removed.
            SegmentKind[] kinds = p._kinds;
            while (next < kinds.Length && kinds[next] == SegmentKind.Space)
            {
                next++;
            }
        }

        return new LayoutCursor(next, 0);
    }

    /// <summary>
    /// Advance of a preserved tab at <paramref name="position"/> from the line start: to the next multiple of
    /// tab-size (8 spaces, CSS Text 3 tab-size initial value); Blink adds a further stop when the gap would be
    /// under half a space (Font::TabWidth), so a tab is always visible.
    /// </summary>
    internal static double TabAdvance(PreparedText p, double position)
    {
        double tabWidth = TabSizeInSpaces * p._spaceWidth;
        if (tabWidth <= 0)
        {
            return 0;
        }

        double advance = tabWidth - (position % tabWidth);
        if (advance < p._spaceWidth / 2)
        {
            advance += tabWidth;
        }

        return advance;
    }

    /// <summary>CSS tab-size initial value.</summary>
    internal const int TabSizeInSpaces = 8;
}
