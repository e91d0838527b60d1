// Layout: text-wrap: balance and text-wrap: pretty, as Chromium's ScoreLineBreaker chooses line ends
// (Layout/ScoreLineBreaker.cs). Both keep the greedy line count (Blink drops a result with another), so counts and
// heights are the greedy ones and only the ranges and line texts need the score pass.

using Foretext.Layout;

namespace Foretext;

public static partial class TextLayout
{
    /// <summary>Line count and height with CSS <c>text-wrap</c>. Allocates nothing.</summary>
    /// <param name="prepared">Text from <see cref="TextLayoutEngine.Prepare"/>.</param>
    /// <param name="maxWidth">Content-box width in CSS px; <see cref="double.PositiveInfinity"/> for no wrapping.</param>
    /// <param name="lineHeight">Line height in CSS px.</param>
    /// <param name="wrap">The <c>text-wrap</c> style.</param>
    /// <remarks>Balance and pretty move line ends but never change the line count (Chromium falls back to the greedy
    /// lines when its score pass finds another count), so the result is <see cref="Layout"/>'s for every style.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="prepared"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A width or line height is NaN or negative, or the line height is infinite.</exception>
    public static LayoutResult LayoutWrapped(PreparedText prepared, double maxWidth, double lineHeight, TextWrap wrap)
    {
        ArgumentNullException.ThrowIfNull(prepared);
        ValidateWidth(maxWidth);
        ValidateWrap(wrap);
        return Layout(prepared, maxWidth, lineHeight);
    }

    /// <summary>Every line with CSS <c>text-wrap</c>; widths are of the lines, the box stays <paramref name="maxWidth"/> wide.</summary>
    /// <inheritdoc cref="LayoutWrapped"/>
    public static LayoutLinesResult LayoutWithLinesWrapped(PreparedText prepared, double maxWidth, double lineHeight, TextWrap wrap)
    {
        ArgumentNullException.ThrowIfNull(prepared);
        ValidateWidth(maxWidth);
        ValidateLineHeight(lineHeight);
        var lines = new List<LayoutLine>();
        foreach (LayoutLineRange range in LayoutLineRangesWrapped(prepared, maxWidth, wrap))
        {
            lines.Add(MaterializeLineRange(prepared, range));
        }

        return new LayoutLinesResult(lines.Count, lines.Count * lineHeight, lines);
    }

    /// <summary>Every line's range with CSS <c>text-wrap</c>, without building strings.</summary>
    /// <param name="prepared">Text from <see cref="TextLayoutEngine.Prepare"/>.</param>
    /// <param name="maxWidth">Content-box width in CSS px; <see cref="double.PositiveInfinity"/> for no wrapping.</param>
    /// <param name="wrap">The <c>text-wrap</c> style.</param>
    /// <returns>The lines in order. <see cref="TextWrap.Balance"/> evens the lines of paragraphs of up to 6 lines;
    /// <see cref="TextWrap.Pretty"/> moves the ends of a paragraph's last 4 lines when its last line is one short word.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="prepared"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxWidth"/> is NaN or negative, or <paramref name="wrap"/> is not defined.</exception>
    /// <example>
    /// <code>
    /// PreparedText p = engine.Prepare("A headline that should never leave a lonely word behind", "24px \"Noto Serif\"");
    /// foreach (LayoutLineRange line in TextLayout.LayoutLineRangesWrapped(p, 300, TextWrap.Pretty))
    /// {
    ///     Console.WriteLine($"{p.GetSourceOffset(line.Start)}..{p.GetSourceOffset(line.End)} {line.Width}px");
    /// }
    /// </code>
    /// </example>
    public static IReadOnlyList<LayoutLineRange> LayoutLineRangesWrapped(PreparedText prepared, double maxWidth, TextWrap wrap)
    {
        ArgumentNullException.ThrowIfNull(prepared);
        ValidateWidth(maxWidth);
        ValidateWrap(wrap);
        return ScoreLineBreaker.Lines(prepared, maxWidth, wrap);
    }

    private static void ValidateWrap(TextWrap wrap)
    {
        if (wrap is not (TextWrap.Wrap or TextWrap.Balance or TextWrap.Pretty))
        {
            throw new ArgumentOutOfRangeException(nameof(wrap), wrap, "Not a TextWrap value.");
        }
    }
}
