// Stage: Layout, the line walker. Input: the measured arrays of a PreparedText and one line's width.
// Output: where that line ends. Arithmetic only: no font, no measurer, no string, no allocation.
// Every public line API (LayoutWithLines, WalkLineRanges, LayoutNextLine...) calls NextLine, so they cannot
// disagree; Layout counts with LineCounter, which falls back to NextLine and is tested against it.
// Model: CSS Text 3 line breaking as Chromium's LayoutNG line breaker does it:
// - a line may end only at a break opportunity (the end of a segment flagged BreakAfter);
// - trailing spaces and tabs hang: they do not count toward fitting (CSS Text 3 section 4.1.3);
// - the line ends at the last opportunity whose content fits (ShapingLineBreaker::ShapeLine); a soft hyphen
//   chosen there draws its item's hyphen, and when that hyphen overflows Blink retries inside that item with the
//   width less the hyphen's (LineBreaker::BreakText), so the line may end earlier than the hyphen alone would
//   require, and before the item when nothing in it fits (LineBreaker::HandleOverflow);
// - overflow-wrap: break-word: when nothing fits, the line is broken again with every grapheme cluster boundary
//   as an opportunity (LineBreaker::HandleOverflow, kBreakCharacter), same rules, at least one cluster a line.
// Widths are measured as Chromium's LineBreaker and ShapingLineBreaker measure them (see Pen): glyph advances
// summed exactly in 16.16 fixed point, compared with the available width in LayoutUnits (1/64 px).

using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace Foretext.Layout;

internal static partial class LineWalker
{
    /// <summary>Lays out the line that starts at <paramref name="start"/>; false at the end of the text.</summary>
    public static bool NextLine(PreparedText p, LayoutCursor start, double maxWidth, out LayoutLineRange line)
        => TrySimpleLine(p, start, maxWidth, out line) || NextLineGeneral(p, start, maxWidth, out line);

    /// <summary>
    /// The common case in a few instructions a segment: a line of words and spaces in one shaping item that ends
    /// at the last opportunity whose content fits (or at a forced break, or the end). Gives up (false) on anything
    /// else: a line starting inside a word, a soft hyphen, a tab, a new item, a line-end trim, or nothing fitting;
    /// <see cref="NextLineGeneral"/> then lays the line out from its start, so both always agree
    /// (LayoutPropertyTests.SimplePathAgreesWithTheGeneralWalker).
    /// </summary>
    private static bool TrySimpleLine(PreparedText p, LayoutCursor start, double maxWidth, out LayoutLineRange line)
    {
        SegmentFlags[] flags = p._flags;
        int first = start.SegmentIndex;
        if (start.GraphemeIndex != 0 || first >= flags.Length || p._endAdjustments.Length != 0)
        {
            line = default;
            return false;
        }

        long available = AvailableLayoutUnits(maxWidth);
        long run = p.StartAdjustment(first); // 16.16 since the line start
        long contentEnd = run;
        int fitSegment = -1; // the line may end after this segment, with its content ending at fitRun
        long fitRun = 0;
        for (int i = first; i < flags.Length; i++)
        {
            SegmentFlags segmentFlags = flags[i];
            if ((segmentFlags & (SegmentFlags.SoftHyphen | SegmentFlags.ItemStart)) != 0 && (i != first || (segmentFlags & SegmentFlags.SoftHyphen) != 0))
            {
                break;
            }

            SegmentKind kind = flags[i].Kind();
            if (kind == SegmentKind.Text)
            {
                long after = run + p.Width(i);
                if (((after - 1) >> 10) > available)
                {
                    if (fitSegment < 0)
                    {
                        break;
                    }

                    line = new LayoutLineRange(PreparedText.ToPixels(PreparedText.CeilToLayoutUnits(fitRun)), start, EndAfter(p, fitSegment), false);
                    return true;
                }

                run = after;
                contentEnd = run;
            }
            else if (kind == SegmentKind.Space)
            {
                run += p.Width(i);
            }
            else if (kind == SegmentKind.HardBreak)
            {
                line = new LayoutLineRange(PreparedText.ToPixels(PreparedText.CeilToLayoutUnits(contentEnd)), start, new LayoutCursor(i + 1, 0), false);
                return true;
            }
            else
            {
                break; // a tab
            }

            if ((segmentFlags & SegmentFlags.BreakAfter) != 0)
            {
                fitSegment = i;
                fitRun = contentEnd;
            }

            if (i + 1 == flags.Length)
            {
                line = new LayoutLineRange(PreparedText.ToPixels(PreparedText.CeilToLayoutUnits(contentEnd)), start, new LayoutCursor(flags.Length, 0), false);
                return true;
            }
        }

        line = default;
        return false;
    }

