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
    public static bool NextLine(PreparedText p, LayoutCursor start, double maxWidth, out LayoutLineRange line)
    {
        SegmentKind[] kinds = p._kinds;
        SegmentFlags[] flags = p._flags;
        double[] widths = p._widths;
        int count = kinds.Length;
        int first = start.SegmentIndex;

        if (first >= count)
        {
            line = default;
            return false;
        }

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

            if (kind == SegmentKind.HardBreak)
            {
                line = new LayoutLineRange(contentEnd, start, new LayoutCursor(i + 1, 0), false);
                return true;
            }

            if (kind == SegmentKind.Text)
            {
                double width;
                int grapheme = 0;
                if (i == first && start.GraphemeIndex > 0)
                {
                    grapheme = start.GraphemeIndex;
                    int from = p.GraphemeOffset(i, grapheme);
                    width = p.SumAdvances(from, p._segmentStarts[i + 1]);
                }
                else
                {
                    width = widths[i];
                }

                if (overflowed || position + width <= maxWidth)
                {
                    position += width;
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

                if (!p._breakWord)
                {
                    // overflow-wrap: normal: the word overflows; the line ends at the next opportunity.
                    overflowed = true;
                    position += width;
                    contentEnd = position;
                    if ((segmentFlags & SegmentFlags.BreakAfter) != 0)
                    {
                        line = new LayoutLineRange(contentEnd, start, EndAfter(p, i), false);
                        return true;
                    }

                    continue;
                }

                int rest = grapheme == 0 ? p._segmentStarts[i] : p.GraphemeOffset(i, grapheme);
                if (i == first && p.NextGraphemeStart(rest, p._segmentStarts[i + 1]) == p._segmentStarts[i + 1])
                {
                    // One grapheme left on an empty line: it overflows, and the line ends at the next opportunity.
                    overflowed = true;
                    position += width;
                    contentEnd = position;
                    if ((segmentFlags & SegmentFlags.BreakAfter) != 0)
                    {
                        line = new LayoutLineRange(contentEnd, start, EndAfter(p, i), false);
                        return true;
                    }

                    continue;
                }

                line = BreakInsideWord(p, start, i, grapheme, rest, position, maxWidth, lineHasContent: i != first);
                return true;
            }

            // Space or tab: hangs, so it never makes the line overflow; the following content starts after it.
            position += kind == SegmentKind.Tab ? TabAdvance(p, position) : widths[i];
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

    /// <summary>overflow-wrap: break-word: as many whole grapheme clusters of segment <paramref name="segment"/> as fit, at least one on an empty line.</summary>
    private static LayoutLineRange BreakInsideWord(PreparedText p, LayoutCursor start, int segment, int grapheme, int offset, double position, double maxWidth, bool lineHasContent)
    {
        int end = p._segmentStarts[segment + 1];
        int taken = 0;
        while (offset < end)
        {
            int next = p.NextGraphemeStart(offset, end);
            double width = p.SumAdvances(offset, next);

            // The whole rest did not fit, so the last grapheme always moves on, even if summing one grapheme at a
            // time rounds the other way.
            if ((position + width > maxWidth && (taken > 0 || lineHasContent)) || (next == end && taken > 0))
            {
                break;
            }

            position += width;
            offset = next;
            taken++;
        }

        // The line ends inside the segment: the caller sends a segment's last grapheme down the overflow path.
        return new LayoutLineRange(position, start, new LayoutCursor(segment, grapheme + taken), false);
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
