// Stage: Layout, the line-count path. Input: a PreparedText's segment widths and its piece table. Output: the
// number of lines at one width (TextLayout.Layout), with the same breaks as LineWalker.NextLine.
// A piece is the text between two break opportunities: its content (one Text segment) and the spaces that hang
// after it. Because widths are exact 16.16 integers, with T the width of the text before a point, "the content of
// piece j fits a line starting at piece k" is T[contentEnd(j)] - T[start(k)] <= (available + 1) * 1024, the same test as
// LineWalker.Pen's floor((T[e] - T[s] - 1) / 1024) <= available, so a line is a run of one load and one compare per
// piece, and a new line only moves the base. Pieces that need more (a shaping-item change inside the line, a
// line-end trim or reshape gain, a forced break, a soft hyphen) carry the sign bit and go through FitSpecialPiece,
// which applies LineWalker's rules segment by segment. A line on which nothing fits (overflow-wrap, overflow), that
// would end with a hyphen or after a reshape gain, or whose end a trimmed punctuation may decide, is laid out by
// LineWalker. Texts with tabs get no table (LineWalker only). Proven equal to LineWalker.NextLineGeneral by
// LayoutPropertyTests.LineCounterAgreesWithTheGeneralWalker.

using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Foretext.Layout;

internal static class LineCounter
{
    private const int Special = int.MinValue;

    /// <summary>Receives each line's start; Layout passes a sink that does nothing, the property test one that records.</summary>
    internal interface ILineStartSink
    {
        void OnLineStart(LayoutCursor start);
    }

