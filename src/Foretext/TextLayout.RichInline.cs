// The layout half of Pretext's rich-inline API for a PreparedRichInline: layout, walk line ranges, layout the next
// line range (a different width per line), materialize a range into per-item fragments, and stats. Every call lays
// out the paragraph's PreparedText with LineWalker.NextLine, as the plain-text overloads do.

using Foretext.Layout;

namespace Foretext;

public static partial class TextLayout
{
    /// <summary>Line count and height of a rich inline paragraph in a box <paramref name="maxWidth"/> px wide. Allocates nothing.</summary>
    /// <param name="prepared">A paragraph from <see cref="TextLayoutEngine.PrepareRichInline"/>.</param>
    /// <param name="maxWidth">Content-box width in CSS px; <see cref="double.PositiveInfinity"/> for no wrapping.</param>
    /// <param name="lineHeight">Line height in CSS px.</param>
    /// <exception cref="ArgumentNullException"><paramref name="prepared"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A width or line height is NaN or negative, or the line height is infinite.</exception>
    public static LayoutResult LayoutRichInline(PreparedRichInline prepared, double maxWidth, double lineHeight)
    {
        ArgumentNullException.ThrowIfNull(prepared);
        return Layout(prepared._flow, maxWidth, lineHeight);
    }

    /// <summary>Every line of a rich inline paragraph, cut into the fragments of the items it holds.</summary>
    /// <inheritdoc cref="LayoutRichInline(PreparedRichInline, double, double)" path="/param"/>
    /// <inheritdoc cref="LayoutRichInline(PreparedRichInline, double, double)" path="/exception"/>
    /// <example>
    /// <code>
    /// PreparedRichInline prepared = engine.PrepareRichInline(items);
    /// foreach (RichInlineLine line in TextLayout.LayoutRichInlineWithLines(prepared, maxWidth: 240))
    /// {
    ///     foreach (RichInlineFragment f in line.Fragments)
    ///     {
    ///         Console.WriteLine($"item {f.ItemIndex} [{f.SourceStart}, {f.SourceEnd}) at x={f.X} w={f.Width}: {f.Text}");
    ///     }
    /// }
    /// </code>
    /// </example>
    public static IReadOnlyList<RichInlineLine> LayoutRichInlineWithLines(PreparedRichInline prepared, double maxWidth)
    {
        ArgumentNullException.ThrowIfNull(prepared);
        ValidateWidth(maxWidth);
        var lines = new List<RichInlineLine>();
        LayoutCursor cursor = default;
        while (LineWalker.NextLine(prepared._flow, cursor, maxWidth, out LayoutLineRange range))
        {
            lines.Add(prepared.Materialize(range));
            cursor = range.End;
        }

        return lines;
    }

    /// <summary>Calls <paramref name="onLine"/> for every line range, without building fragments; returns the line count.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxWidth"/> is NaN or negative.</exception>
    public static int WalkRichInlineLineRanges(PreparedRichInline prepared, double maxWidth, Action<LayoutLineRange> onLine)
    {
        ArgumentNullException.ThrowIfNull(prepared);
        return WalkLineRanges(prepared._flow, maxWidth, onLine);
    }

    /// <summary>Calls <paramref name="visitor"/> for every line range; returns the line count. Allocates nothing.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="prepared"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxWidth"/> is NaN or negative.</exception>
    public static int WalkRichInlineLineRanges<TVisitor>(PreparedRichInline prepared, double maxWidth, ref TVisitor visitor)
        where TVisitor : struct, ILineRangeVisitor
    {
        ArgumentNullException.ThrowIfNull(prepared);
        return WalkLineRanges(prepared._flow, maxWidth, ref visitor);
    }

    /// <summary>Line count and widest line of a rich inline paragraph at <paramref name="maxWidth"/>. Allocates nothing.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="prepared"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxWidth"/> is NaN or negative.</exception>
    public static LineStats MeasureRichInlineStats(PreparedRichInline prepared, double maxWidth)
    {
        ArgumentNullException.ThrowIfNull(prepared);
        return MeasureLineStats(prepared._flow, maxWidth);
    }

    /// <summary>
    /// The line range starting at <paramref name="start"/> in a box <paramref name="maxWidth"/> px wide, or false at the
    /// end of the paragraph. Each call may use a different width (text flowing around a shape). Allocates nothing.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="prepared"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxWidth"/> is NaN or negative, or the cursor is outside the paragraph.</exception>
    /// <example>
    /// <code>
    /// LayoutCursor cursor = LayoutCursor.Start;
    /// double[] widths = [120, 120, 300];                     // narrower beside a floated image
    /// for (int i = 0; TextLayout.TryLayoutNextRichInlineLineRange(prepared, cursor, widths[Math.Min(i, 2)], out LayoutLineRange range); i++)
    /// {
    ///     RichInlineLine line = TextLayout.MaterializeRichInlineLineRange(prepared, range);
    ///     cursor = range.End;
    /// }
    /// </code>
    /// </example>
    public static bool TryLayoutNextRichInlineLineRange(PreparedRichInline prepared, LayoutCursor start, double maxWidth, out LayoutLineRange range)
    {
        ArgumentNullException.ThrowIfNull(prepared);
        return TryLayoutNextLineRange(prepared._flow, start, maxWidth, out range);
    }

    /// <summary>The line starting at <paramref name="start"/> cut into fragments, or null at the end of the paragraph.</summary>
    /// <inheritdoc cref="TryLayoutNextRichInlineLineRange(PreparedRichInline, LayoutCursor, double, out LayoutLineRange)" path="/exception"/>
    public static RichInlineLine? LayoutNextRichInlineLine(PreparedRichInline prepared, LayoutCursor start, double maxWidth)
        => TryLayoutNextRichInlineLineRange(prepared, start, maxWidth, out LayoutLineRange range) ? prepared.Materialize(range) : null;

    /// <summary>The fragments (item, offsets in its text, x, width, text) of a line range of this paragraph.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="prepared"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The range's cursors are outside the paragraph.</exception>
    public static RichInlineLine MaterializeRichInlineLineRange(PreparedRichInline prepared, LayoutLineRange range)
    {
        ArgumentNullException.ThrowIfNull(prepared);
        return prepared.Materialize(range);
    }
}
