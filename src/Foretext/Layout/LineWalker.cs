// Stage: Layout, the line walker. Input: the measured arrays of a PreparedText and one line's width.
// Output: where that line ends. Arithmetic only: no font, no measurer, no string, no allocation.
// Every public line API (Layout, LayoutWithLines, WalkLineRanges, LayoutNextLine...) calls NextLine, so they
// cannot disagree. Model: CSS Text 3 line breaking as Chromium's LayoutNG line breaker does it:
// - a line may end only at a break opportunity (the end of a segment flagged BreakAfter);
// - trailing spaces and tabs hang: they do not count toward fitting (CSS Text 3 section 4.1.3);
// - a soft hyphen chosen as the break adds a visible hyphen whose width must fit (CSS Text 3 hyphens: manual);
// - overflow-wrap: break-word: when no opportunity on the line fits, break between grapheme clusters,
//   keeping at least one cluster on the line (CSS Text 3 section 5.5).
// All widths are LayoutUnits (1/64 px) as ShapingLineBreaker compares them: text up to offset e fits when
// x[e] - x[lineStart] <= available width, with x the item's positions rounded up to LayoutUnits. Segment
// widths are differences of those positions, so their sums telescope to exactly that comparison.

using System.Runtime.CompilerServices;

namespace Foretext.Layout;

internal static class LineWalker
{
    /// <summary>Lays out the line that starts at <paramref name="start"/>; false at the end of the text.</summary>
    public static bool NextLine(PreparedText p, LayoutCursor start, double maxWidth, out LayoutLineRange line)
    {
        SegmentKind[] kinds = p._kinds;
        SegmentFlags[] flags = p._flags;
        int[] widths = p._widths;
        int count = kinds.Length;
        int first = start.SegmentIndex;

        if (first >= count)
        {
            line = default;
            return false;
        }

        long available = AvailableLayoutUnits(maxWidth);
        int startUnit = start.GraphemeIndex > 0 ? p.GraphemeOffset(first, start.GraphemeIndex) : p._segmentStarts[first];
        long position = 0; // pen position, hanging white space included
        long contentEnd = 0; // end of the last non-hanging content
        int breakSegment = -1; // the line may end after this segment
        long breakWidth = 0;
        bool breakHyphen = false;
        int firstHyphenBreak = -1; // a soft hyphen on this line whose hyphen did not fit
        long firstHyphenWidth = 0;
        bool overflowed = false;

        for (int i = first; i < count; i++)
        {
            SegmentKind kind = kinds[i];
            SegmentFlags segmentFlags = flags[i];

            switch (kind)
            {
                case SegmentKind.HardBreak:
                    line = Line(contentEnd, start, new LayoutCursor(i + 1, 0), false);
                    return true;

                case SegmentKind.Text:
                    long width = i == first && startUnit != p._segmentStarts[i] ? p.UnitX(i, p._segmentStarts[i + 1]) - p._x[startUnit] : widths[i];
                    if (overflowed || position + width <= available)
                    {
                        position += width;
                        contentEnd = position;
                        if ((segmentFlags & SegmentFlags.BreakAfter) != 0)
                        {
                            if (overflowed)
                            {
                                line = Line(contentEnd, start, EndAfter(p, i), false);
                                return true;
                            }

                            bool hyphen = (segmentFlags & SegmentFlags.SoftHyphen) != 0;
                            long candidate = hyphen ? contentEnd + p._hyphenWidth : contentEnd;
                            if (candidate <= available)
                            {
                                breakSegment = i;
                                breakWidth = candidate;
                                breakHyphen = hyphen;
                            }
                            else if (firstHyphenBreak < 0)
                            {
                                firstHyphenBreak = i;
                                firstHyphenWidth = candidate;
                            }
                        }

                        continue;
                    }

                    if (breakSegment >= 0)
                    {
                        line = Line(breakWidth, start, EndAfter(p, breakSegment), breakHyphen);
                        return true;
                    }

                    int rest = i == first ? startUnit : p._segmentStarts[i];
                    int end = p._segmentStarts[i + 1];
                    if (!p._breakWord)
                    {
                        if (firstHyphenBreak >= 0)
                        {
                            // Nothing fits: the first opportunity wins even though its hyphen overflows, as
                            // Blink's HandleOverflow keeps the earliest break when none fits.
                            line = Line(firstHyphenWidth, start, EndAfter(p, firstHyphenBreak), true);
                            return true;
                        }

                        // overflow-wrap: normal: the word overflows, and the line ends at the next opportunity.
                        overflowed = true;
                        position += width;
                        contentEnd = position;
                        if ((segmentFlags & SegmentFlags.BreakAfter) != 0)
                        {
                            line = Line(contentEnd, start, EndAfter(p, i), false);
                            return true;
                        }

                        continue;
                    }

                    if (i == first && p.NextGraphemeStart(rest, end) == end)
                    {
                        // One grapheme alone on the line and still too wide: it stays and overflows; whatever
                        // follows can break before it (break-word allows a break at any grapheme boundary).
                        position += width;
                        contentEnd = position;
                        if ((segmentFlags & SegmentFlags.BreakAfter) != 0)
                        {
                            breakSegment = i;
                            breakWidth = contentEnd;
                            breakHyphen = false;
                        }

                        continue;
                    }

                    line = BreakInsideWord(p, start, i, rest, position, contentEnd, available, lineHasContent: i != first);
                    return true;

                case SegmentKind.Tab:
                    position += TabAdvance(p, position);
                    break;

                default: // Space: hangs, so it never makes the line overflow; what follows starts after it.
                    position += widths[i];
                    break;
            }

            if ((segmentFlags & SegmentFlags.BreakAfter) != 0)
            {
                if (overflowed)
                {
                    line = Line(contentEnd, start, EndAfter(p, i), false);
                    return true;
                }

                breakSegment = i;
                breakWidth = contentEnd;
                breakHyphen = false;
            }
        }

        line = Line(contentEnd, start, new LayoutCursor(count, 0), false);
        return true;
    }

