// Stage: Layout, the line walker. Input: the measured arrays of a PreparedText and one line's width.
// Output: where that line ends. Arithmetic only: no font, no measurer, no string, no allocation.
// Every public line API (Layout, LayoutWithLines, WalkLineRanges, LayoutNextLine...) calls NextLine, so they
// cannot disagree. Model: CSS Text 3 line breaking as Chromium's LayoutNG line breaker does it:
// - a line may end only at a break opportunity (the end of a segment flagged BreakAfter);
// - trailing spaces and tabs hang: they do not count toward fitting (CSS Text 3 section 4.1.3);
// - a soft hyphen chosen as the break adds a visible hyphen whose width must fit (CSS Text 3 hyphens: manual);
// - overflow-wrap: break-word: when no opportunity on the line fits, break between grapheme clusters,
//   keeping at least one cluster on the line (CSS Text 3 section 5.5).
// Widths are measured as Chromium's LineBreaker and ShapingLineBreaker measure them (see Pen): glyph advances
// summed exactly in 16.16 fixed point, compared with the available width in LayoutUnits (1/64 px).

using System.Runtime.CompilerServices;

namespace Foretext.Layout;

internal static class LineWalker
{
    /// <summary>Lays out the line that starts at <paramref name="start"/>; false at the end of the text.</summary>
    public static bool NextLine(PreparedText p, LayoutCursor start, double maxWidth, out LayoutLineRange line)
    {
        SegmentKind[] kinds = p._kinds;
        SegmentFlags[] flags = p._flags;
        long[] widths = p._widths;
        int count = kinds.Length;
        int first = start.SegmentIndex;

        if (first >= count)
        {
            line = default;
            return false;
        }

        int startUnit = start.GraphemeIndex > 0 ? p.GraphemeOffset(first, start.GraphemeIndex) : p._segmentStarts[first];
        var pen = new Pen(AvailableLayoutUnits(maxWidth));
        if (start.GraphemeIndex == 0)
        {
            pen = pen.Advance(p.StartAdjustment(first));
        }

        Pen contentEnd = pen; // the pen after the last non-hanging content
        int breakSegment = -1; // the line may end after this segment
        Pen breakPen = pen;
        bool breakHyphen = false;
        int firstHyphenBreak = -1; // a soft hyphen on this line whose hyphen did not fit
        Pen firstHyphenPen = pen;
        bool overflowed = false;

        for (int i = first; i < count; i++)
        {
            SegmentKind kind = kinds[i];
            SegmentFlags segmentFlags = flags[i];
            if ((segmentFlags & SegmentFlags.ItemStart) != 0 && i != first)
            {
                pen = pen.NextItem();
            }

            switch (kind)
            {
                case SegmentKind.HardBreak:
                    line = Line(contentEnd, start, new LayoutCursor(i + 1, 0), false);
                    return true;

                case SegmentKind.Text:
                    long width = i == first && startUnit != p._segmentStarts[i] ? p.SumAdvances(startUnit, p._segmentStarts[i + 1]) : widths[i];
                    Pen after = pen.Advance(width);
                    if (overflowed || after.Fits)
                    {
                        pen = after;
                        contentEnd = pen;
                        if ((segmentFlags & SegmentFlags.BreakAfter) != 0)
                        {
                            if (overflowed)
                            {
                                line = Line(contentEnd, start, EndAfter(p, i), false);
                                return true;
                            }

                            bool hyphen = (segmentFlags & SegmentFlags.SoftHyphen) != 0;
                            Pen candidate = hyphen ? pen.AddHyphen(p._hyphenWidth) : pen;
                            if (candidate.Fits)
                            {
                                breakSegment = i;
                                breakPen = candidate;
                                breakHyphen = hyphen;
                            }
                            else if (firstHyphenBreak < 0)
                            {
                                firstHyphenBreak = i;
                                firstHyphenPen = candidate;
                            }
                        }

                        continue;
                    }

                    long trim = p.EndAdjustment(i);
                    if (trim < 0 && (segmentFlags & SegmentFlags.BreakAfter) != 0 && pen.Advance(width + trim).Fits)
                    {
                        // text-spacing-trim: the closing punctuation fits at the line end in half its width.
                        line = Line(pen.Advance(width + trim), start, EndAfter(p, i), false);
                        return true;
                    }

                    if (breakSegment >= 0)
                    {
                        line = Line(breakPen, start, EndAfter(p, breakSegment), breakHyphen);
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
                            line = Line(firstHyphenPen, start, EndAfter(p, firstHyphenBreak), true);
                            return true;
                        }

                        // overflow-wrap: normal: the word overflows, and the line ends at the next opportunity.
                        overflowed = true;
                        pen = after;
                        contentEnd = pen;
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
                        pen = after;
                        contentEnd = pen;
                        if ((segmentFlags & SegmentFlags.BreakAfter) != 0)
                        {
                            breakSegment = i;
                            breakPen = pen;
                            breakHyphen = false;
                        }

                        continue;
                    }

                    line = BreakInsideWord(p, start, i, rest, pen, contentEnd, lineHasContent: i != first);
                    return true;

                case SegmentKind.Tab:
                    pen = pen.NextItem();
                    pen = pen.AddLayoutUnits(TabAdvance(p, pen.LayoutUnits));
                    break;

                default: // Space: hangs, so it never makes the line overflow; what follows starts after it.
                    pen = pen.Advance(widths[i]);
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
                breakPen = contentEnd;
                breakHyphen = false;
            }
        }

