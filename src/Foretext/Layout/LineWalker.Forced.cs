// Stage: Layout, the line walker: a line whose end is already chosen (text-wrap: pretty and balance choose ends
// among the break opportunities; see ScoreLineBreaker). Measured with the same pen as a line the walker ends itself,
// so a chosen line is as wide as the greedy walker would report it.

namespace Foretext.Layout;

internal static partial class LineWalker
{
    /// <summary>
    /// The line from <paramref name="start"/> through segment <paramref name="lastSegment"/>, ending at
    /// <paramref name="end"/>; <paramref name="hyphen"/> when it ends at a soft hyphen that draws a hyphen.
    /// </summary>
    internal static LayoutLineRange LineThrough(PreparedText p, LayoutCursor start, int lastSegment, LayoutCursor end, bool hyphen)
    {
        SegmentFlags[] flags = p._flags;
        int first = start.SegmentIndex;
        var pen = new Pen(AvailableLayoutUnits(double.PositiveInfinity));
        if (start.GraphemeIndex == 0)
        {
            pen = pen.Advance(p.StartAdjustment(first));
        }

        Pen contentEnd = pen;
        for (int i = first; i <= lastSegment && i < flags.Length; i++)
        {
            if ((flags[i] & SegmentFlags.ItemStart) != 0 && i != first)
            {
                pen = pen.NextItem();
            }

            switch (flags[i].Kind())
            {
                case SegmentKind.Text:
                    long width = i == first && start.GraphemeIndex != 0
                        ? p.SumAdvancesCapped(p.GraphemeOffset(first, start.GraphemeIndex), p._segmentStarts[i + 1], long.MaxValue)
                        : p.Width(i);
                    pen = pen.Advance(width);
                    contentEnd = pen;
                    break;
                case SegmentKind.Tab:
                    pen = pen.NextItem();
                    pen = pen.AddLayoutUnits(TabAdvance(p, pen.LayoutUnits));
                    break;
                case SegmentKind.Space:
                    pen = pen.Advance(p.Width(i));
                    break;
                default:
                    break; // a forced break ends the line without width
            }
        }

        return Line(hyphen ? contentEnd.AddHyphen(p.HyphenWidth(lastSegment)) : contentEnd, start, end, hyphen);
    }

    /// <summary>The cursor after an opportunity at the end of <paramref name="segment"/> (collapsible spaces skipped).</summary>
    internal static LayoutCursor CursorAfter(PreparedText p, int segment) => EndAfter(p, segment);
}