    /// <summary>Lays out the line that starts at <paramref name="start"/> with every rule; false at the end of the text.</summary>
    internal static bool NextLineGeneral(PreparedText p, LayoutCursor start, double maxWidth, out LayoutLineRange line)
    {
        SegmentFlags[] flags = p._flags;
        int count = flags.Length;
        int first = start.SegmentIndex;

        if (first >= count)
        {
            line = default;
            return false;
        }

        int startUnit = start.GraphemeIndex > 0 ? p.GraphemeOffset(first, start.GraphemeIndex) : p._segmentStarts[first];
        var pen = new Pen(AvailableLayoutUnits(maxWidth));
        long insideWordGain = start.GraphemeIndex == 0 ? 0 : p.GraphemeStartAdjustment(startUnit); // ShapeLine reshapes a line start inside a word
        pen = pen.Advance(start.GraphemeIndex == 0 ? p.StartAdjustment(first) : insideWordGain);

        Pen contentEnd = pen; // the pen after the last non-hanging content
        var fit = Candidate.None; // the last opportunity whose content fits
        var itemRetry = Candidate.None; // in the item the walk is in: the last one whose content fits beside its hyphen
        var itemBefore = Candidate.None; // the line end settled when the walk entered the item it is in
        var firstBreak = Candidate.None; // the first opportunity on the line
        bool fitInItem = false; // fit is in the item the walk is in (else it was settled into itemBefore)
        int hyphenWidth = p.HyphenWidth(first); // the hyphen of the item the walk is in
        bool overflowed = false;

        int resume = first;
        if (start.GraphemeIndex > 0 && p._restartOffsets.Length != 0 && p.HasInsideWordStart(startUnit))
        {
            int entry = Array.BinarySearch(p._restartOffsets, startUnit);
            if (entry >= 0)
            {
                if (FitRestartedSegmentation(p, start, startUnit, insideWordGain, entry, maxWidth, hyphenWidth, ref pen, ref fit, ref itemRetry, itemBefore, ref firstBreak, ref fitInItem, out resume, out line))
                {
                    return true;
                }

                contentEnd = pen;
            }
        }

        bool laterItem = false; // the line has entered a shaping item after the one it starts in
        for (int i = resume; i < count; i++)
        {
            SegmentKind kind = flags[i].Kind();
            SegmentFlags segmentFlags = flags[i];
            if ((segmentFlags & SegmentFlags.ItemStart) != 0 && i != first)
            {
                pen = pen.NextItem();
                laterItem = true;
                EnterItem(fit, ref itemRetry, ref itemBefore, ref fitInItem);
                hyphenWidth = p.HyphenWidth(i);
            }

            switch (kind)
            {
                case SegmentKind.HardBreak:
                    line = Line(contentEnd, start, new LayoutCursor(i + 1, 0), false);
                    return true;

                case SegmentKind.Text:
                    // A line that starts inside a word (after an overflow-wrap break) needs only to know whether
                    // the rest of the word fits, even with its line-end trim; overflow-wrap: normal never starts a
                    // line inside a word.
                    long width = i == first && startUnit != p._segmentStarts[i]
                        ? p.SumAdvancesCapped(startUnit, p._segmentStarts[i + 1], ((pen.RemainingLayoutUnits + 1) << 10) - Math.Min(0, p.EndAdjustment(i)))
                        : p.Width(i);
                    Pen after = pen.Advance(width);
                    if (i == first && startUnit != p._segmentStarts[i] && (segmentFlags & SegmentFlags.NoBreakAfterAtLineStart) != 0
                        && p.NextGraphemeStart(startUnit, p._segmentStarts[i + 1]) == p._segmentStarts[i + 1])
                    {
                        segmentFlags &= ~SegmentFlags.BreakAfter; // no opportunity here for a line starting at this grapheme
                    }

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

                            // ShapeLine reshapes a line end that is unsafe to break (a kerned pair with no space
                            // between, a positive adjustment); when the reshaped line no longer fits it tries the
                            // opportunity before.
                            long reshape = Math.Max(0, p.EndAdjustment(i));
                            var candidate = new Candidate(EndAfter(p, i), pen.Advance(reshape), (segmentFlags & SegmentFlags.SoftHyphen) != 0, hyphenWidth);
                            if (reshape == 0 || FitsReshaped(p, pen, RunStartPosition(p, first, startUnit, laterItem), i, reshape))
                            {
                                Remember(candidate, ref fit, ref itemRetry, ref firstBreak, ref fitInItem);
                            }
                            else if (!firstBreak.IsSet)
                            {
                                firstBreak = candidate;
                            }
                        }

                        continue;
                    }

                    long trim = p.EndAdjustment(i);
                    if (trim < 0 && (segmentFlags & SegmentFlags.BreakAfter) != 0 && FitsTrimmed(p, pen, RunStartPosition(p, first, startUnit, laterItem), i, p._segmentStarts[i + 1], trim))
                    {
                        // text-spacing-trim: the closing punctuation fits at the line end in half its width
                        // (ShapeLine extends the candidate break only where a break follows it directly).
                        line = Line(pen.Advance(width + trim), start, EndAfter(p, i), false);
                        return true;
                    }

                    if (TryBreakAtCandidate(fit, itemRetry, itemBefore, fitInItem, start, out line))
                    {
                        return true;
                    }

                    if (p._breakWord)
                    {
                        // The second pass starts the line as the first did: an opening bracket given back its full width
                        // at the line start keeps it (a keep-all CJK word opening with `「` after `、`).
                        line = BreakAnywhere(p, start, startUnit, start.GraphemeIndex == 0 ? p.StartAdjustment(first) : insideWordGain, maxWidth);
                        return true;
                    }

                    if (firstBreak.IsSet)
                    {
                        // Nothing fits: the first opportunity wins even though it (or its hyphen) overflows, as
                        // ShapingLineBreaker::ShapeLine returns the first break opportunity when none fits.
                        line = firstBreak.ToLine(start);
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

                case SegmentKind.Tab:
                    pen = pen.NextItem();
                    pen = pen.AddLayoutUnits(TabAdvance(p, pen.LayoutUnits));
                    break;

                default: // Space: hangs, so it never makes the line overflow; what follows starts after it.
                    pen = pen.Advance(p.Width(i));
                    break;
            }

            if ((segmentFlags & SegmentFlags.BreakAfter) != 0)
            {
                if (overflowed)
                {
                    line = Line(contentEnd, start, EndAfter(p, i), false);
                    return true;
                }

                var candidate = new Candidate(EndAfter(p, i), contentEnd, false, hyphenWidth);
                if (p._endAdjustments.Length == 0 || FitsBeforeSpaces(p, contentEnd, first, startUnit, laterItem, i))
                {
                    Remember(candidate, ref fit, ref itemRetry, ref firstBreak, ref fitInItem);
                }
                else if (!firstBreak.IsSet)
                {
                    firstBreak = candidate;
                }
            }
        }