        line = Line(contentEnd, start, new LayoutCursor(count, 0), false);
        return true;
    }

    /// <summary>overflow-wrap: break-word: as many whole grapheme clusters of <paramref name="segment"/> as fit, at least one on an empty line.</summary>
    private static LayoutLineRange BreakInsideWord(PreparedText p, LayoutCursor start, int segment, int offset, Pen pen, Pen contentEnd, bool lineHasContent)
    {
        int end = p._segmentStarts[segment + 1];
        int grapheme = segment == start.SegmentIndex ? start.GraphemeIndex : 0;
        int taken = 0;
        while (offset < end)
        {
            int next = p.NextGraphemeStart(offset, end);
            Pen after = pen.Advance(p.SumAdvances(offset, next));

            // The whole rest did not fit, so its last grapheme always moves on.
            if ((!after.Fits && (taken > 0 || lineHasContent)) || (next == end && taken > 0))
            {
                break;
            }

            pen = after;
            offset = next;
            taken++;
        }

        return Line(taken > 0 ? pen : contentEnd, start, new LayoutCursor(segment, grapheme + taken), false);
    }

    /// <summary>
    /// The pen on a line, measured as Chromium's LineBreaker measures it: earlier shaping items on the line count
    /// with their snapped (rounded-up) LayoutUnit widths, the current item as the exact 16.16 distance from
    /// where the line entered it, which fits when that distance rounded to LayoutUnits is within what is left.
    /// </summary>
    private readonly struct Pen
    {
        private readonly long _available; // LayoutUnits
        private readonly long _committed; // LayoutUnits of earlier items (and tabs) on the line
        private readonly long _run; // 16.16 since the line entered the current item

        public Pen(long available)
            : this(available, 0, 0)
        {
        }

        private Pen(long available, long committed, long run)
        {
            _available = available;
            _committed = committed;
            _run = run;
        }

        /// <summary>The pen position in LayoutUnits (for tab stops and reported widths).</summary>
        public long LayoutUnits => _committed + PreparedText.CeilToLayoutUnits(_run);

        public bool Fits
        {
            [MethodImpl(MethodImplOptions.AggressiveInlining)]
            get => _committed + FitUnits(_run) <= _available;
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public Pen Advance(long fixedWidth) => new(_available, _committed, _run + fixedWidth);

        public Pen AddLayoutUnits(long layoutUnits) => new(_available, _committed + layoutUnits, _run);

        public Pen AddHyphen(int hyphenLayoutUnits) => new(_available, LayoutUnits + hyphenLayoutUnits, 0);

        public Pen NextItem() => _run == 0 ? this : new(_available, LayoutUnits, 0);

        /// <summary>A 16.16 distance as the LayoutUnits ShapingLineBreaker compares with the available width.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static long FitUnits(long fixedPoint) => fixedPoint >> 10;
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
    private static LayoutLineRange Line(Pen pen, LayoutCursor start, LayoutCursor end, bool hyphen)
        => new(PreparedText.ToPixels(pen.LayoutUnits), start, end, hyphen);

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