    /// <summary>overflow-wrap: break-word: as many whole grapheme clusters of <paramref name="segment"/> as fit, at least one on an empty line.</summary>
    private static LayoutLineRange BreakInsideWord(
        PreparedText p, LayoutCursor start, int segment, int offset, long position, long contentEnd, long available, bool lineHasContent)
    {
        int end = p._segmentStarts[segment + 1];
        int grapheme = segment == start.SegmentIndex ? start.GraphemeIndex : 0;
        int taken = 0;
        int x = p._x[offset];
        while (offset < end)
        {
            int next = p.NextGraphemeStart(offset, end);
            int nextX = p.UnitX(segment, next);

            // The whole rest did not fit, so its last grapheme always moves on.
            if ((position + (nextX - x) > available && (taken > 0 || lineHasContent)) || (next == end && taken > 0))
            {
                break;
            }

            position += nextX - x;
            x = nextX;
            offset = next;
            taken++;
        }

        return Line(taken > 0 ? position : contentEnd, start, new LayoutCursor(segment, grapheme + taken), false);
    }

    /// <summary>
    /// The available width as a LayoutUnit: CSS px times 64, truncated as LayoutUnit's constructor does;
    /// infinity (no wrapping) saturates.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static long AvailableLayoutUnits(double maxWidth)
        => maxWidth >= MaxLayoutPixels ? long.MaxValue / 2 : (long)(maxWidth * PreparedText.LayoutUnitsPerPixel);

    /// <summary>Widths at or past this many px never wrap (far beyond LayoutUnit's own range of 2^25 px).</summary>
    private const double MaxLayoutPixels = 1e15;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static LayoutLineRange Line(long width, LayoutCursor start, LayoutCursor end, bool hyphen)
        => new(PreparedText.ToPixels(width), start, end, hyphen);

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
    /// LayoutUnit advance of a preserved tab at <paramref name="position"/> from the line start: to the next
    /// multiple of tab-size (8 spaces, CSS Text 3 tab-size initial value); Blink adds a further stop when the gap
    /// would be under half a space (Font::TabWidth), so a tab is always visible.
    /// </summary>
    internal static long TabAdvance(PreparedText p, long position)
    {
        double tabWidth = TabSizeInSpaces * p._spaceWidth;
        if (tabWidth <= 0)
        {
            return 0;
        }

        double x = PreparedText.ToPixels(position);
        double advance = tabWidth - (x % tabWidth);
        if (advance < p._spaceWidth / 2)
        {
            advance += tabWidth;
        }

        return (long)Math.Ceiling(advance * PreparedText.LayoutUnitsPerPixel);
    }

    /// <summary>CSS tab-size initial value.</summary>
    internal const int TabSizeInSpaces = 8;
}
