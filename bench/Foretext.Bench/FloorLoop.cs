// The floor: the least work any layout can do on prepared text. Per text, an array of segment widths (px) and
// whether a break may follow each; one greedy pass that only adds and compares. No hanging spaces, no
// grapheme breaking, no LayoutUnits: whatever the real walker costs beyond this is the price of being exact.

using Foretext.Layout;

namespace Foretext.Bench;

internal static class FloorLoop
{
    public static (double[] Widths, bool[] BreakAfter) Arrays(PreparedTextWithSegments prepared)
    {
        var widths = new double[prepared.SegmentCount];
        var breakAfter = new bool[prepared.SegmentCount];
        for (int i = 0; i < widths.Length; i++)
        {
            widths[i] = prepared.Widths[i];

            // Segments end at break opportunities (and, rarely, at a shaping-item edge with none): a break may
            // follow white space, or a text segment that another text segment follows (CJK, after hyphens).
            breakAfter[i] = prepared.Kinds[i] != SegmentKind.Text || i == widths.Length - 1 || prepared.Kinds[i + 1] == SegmentKind.Text;
        }

        return (widths, breakAfter);
    }

    public static int CountLines(double[] widths, bool[] breakAfter, double maxWidth)
    {
        int lines = 0;
        double line = 0;
        double atBreak = 0;
        for (int i = 0; i < widths.Length; i++)
        {
            line += widths[i];
            if (line > maxWidth && atBreak > 0)
            {
                lines++;
                line -= atBreak;
                atBreak = 0;
            }

            if (breakAfter[i])
            {
                atBreak = line;
            }
        }

        return lines + 1;
    }
}
