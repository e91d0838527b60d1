// The layout half of the public API (Pretext's layout, layoutWithLines, walkLineRanges, measureLineStats,
// measureNaturalWidth, layoutNextLine, layoutNextLineRange, materializeLineRange). Pure arithmetic over a
// PreparedText: every call goes through LineWalker.NextLine, so they always agree with each other, except Layout,
// which counts lines with LineCounter's piece table when the text has one (proven to give LineWalker's line
// starts by LayoutPropertyTests.LineCounterAgreesWithTheGeneralWalker, and checked on every parity case).

using Foretext.Layout;

namespace Foretext;

/// <summary>Lays out prepared text at any width. Every method is thread-safe and never touches a font.</summary>
public static partial class TextLayout
{
    /// <summary>Line count and height of <paramref name="prepared"/> in a box <paramref name="maxWidth"/> px wide. Allocates nothing.</summary>
    /// <param name="prepared">Text from <see cref="TextLayoutEngine.Prepare"/>.</param>
    /// <param name="maxWidth">Content-box width in CSS px; <see cref="double.PositiveInfinity"/> for no wrapping.</param>
    /// <param name="lineHeight">Line height in CSS px.</param>
    /// <exception cref="ArgumentNullException"><paramref name="prepared"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A width or line height is NaN or negative, or the line height is infinite.</exception>
    public static LayoutResult Layout(PreparedText prepared, double maxWidth, double lineHeight)
    {
        ArgumentNullException.ThrowIfNull(prepared);
        ValidateWidth(maxWidth);
        ValidateLineHeight(lineHeight);
        int lines;
        if (prepared._pieces is not null)
        {
            var sink = default(LineCounter.NoSink);
            lines = LineCounter.CountLines(prepared, maxWidth, ref sink);
        }
        else
        {
            lines = 0;
            LayoutCursor cursor = default;
            while (LineWalker.NextLine(prepared, cursor, maxWidth, out LayoutLineRange line))
            {
                lines++;
                cursor = line.End;
            }
        }

        return new LayoutResult(lines, lines * lineHeight);
    }

    /// <summary>Every line with its text, width and offsets.</summary>
    /// <inheritdoc cref="Layout" path="/param"/>
    /// <inheritdoc cref="Layout" path="/exception"/>
    public static LayoutLinesResult LayoutWithLines(PreparedText prepared, double maxWidth, double lineHeight)
    {
        ArgumentNullException.ThrowIfNull(prepared);
        ValidateWidth(maxWidth);
        ValidateLineHeight(lineHeight);
        var lines = new List<LayoutLine>();
        LayoutCursor cursor = default;
        while (LineWalker.NextLine(prepared, cursor, maxWidth, out LayoutLineRange range))
        {
            lines.Add(MaterializeLineRange(prepared, range));
            cursor = range.End;
        }

        return new LayoutLinesResult(lines.Count, lines.Count * lineHeight, lines);
    }

    /// <summary>Calls <paramref name="visitor"/> for every line, without building strings; returns the line count. Allocates nothing.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="prepared"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxWidth"/> is NaN or negative.</exception>
    public static int WalkLineRanges<TVisitor>(PreparedText prepared, double maxWidth, ref TVisitor visitor)
        where TVisitor : struct, ILineRangeVisitor
    {
        ArgumentNullException.ThrowIfNull(prepared);
        ValidateWidth(maxWidth);
        int lines = 0;
        LayoutCursor cursor = default;
        while (LineWalker.NextLine(prepared, cursor, maxWidth, out LayoutLineRange line))
        {
            visitor.OnLine(line);
            lines++;
            cursor = line.End;
        }

        return lines;
    }

    /// <summary>Calls <paramref name="onLine"/> for every line; returns the line count.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxWidth"/> is NaN or negative.</exception>
    public static int WalkLineRanges(PreparedText prepared, double maxWidth, Action<LayoutLineRange> onLine)
    {
        ArgumentNullException.ThrowIfNull(onLine);
        var visitor = new DelegateVisitor(onLine);
        return WalkLineRanges(prepared, maxWidth, ref visitor);
    }