        line = Line(contentEnd, start, new LayoutCursor(count, 0), false);
        return true;
    }

    /// <summary>
    /// The part of a line that starts inside an SA word where the segmentation restarted at the line start differs from
    /// the paragraph's (Blink's LazyLineBreakIterator::SetStartOffset; TextPreparer.SegmentAgainFromLineStarts): fits
    /// the text from the line start to each restarted opportunity, then to the entry's end, with the walker's rules
    /// (the last opportunity that fits, a reshaped line end, break-anywhere when none fits). True with the line when it
    /// ends in that range; otherwise false, with the pen at the entry's end and the segment where the walk goes on.
    /// The range is text in one shaping item with no line-end trim (the preparer keeps no other).
    /// </summary>
    private static bool FitRestartedSegmentation(
        PreparedText p, LayoutCursor start, int startUnit, long startGain, int entry, double maxWidth, int hyphenWidth,
        ref Pen pen, ref Candidate fit, ref Candidate itemRetry, in Candidate itemBefore, ref Candidate firstBreak, ref bool fitInItem,
        out int resume, out LayoutLineRange line)
    {
        int[] starts = p._segmentStarts;
        int segment = start.SegmentIndex;
        int end = p._restartEnds[entry];
        int last = p._restartBreakIndex[entry + 1];
        int from = startUnit;
        for (int b = p._restartBreakIndex[entry]; b <= last; b++)
        {
            int to = b < last ? p._restartBreaks[b] : end;
            Pen after = pen.Advance(p.SumAdvancesCapped(from, to, ((pen.RemainingLayoutUnits + 1) << 10)));
            if (!after.Fits)
            {
                // Only overflow-wrap: break-word starts a line inside a word, and only then does the preparer keep entries.
                Debug.Assert(p._breakWord, "restarted opportunities without overflow-wrap: break-word");
                resume = 0;
                if (!TryBreakAtCandidate(fit, itemRetry, itemBefore, fitInItem, start, out line))
                {
                    line = BreakAnywhere(p, start, startUnit, startGain, maxWidth);
                }

                return true;
            }

            pen = after;
            from = to;
            while (segment + 1 < p._flags.Length && starts[segment + 1] <= to)
            {
                segment++;
            }

            // At a segment start the paragraph's opportunity after the segment before (its reshape and soft hyphen);
            // inside a segment a restarted one, reshaped as a break-anywhere end is.
            bool atSegment = to == starts[segment] || to == p._textLength;
            int before = to == p._textLength ? p._flags.Length - 1 : segment - 1;
            Debug.Assert(b < last || atSegment, "an entry ends at a segment start");
            if (b < last || (atSegment && (p._flags[before] & SegmentFlags.BreakAfter) != 0))
            {
                long reshape;
                Candidate candidate;
                if (atSegment)
                {
                    reshape = Math.Max(0, p.EndAdjustment(before));
                    candidate = new Candidate(EndAfter(p, before), pen.Advance(reshape), (p._flags[before] & SegmentFlags.SoftHyphen) != 0, hyphenWidth);
                }
                else
                {
                    reshape = p.GraphemeEndAdjustment(p.PreviousGraphemeStart(to, starts[segment]));
                    candidate = new Candidate(new LayoutCursor(segment, p.GraphemeIndex(segment, to)), pen.Advance(reshape), false, hyphenWidth);
                }

                if (reshape == 0 || candidate.Pen.Fits)
                {
                    Remember(candidate, ref fit, ref itemRetry, ref firstBreak, ref fitInItem);
                }
                else if (!firstBreak.IsSet)
                {
                    firstBreak = candidate;
                }
            }
        }

        resume = end == p._textLength ? p._flags.Length : segment;
        line = default;
        return false;
    }

    /// <summary>
    /// Whether the content up to <paramref name="end"/> (the end of segment <paramref name="segment"/>, whose last
    /// character the line end trims by <paramref name="trim"/>) fits on the line, as ShapingLineBreaker::ShapeLine's
    /// HanKerning extension decides it: the closing mark is reshaped with han_kerning_end from the last safe offset
    /// before it, and the line fits when the LayoutUnit distance from the line start to that offset (item positions
    /// rounded up, start and end apart) plus the reshaped width is within the available width plus LayoutUnit's
    /// epsilon. Measured (probes in RESEARCH.md): `（已更新）` in 16.000031px ideographs with its `）` halved does not
    /// fit 280px at the paragraph start (272.015625 + 8.0000305) but fits 280.015625px; `起來。」` fits 48px after three
    /// ideographs and needs 48.015625px at the paragraph start.
    /// </summary>
    private static bool FitsTrimmed(PreparedText p, Pen pen, long startPosition, int segment, int end, long trim)
        => FitsReshaped(p, pen, startPosition, segment, end - 1, end, trim); // the mark is one unit, reshaped `trim` narrower

    /// <summary>
    /// Whether a line may end after the spaces that end at segment <paramref name="space"/>: the text before them may be
    /// kerned with the first space (Liberation Serif's `Y` + space; the gain is kept on that space segment), and ShapeLine
    /// reshapes such a line end when the line started inside its shaping item, while a line that starts at the item's
    /// start keeps the kerned result (TruncateLineEndResult). Chromium 156, 22px Liberation Serif: `AVAWAY ` is 87.5px
    /// kerned, 88.31px reshaped; it fills an 87.5px line when it starts the paragraph, but needs 88.5px after
    /// `Ta ` or `Tatatatata ` on the line before, and a line that started inside the word ends `WA` / `Y ` at 48px.
    /// </summary>
    private static bool FitsBeforeSpaces(PreparedText p, Pen contentEnd, int first, int startUnit, bool laterItem, int space)
    {
        int firstSpace = space;
        while (firstSpace > 0 && p._flags[firstSpace - 1].Kind() == SegmentKind.Space)
        {
            firstSpace--;
        }

        long gain = p.EndAdjustment(firstSpace);
        if (gain <= 0 || firstSpace == 0 || p._flags[firstSpace - 1].Kind() != SegmentKind.Text || laterItem
            || (startUnit == p._segmentStarts[first] && (first == 0 || (p._flags[first] & SegmentFlags.ItemStart) != 0)))
        {
            return true;
        }

        return FitsReshaped(p, contentEnd, RunStartPosition(p, first, startUnit, laterItem), firstSpace - 1, gain);
    }

    /// <summary>
    /// Whether a line ending after segment <paramref name="segment"/> fits with its last grapheme reshaped
    /// (<paramref name="gain"/> wider), measured as ShapeLine measures a reshaped line end: the distance from the line
    /// start to the reshaped grapheme as two item positions each rounded up to a LayoutUnit, plus the reshaped grapheme
    /// exactly, within the available width and LayoutUnit's epsilon (as <see cref="FitsTrimmed"/>). `。さうし|て` in
    /// 12px Noto Sans CJK KR, lang ja: `し` is 11.64px kerned against `て`, 12.00009px alone; 36.015625 + 12.00009 is
    /// past 48.015625, and Chromium ends the 48px line after `う` (the exact 48.00037 would fit).
    /// </summary>
    private static bool FitsReshaped(PreparedText p, Pen pen, long startPosition, int segment, long gain)
    {
        int end = p._segmentStarts[segment + 1];
        return FitsReshaped(p, pen, startPosition, segment, p.LastVisibleGraphemeStart(p._segmentStarts[segment], end), end, gain);
    }

    /// <summary>
    /// The measure both use: LayoutUnit item positions from the run start to <paramref name="last"/>, rounded up apart, plus
    /// [<paramref name="last"/>, <paramref name="end"/>) exactly, changed by <paramref name="gain"/>, within the available width
    /// and LayoutUnit's epsilon.
    /// </summary>
    private static bool FitsReshaped(PreparedText p, Pen pen, long startPosition, int segment, int last, int end, long gain)
    {
        long reshaped = p.SumAdvances(last, end) + gain;
        long safePosition = p._itemPositions[segment] + p.SumAdvances(p._segmentStarts[segment], last);
        long head = pen.CommittedUnits + CeilUnits(safePosition) - CeilUnits(startPosition);
        return (head << 10) + reshaped <= (pen.AvailableUnits + 1) << 10;
    }

    /// <summary>
    /// The item position (16.16) where the pen's run began: the line start, or 0 once the line entered a later item. A
    /// line-start gain (an opening bracket back at full width) moves it back by that much: the reshaped start is part of
    /// the width before the last safe offset (ja-rashomon@265: `「下人が雨やみを待つてゐた」` is 270px with `「` whole,
    /// and Chromium does not keep `た」` on the 265px line).
    /// </summary>
    private static long RunStartPosition(PreparedText p, int first, int startUnit, bool enteredLaterItem)
        => enteredLaterItem ? 0 : p._itemPositions[first] + p.SumAdvances(p._segmentStarts[first], startUnit)
            - (startUnit == p._segmentStarts[first] ? p.StartAdjustment(first) : 0);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static long CeilUnits(long fixedPoint) => (fixedPoint + 1023) >> 10;

    /// <summary>
    /// A place the line may end: the cursor after it, the pen at its content's end, whether a hyphen is drawn and the
    /// width of its item's hyphen (LayoutUnits).
    /// </summary>
    private readonly struct Candidate(LayoutCursor end, Pen pen, bool hyphen, int hyphenWidth)
    {
        public static Candidate None => new(new LayoutCursor(-1, 0), default, false, 0);

        public readonly LayoutCursor End = end;
        public readonly Pen Pen = pen;
        public readonly bool Hyphen = hyphen;
        public readonly int HyphenWidth = hyphenWidth;

        public bool IsSet => End.SegmentIndex >= 0;

        /// <summary>Whether the line fits with the hyphen this opportunity draws (if any).</summary>
        public bool FitsWithHyphen => !Hyphen || Pen.AddHyphen(HyphenWidth).Fits;

        public LayoutLineRange ToLine(LayoutCursor start)
            => Line(Hyphen ? Pen.AddHyphen(HyphenWidth) : Pen, start, End, Hyphen);
    }

    /// <summary>
    /// Records an opportunity whose content fits (the caller checked): the last one, the first one, and the last one that
    /// leaves room for its item's hyphen.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Remember(in Candidate candidate, ref Candidate fit, ref Candidate itemRetry, ref Candidate firstBreak, ref bool fitInItem)
    {
        fit = candidate;
        fitInItem = true;
        if (candidate.Pen.FitsWithin(candidate.HyphenWidth))
        {
            itemRetry = candidate;
        }

        if (!firstBreak.IsSet)
        {
            firstBreak = candidate;
        }
    }

    /// <summary>
    /// The walk enters a new item. If an opportunity was remembered in the item it leaves, the line end so far is settled
    /// into <paramref name="itemBefore"/> (where Blink's LineBreaker::HandleOverflow rewinds to when nothing in a later
    /// item fits); the hyphen retry starts afresh.
    /// </summary>
    private static void EnterItem(in Candidate fit, ref Candidate itemRetry, ref Candidate itemBefore, ref bool fitInItem)
    {
        if (fitInItem)
        {
            itemBefore = fit.FitsWithHyphen ? fit : itemRetry.IsSet ? itemRetry : itemBefore;
            itemRetry = Candidate.None;
            fitInItem = false;
        }
    }

    /// <summary>
    /// Ends the line at the last opportunity whose content fits, as ShapingLineBreaker::ShapeLine picks it (the hyphen
    /// not counted). When that opportunity is a soft hyphen whose hyphen then overflows, Blink's LineBreaker::BreakText
    /// retries that item with the available width reduced by the item's hyphen ("If the hyphen overflows, retry with
    /// the reduced available width"): the last opportunity in the item whose content fits in that, hyphenated or not
    /// (<paramref name="itemRetry"/>); when there is none, the line ends where it would have before the item
    /// (<paramref name="itemBefore"/>). A <paramref name="fit"/> not <paramref name="fitInItem"/> was settled into
    /// <paramref name="itemBefore"/> when the walk left its item. False when nothing fits.
    /// </summary>
    private static bool TryBreakAtCandidate(
        in Candidate fit, in Candidate itemRetry, in Candidate itemBefore, bool fitInItem, LayoutCursor start, out LayoutLineRange line)
    {
        if (fitInItem && fit.FitsWithHyphen)
        {
            line = fit.ToLine(start);
            return true;
        }

        if (fitInItem && itemRetry.IsSet)
        {
            line = itemRetry.ToLine(start);
            return true;
        }

        if (itemBefore.IsSet)
        {
            line = itemBefore.ToLine(start);
            return true;
        }

        line = default;
        return false;
    }

    /// <summary>
    /// overflow-wrap: break-word when no opportunity on the line fits: Blink's LineBreaker::HandleOverflow rewinds the
    /// line and breaks it again with LineBreakType::kBreakCharacter, where every grapheme cluster boundary is an
    /// opportunity (a boundary right after a soft hyphen draws the hyphen). The same fitting rules apply, the
    /// hyphen retry included; when not even the first cluster fits, it stays on the line and overflows.
    /// <paramref name="startGain"/>: what the line start gains when it is inside a word and reshaped (PreparedText.GraphemeStartAdjustment).
    /// </summary>
    private static LayoutLineRange BreakAnywhere(PreparedText p, LayoutCursor start, int startUnit, long startGain, double maxWidth)
    {
        SegmentFlags[] flags = p._flags;
        int count = flags.Length;
        var pen = new Pen(AvailableLayoutUnits(maxWidth)).Advance(startGain); // what the line start gains reshaped (a bracket, a sign inside a word)

        Pen contentEnd = pen;
        var fit = Candidate.None;
        var itemRetry = Candidate.None;
        var itemBefore = Candidate.None;
        var firstBreak = Candidate.None;
        bool fitInItem = false;
        int hyphenWidth = p.HyphenWidth(start.SegmentIndex);
        LayoutLineRange line;

        bool laterItem = false;
        for (int i = start.SegmentIndex; i < count; i++)
        {
            if ((flags[i] & SegmentFlags.ItemStart) != 0 && i != start.SegmentIndex)
            {
                pen = pen.NextItem();
                laterItem = true;
                EnterItem(fit, ref itemRetry, ref itemBefore, ref fitInItem);
                hyphenWidth = p.HyphenWidth(i);
            }

            switch (flags[i].Kind())
            {
                case SegmentKind.HardBreak:
                    return Line(contentEnd, start, new LayoutCursor(i + 1, 0), false);

                case SegmentKind.Text:
                    int offset = i == start.SegmentIndex ? startUnit : p._segmentStarts[i];
                    int grapheme = i == start.SegmentIndex ? start.GraphemeIndex : 0;
                    int end = p._segmentStarts[i + 1];
                    while (offset < end)
                    {
                        int next = p.NextGraphemeStart(offset, end);
                        Pen after = pen.Advance(p.SumAdvances(offset, next));
                        if (!after.Fits)
                        {
                            long trim = next == end ? p.EndAdjustment(i) : p.GraphemeEndTrim(offset);
                            if (trim < 0 && FitsTrimmed(p, pen, RunStartPosition(p, start.SegmentIndex, startUnit, laterItem), i, next, trim))
                            {
                                // Every cluster boundary is an opportunity now, so the HanKerning extension of the
                                // candidate break applies before hanging spaces too, and inside a word (`shouldn’|t`).
                                return Line(after.Advance(trim), start, next == end ? EndAfterTrailingSpaces(p, i) : new LayoutCursor(i, grapheme + 1), false);
                            }

                            if (TryBreakAtCandidate(fit, itemRetry, itemBefore, fitInItem, start, out line))
                            {
                                return line;
                            }

                            if (firstBreak.IsSet)
                            {
                                return firstBreak.ToLine(start);
                            }

                            // Not even one cluster fits: it stays and overflows, with any spaces after it.
                            return Line(after, start, next == end ? EndAfterTrailingSpaces(p, i) : new LayoutCursor(i, grapheme + 1), false);
                        }

                        long gain = p.GraphemeEndAdjustment(offset);
                        pen = after;
                        contentEnd = pen;
                        offset = next;
                        grapheme++;
                        if (next < end)
                        {
                            // ShapeLine reshapes a line end that is not safe to break: the last grapheme as shaped alone
                            // (a kerned pair split by the break loses its kerning) must fit too. (Measured exactly here:
                            // FitsReshaped's LayoutUnit positions, tried for these break-anywhere ends, moved
                            // 4242-sweep-101-url-s12-w48 of a seed-4242 sweep and fixed nothing.)
                            Pen reshaped = pen.Advance(gain);
                            if (gain == 0 || reshaped.Fits)
                            {
                                Remember(new Candidate(new LayoutCursor(i, grapheme), reshaped, false, hyphenWidth), ref fit, ref itemRetry, ref firstBreak, ref fitInItem);
                            }
                        }
                        else if (i + 1 >= count || flags[i + 1].Kind() != SegmentKind.Space)
                        {
                            // The segment's end; before spaces the opportunity is after them (they hang).
                            bool hyphen = (flags[i] & SegmentFlags.SoftHyphen) != 0;
                            long reshape = Math.Max(0, p.EndAdjustment(i)); // an unsafe boundary to the next text segment
                            Pen reshaped = pen.Advance(reshape);
                            if (reshape == 0 || FitsReshaped(p, pen, RunStartPosition(p, start.SegmentIndex, startUnit, laterItem), i, reshape))
                            {
                                Remember(new Candidate(new LayoutCursor(i + 1, 0), reshaped, hyphen, hyphenWidth), ref fit, ref itemRetry, ref firstBreak, ref fitInItem);
                            }
                        }
                    }

                    break;

                case SegmentKind.Tab:
                    pen = pen.NextItem();
                    pen = pen.AddLayoutUnits(TabAdvance(p, pen.LayoutUnits));
                    Remember(new Candidate(new LayoutCursor(i + 1, 0), contentEnd, false, hyphenWidth), ref fit, ref itemRetry, ref firstBreak, ref fitInItem);
                    break;

                default: // Space: hangs
                    pen = pen.Advance(p.Width(i));
                    if ((i + 1 >= count || flags[i + 1].Kind() != SegmentKind.Space)
                        && (p._endAdjustments.Length == 0 || FitsBeforeSpaces(p, contentEnd, start.SegmentIndex, startUnit, laterItem, i)))
                    {
                        Remember(new Candidate(EndAfter(p, i), contentEnd, false, hyphenWidth), ref fit, ref itemRetry, ref firstBreak, ref fitInItem);
                    }

                    break;
            }
        }

        return Line(contentEnd, start, new LayoutCursor(count, 0), false);
    }

    /// <summary>The cursor after text segment <paramref name="segment"/> and the spaces that follow it (they hang at the line end).</summary>
    private static LayoutCursor EndAfterTrailingSpaces(PreparedText p, int segment)
    {
        int last = segment;
        while ((p._flags[last] & SegmentFlags.BreakAfter) == 0 && last + 1 < p._flags.Length && p._flags[last + 1].Kind() == SegmentKind.Space)
        {
            last++;
        }

        return EndAfter(p, last);
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

        /// <summary>LayoutUnits left before the available width is reached (for capping sums).</summary>
        public long RemainingLayoutUnits => Math.Max(0, _available - _committed - (_run >> 10));

        /// <summary>The pen position in LayoutUnits (for tab stops and reported widths).</summary>
        public long LayoutUnits => _committed + PreparedText.CeilToLayoutUnits(_run);

        public bool Fits
        {
            [MethodImpl(MethodImplOptions.AggressiveInlining)]
            get => _committed + FitUnits(_run) <= _available;
        }

        /// <summary>Whether the pen fits in the available width less <paramref name="reserved"/> LayoutUnits.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public bool FitsWithin(long reserved) => _committed + FitUnits(_run) <= _available - reserved;

        /// <summary>LayoutUnits of earlier items (and tabs) on the line.</summary>
        public long CommittedUnits => _committed;

        /// <summary>The available width in LayoutUnits.</summary>
        public long AvailableUnits => _available;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public Pen Advance(long fixedWidth) => new(_available, _committed, _run + fixedWidth);

        public Pen AddLayoutUnits(long layoutUnits) => new(_available, _committed + layoutUnits, _run);

        public Pen AddHyphen(int hyphenLayoutUnits) => new(_available, LayoutUnits + hyphenLayoutUnits, 0);

        public Pen NextItem() => _run == 0 ? this : new(_available, LayoutUnits, 0);

        /// <summary>
        /// A 16.16 distance as the LayoutUnits compared with the available width: the text fits when it is at most the
        /// available width plus LayoutUnit's epsilon (LineBreaker::AvailableWidthToFit), that is when
        /// floor((distance - 1) / 1024) &lt;= available.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static long FitUnits(long fixedPoint) => (fixedPoint - 1) >> 10;
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
            SegmentFlags[] flags = p._flags;
            while (next < flags.Length && flags[next].Kind() == SegmentKind.Space)
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

        // Blink's Font::TabWidth: the stops are tab-size spaces apart with letter spacing, but the smallest tab is half
        // the font's own space, without it (sweep-003: `he is\t` at 31.15px with 1px spacing tabs to 32.96px, 1.81px on,
        // which is more than half of the 3.12px space though less than half of 4.12).
        double x = PreparedText.ToPixels(position);
        double advance = tabWidth - (x % tabWidth);
        if (advance < (p._spaceWidth - p.Options.LetterSpacing) / 2)
        {
            advance += tabWidth;
        }

        return (long)Math.Ceiling(advance * PreparedText.LayoutUnitsPerPixel);
    }

    /// <summary>CSS tab-size initial value.</summary>
    internal const int TabSizeInSpaces = 8;
}