    internal struct NoSink : ILineStartSink
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public readonly void OnLineStart(LayoutCursor start)
        {
        }
    }

    /// <summary>
    /// The piece table of a prepared text: the first segment of each piece, with the sign bit on pieces that need the
    /// per-segment rules and a sentinel (the segment count, signed) last; T at the end of each plain piece's content;
    /// and T at the start of each special piece. Nulls when the text has a tab or a soft hyphen (their widths depend
    /// on the line), or white space that starts a piece in mid-paragraph.
    /// </summary>
    internal static (int[]? Starts, long[]? Ends, int[]? ContentWidths, int[]? Specials, long[]? SpecialStarts) BuildPieces(PreparedText p)
    {
        SegmentFlags[] flags = p._flags;
        int count = flags.Length;
        var pieces = new List<int>(count / 2 + 1);
        int start = 0;
        while (start < count)
        {
            int end = start;
            while (end + 1 < count && (flags[end] & SegmentFlags.BreakAfter) == 0)
            {
                end++;
            }

            // A paragraph start (the text start, or after a forced break) always starts a line, so a shaping item
            // that starts there costs nothing, and white space there is checked as if it were content: stricter
            // than LineWalker (hanging spaces never overflow), which only sends such a line to LineWalker.
            bool paragraphStart = start == 0 || flags[start - 1].Kind() == SegmentKind.HardBreak;
            if (flags[start].Kind() != SegmentKind.Text && !paragraphStart)
            {
                return (null, null, null, null, null);
            }

            bool special = false;
            int texts = 0;
            for (int s = start; s <= end; s++)
            {
                SegmentFlags f = flags[s];
                if (f.Kind() == SegmentKind.Tab)
                {
                    return (null, null, null, null, null);
                }

                if (flags[s].Kind() == SegmentKind.Text)
                {
                    texts++;
                    special |= p.EndAdjustment(s) != 0 || s != start;
                }

                // A space with a reshape gain (the text before it kerned with it): the walker decides a line ending there.
                special |= flags[s].Kind() == SegmentKind.HardBreak || ((f & SegmentFlags.ItemStart) != 0 && !(s == start && paragraphStart))
                    || (f.Kind() == SegmentKind.Space && p.EndAdjustment(s) != 0);
            }

            // A plain piece starts a line with nothing added; a piece that ends with a soft hyphen may end a line with
            // a hyphen, whose rules (LineWalker.TryBreakAtCandidate) LineWalker applies to that line.
            special |= texts > 1 || p.StartAdjustment(start) != 0 || (flags[end] & SegmentFlags.SoftHyphen) != 0;
            pieces.Add(special ? start | Special : start);
            start = end + 1;
        }

        pieces.Add(count | Special);
        var ends = new long[pieces.Count];
        var contentWidths = new int[pieces.Count];
        var specials = new List<int>();
        var specialStarts = new List<long>();
        long before = 0; // T at the start of piece j
        for (int j = 0; j < ends.Length; j++)
        {
            // A special piece or the sentinel never fits the scan, so the scan stops there and looks closer.
            int first = pieces[j] & int.MaxValue;
            if (pieces[j] < 0)
            {
                ends[j] = long.MaxValue;
                specials.Add(j);
                specialStarts.Add(before);
            }
            else
            {
                long width = p.Width(first);
                if (width is > int.MaxValue or < int.MinValue)
                {
                    return (null, null, null, null, null);
                }

                ends[j] = before + width;
                contentWidths[j] = (int)width;
            }

            int next = j + 1 < pieces.Count ? pieces[j + 1] & int.MaxValue : count;
            for (int s = first; s < next; s++)
            {
                before += p.Width(s);
            }
        }

        return (pieces.ToArray(), ends, contentWidths, specials.ToArray(), specialStarts.ToArray());
    }

    /// <summary>
    /// T at the start of piece <paramref name="piece"/>. <paramref name="special"/> is an index into the special
    /// pieces near this one's: the callers ask for pieces mostly in order (back only to the start of a line that
    /// LineWalker lays out again), so finding a special one is amortised O(1).
    /// </summary>
    private static long PieceStart(PreparedText p, int piece, ref int special)
    {
        int first = p._pieces![piece];
        if (first >= 0)
        {
            return p._pieceEnds![piece] - p._pieceContentWidths![piece];
        }

        int[] specials = p._specialPieces!;
        while (specials[special] < piece)
        {
            special++;
        }

        while (specials[special] > piece)
        {
            special--;
        }

        return p._specialPieceStarts![special];
    }

    /// <summary>Number of lines at <paramref name="maxWidth"/>; <see cref="PreparedText._pieces"/> must be set.</summary>
    internal static int CountLines<TSink>(PreparedText p, double maxWidth, ref TSink sink)
        where TSink : struct, ILineStartSink
    {
        int[] pieces = p._pieces!;
        int n = pieces.Length - 1;
        if (n == 0)
        {
            return 0;
        }

        ref long endRef = ref MemoryMarshal.GetArrayDataReference(p._pieceEnds!);
        ref int widthRef = ref MemoryMarshal.GetArrayDataReference(p._pieceContentWidths!);
        long available = LineWalker.AvailableLayoutUnits(maxWidth);
        long span = Room(available); // what a line that starts at a plain piece may hold, 16.16

        // The pen: the line started at piece lineStart; lineBase and committed are LineWalker.Pen's state, kept up
        // to date only when a special piece needs them (baseOf says for which line start they are).
        int lines = 1;
        int lineStart = 0;
        int baseOf = 0;
        int first = 0; // piece 0 starts at segment 0, with nothing before it
        sink.OnLineStart(new LayoutCursor(first, 0));
        int special = 0;
        // The last piece that fitted and whose end is a candidate only by LineWalker's rules: a soft hyphen (the hyphen
        // retry looks back over the line) or a reshape gain (the end counts only if the reshaped line fits).
        int askPiece = -1;
        long lineBase = -p.StartAdjustment(first);
        long committed = 0;
        long limit = lineBase + span;
        int j = 0;
        while (true)
        {
            // Pieces lineStart..j-1 fit. Special pieces and the sentinel end at long.MaxValue, above any limit, so
            // this loop stops by itself (no bounds checks needed).
            while (Unsafe.Add(ref endRef, j) < limit)
            {
                j++;
            }

            long end = Unsafe.Add(ref endRef, j);
            if (end != long.MaxValue)
            {
                // A plain piece that does not fit starts the next line (plain pieces have no line-start gain).
                int contentWidth = Unsafe.Add(ref widthRef, j);
                int fallFrom; // the segment LineWalker takes over from
                if (j == lineStart)
                {
                    fallFrom = pieces[j]; // nothing fits on the line (overflow-wrap, or overflow)
                }
                else if (j - 1 == askPiece)
                {
                    fallFrom = pieces[lineStart] & int.MaxValue; // the line would end where the walker's candidate rules decide
                }
                else
                {
                    lines++;
                    if (typeof(TSink) != typeof(NoSink))
                    {
                        sink.OnLineStart(new LayoutCursor(pieces[j], 0));
                    }

                    lineStart = j;
                    limit = end - contentWidth + span;
                    if (contentWidth < span)
                    {
                        j++;
                        continue;
                    }

                    fallFrom = pieces[j];
                }

                j = FallBack(p, fallFrom, maxWidth, ref lines, ref sink);
                if (j == n)
                {
                    return lines;
                }
            }
            else
            {
                if (j == n)
                {
                    return lines;
                }

                first = pieces[lineStart] & int.MaxValue;
                if (baseOf != lineStart)
                {
                    baseOf = lineStart;
                    lineBase = PieceStart(p, lineStart, ref special); // a plain piece: the scan started this line
                    committed = 0;
                }

                Fit fit = FitSpecialPiece(p, j, PieceStart(p, j, ref special), first, ref lineBase, ref committed, ref limit, available);
                if (fit == Fit.Fits)
                {
                    int last = (pieces[j + 1] & int.MaxValue) - 1;
                    if ((p._flags[last] & SegmentFlags.SoftHyphen) != 0 || p.EndAdjustment(last) > 0)
                    {
                        askPiece = j;
                    }

                    j++;
                    continue;
                }

                if (fit == Fit.EndsAfter)
                {
                    j++;
                    if (j == n)
                    {
                        return lines;
                    }
                }
                else if (j == lineStart || j - 1 == askPiece || fit == Fit.AskWalker)
                {
                    // Nothing fits on the line, it would end where the walker's candidate rules decide, or at a
                    // trimmed punctuation: LineWalker lays it out.
                    j = FallBack(p, first, maxWidth, ref lines, ref sink);
                    if (j == n)
                    {
                        return lines;
                    }
                }
            }

            // A new line starts at piece j, from scratch.
            lines++;
            lineStart = j;
            baseOf = j;
            first = pieces[j] & int.MaxValue;
            sink.OnLineStart(new LayoutCursor(first, 0));
            lineBase = PieceStart(p, j, ref special) - p.StartAdjustment(first);
            committed = 0;
            limit = lineBase + span;
        }
    }

    private enum Fit
    {
        Fits,
        EndsBefore, // the piece does not fit: the line ends before it
        EndsAfter, // the line ends right after the piece (a forced break)
        AskWalker, // the piece does not fit whole but may fit trimmed: LineWalker lays the line out
    }

    /// <summary>
    /// A piece with LineWalker.NextLineGeneral's rules for it: a new shaping item commits the run so far at its
    /// snapped width (Pen.NextItem), a Text segment must fit, and may fit with its line-end trim when a break follows
    /// it directly; a forced break ends the line.
    /// </summary>
    private static Fit FitSpecialPiece(PreparedText p, int piece, long pieceStart, int lineFirst, ref long lineBase, ref long committed, ref long limit, long available)
    {
        int from = p._pieces![piece] & int.MaxValue;
        int to = p._pieces[piece + 1] & int.MaxValue;
        long at = pieceStart; // T at segment s
        for (int s = from; s < to; s++)
        {
            SegmentFlags flags = p._flags[s];
            if ((flags & SegmentFlags.ItemStart) != 0 && s != lineFirst)
            {
                long run = at - lineBase;
                if (run != 0)
                {
                    committed += PreparedText.CeilToLayoutUnits(run);
                    lineBase = at;
                    limit = Limit(lineBase, available, committed);
                }
            }

            at += p.Width(s);
            switch (p._flags[s].Kind())
            {
                case SegmentKind.HardBreak:
                    return Fit.EndsAfter;

                case SegmentKind.Text:
                    if (at < limit)
                    {
                        break;
                    }

                    // A closing punctuation that may still fit trimmed: LineWalker's FitsTrimmed decides the line.
                    return p.EndAdjustment(s) < 0 && (flags & SegmentFlags.BreakAfter) != 0 ? Fit.AskWalker : Fit.EndsBefore;
            }
        }

        return Fit.Fits;
    }

    /// <summary>
    /// Lays out lines with LineWalker from segment <paramref name="first"/> until one starts at a piece again; returns
    /// that piece (or the piece count at the end). The first line was already counted.
    /// </summary>
    private static int FallBack<TSink>(PreparedText p, int first, double maxWidth, ref int lines, ref TSink sink)
        where TSink : struct, ILineStartSink
    {
        int[] pieces = p._pieces!;
        int n = pieces.Length - 1;
        LineWalker.NextLine(p, new LayoutCursor(first, 0), maxWidth, out LayoutLineRange line);
        LayoutCursor cursor = line.End;
        while (true)
        {
            if (cursor.SegmentIndex >= p._flags.Length)
            {
                return n;
            }

            if (cursor.GraphemeIndex == 0)
            {
                int piece = FindPiece(pieces, n, cursor.SegmentIndex);
                if (piece >= 0)
                {
                    return piece;
                }
            }

            lines++;
            sink.OnLineStart(cursor);
            LineWalker.NextLine(p, cursor, maxWidth, out line);
            cursor = line.End;
        }
    }

    /// <summary>The piece starting at <paramref name="segment"/>, or -1 when the segment is inside a piece.</summary>
    private static int FindPiece(int[] pieces, int n, int segment)
    {
        int low = 0;
        int high = n - 1;
        while (low <= high)
        {
            int middle = (low + high) >> 1;
            int start = pieces[middle] & int.MaxValue;
            if (start == segment)
            {
                return middle;
            }

            if (start < segment)
            {
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }

        return -1;
    }

    /// <summary>
    /// The exclusive 16.16 prefix bound for content on the current run: floor((x - base) / 1024) + committed &lt;=
    /// available holds exactly when x &lt; base + (available - committed + 1) * 1024.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static long Limit(long lineBase, long available, long committed) => lineBase + Room(available - committed);

    /// <summary>
    /// (available + 1) * 1024 + 1, so that "end &lt; base + room" is "width &lt;= available plus LayoutUnit's epsilon";
    /// capped at 2^60 for unbounded widths: no text reaches that (64 Mi units of at most 2^31 each is 2^57), so the
    /// cap changes no answer and keeps base + room from overflowing.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static long Room(long available) => (Math.Min(available + 1, 1L << 50) << 10) + 1;
}