    /// <summary>Line count and widest line at <paramref name="maxWidth"/>. Allocates nothing.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="prepared"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxWidth"/> is NaN or negative.</exception>
    public static LineStats MeasureLineStats(PreparedText prepared, double maxWidth)
    {
        var visitor = new StatsVisitor();
        int lines = WalkLineRanges(prepared, maxWidth, ref visitor);
        return new LineStats(lines, visitor.MaxWidth);
    }

    /// <summary>Width of the widest line when nothing wraps (only forced breaks end lines): the shrink-to-fit width.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="prepared"/> is null.</exception>
    public static double MeasureNaturalWidth(PreparedText prepared) => MeasureLineStats(prepared, double.PositiveInfinity).MaxLineWidth;

    /// <summary>
    /// The line starting at <paramref name="start"/> in a box <paramref name="maxWidth"/> px wide, or null at the end of
    /// the text. Each call may use a different width (text flowing around a shape).
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="prepared"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxWidth"/> is NaN or negative, or the cursor is outside the text.</exception>
    public static LayoutLine? LayoutNextLine(PreparedText prepared, LayoutCursor start, double maxWidth)
        => TryLayoutNextLineRange(prepared, start, maxWidth, out LayoutLineRange range) ? MaterializeLineRange(prepared, range) : null;

    /// <summary>The line range starting at <paramref name="start"/>, or null at the end of the text.</summary>
    /// <inheritdoc cref="LayoutNextLine" path="/exception"/>
    public static LayoutLineRange? LayoutNextLineRange(PreparedText prepared, LayoutCursor start, double maxWidth)
        => TryLayoutNextLineRange(prepared, start, maxWidth, out LayoutLineRange range) ? range : null;

    /// <summary>Allocation-free form of <see cref="LayoutNextLineRange"/>.</summary>
    /// <inheritdoc cref="LayoutNextLine" path="/exception"/>
    public static bool TryLayoutNextLineRange(PreparedText prepared, LayoutCursor start, double maxWidth, out LayoutLineRange range)
    {
        ArgumentNullException.ThrowIfNull(prepared);
        ValidateWidth(maxWidth);
        prepared.GetTextOffset(start); // validates the cursor
        return LineWalker.NextLine(prepared, start, maxWidth, out range);
    }

    /// <summary>The text and source offsets of a line range from this prepared text.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="prepared"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The range's cursors are outside the text.</exception>
    public static LayoutLine MaterializeLineRange(PreparedText prepared, LayoutLineRange range)
    {
        ArgumentNullException.ThrowIfNull(prepared);
        int start = prepared.GetTextOffset(range.Start);
        int end = prepared.GetTextOffset(range.End);
        if (end < start)
        {
            throw new ArgumentOutOfRangeException(nameof(range), range, "The range ends before it starts.");
        }

        int visibleEnd = end;
        while (visibleEnd > start && prepared.TextAt(visibleEnd - 1) is ' ' or '\t' or '\n')
        {
            visibleEnd--;
        }

        string lineText = prepared.TextSlice(start, visibleEnd);
        if (range.EndsWithHyphen)
        {
            lineText = string.Concat(lineText.AsSpan(0, lineText.Length - 1), "-");
        }

        return new LayoutLine(lineText, range.Width, range.Start, range.End, prepared.NormToSource(start), prepared.NormToSource(end));
    }

    private static void ValidateWidth(double maxWidth)
    {
        if (double.IsNaN(maxWidth) || maxWidth < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(maxWidth), maxWidth, "The width must be a non-negative number of px (PositiveInfinity for no wrapping).");
        }
    }

    private static void ValidateLineHeight(double lineHeight)
    {
        if (!double.IsFinite(lineHeight) || lineHeight < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(lineHeight), lineHeight, "The line height must be a finite, non-negative number of px.");
        }
    }

    private readonly struct DelegateVisitor(Action<LayoutLineRange> onLine) : ILineRangeVisitor
    {
        public void OnLine(in LayoutLineRange line) => onLine(line);
    }

    private struct StatsVisitor : ILineRangeVisitor
    {
        public double MaxWidth;

        public void OnLine(in LayoutLineRange line)
        {
            if (line.Width > MaxWidth)
            {
                MaxWidth = line.Width;
            }
        }
    }
}
