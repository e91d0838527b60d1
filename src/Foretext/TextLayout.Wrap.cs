// Layout: text-wrap: balance, as Blink's ParagraphLineBreaker::AttemptParagraphBalancing does it.
// Input: a PreparedText and a width. Output: the width the paragraph's lines are actually broken at; every line is then
// the greedy walker's, so all other rules (fit test, trimming, soft hyphens) stay exactly as for text-wrap: wrap.
// Blink: estimate the line count from the primary font's space width and give up above twice the limit; break greedily
// with at most kMaxLinesForBalance (6) lines, give up above it or at one line; then bisect the available width between
// 80% of the average greedy line width and the full width, in LayoutUnits, until the interval is 1 px, keeping the upper
// bound (the narrowest width found that still ends the paragraph within the greedy line count).

using Foretext.Layout;

namespace Foretext;

public static partial class TextLayout
{
    /// <summary>Blink's kMaxLinesForBalance (score_line_break_context.h): longer paragraphs are not balanced.</summary>
    private const int CHROMIUM_MAX_LINES_FOR_BALANCE = 6;

    /// <summary>Line count and height with CSS <c>text-wrap</c>. Allocates nothing.</summary>
    /// <param name="prepared">Text from <see cref="TextLayoutEngine.Prepare"/>.</param>
    /// <param name="maxWidth">Content-box width in CSS px; <see cref="double.PositiveInfinity"/> for no wrapping.</param>
    /// <param name="lineHeight">Line height in CSS px.</param>
    /// <param name="wrap">The <c>text-wrap</c> style.</param>
    /// <exception cref="ArgumentNullException"><paramref name="prepared"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A width or line height is NaN or negative, or the line height is infinite.</exception>
    public static LayoutResult LayoutWrapped(PreparedText prepared, double maxWidth, double lineHeight, TextWrap wrap)
    {
        ArgumentNullException.ThrowIfNull(prepared);
        ValidateWidth(maxWidth);
        return Layout(prepared, WrapWidth(prepared, maxWidth, wrap), lineHeight);
    }

    /// <summary>Every line with CSS <c>text-wrap</c>; widths are of the lines, the box stays <paramref name="maxWidth"/> wide.</summary>
    /// <inheritdoc cref="LayoutWrapped"/>
    public static LayoutLinesResult LayoutWithLinesWrapped(PreparedText prepared, double maxWidth, double lineHeight, TextWrap wrap)
    {
        ArgumentNullException.ThrowIfNull(prepared);
        ValidateWidth(maxWidth);
        return LayoutWithLines(prepared, WrapWidth(prepared, maxWidth, wrap), lineHeight);
    }

    /// <summary>
    /// The width the lines are broken at for <paramref name="wrap"/>: <paramref name="maxWidth"/> itself for
    /// <see cref="TextWrap.Wrap"/> or a paragraph Chromium does not balance, else the balanced width. Allocates nothing.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="prepared"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxWidth"/> is NaN or negative.</exception>
    public static double WrapWidth(PreparedText prepared, double maxWidth, TextWrap wrap)
    {
        ArgumentNullException.ThrowIfNull(prepared);
        ValidateWidth(maxWidth);
        if (wrap != TextWrap.Balance || double.IsPositiveInfinity(maxWidth) || Array.Exists(prepared._flags, f => f.Kind() == SegmentKind.HardBreak))
        {
            return maxWidth;
        }

        long available = ToLayoutUnitsFloor(maxWidth);

        // EstimateNumLines: text length over the number of spaces that fit a line.
        double spaceWidth = (float)prepared._spaceWidth;
        if (spaceWidth > 0)
        {
            double charsPerLine = Math.Floor(PreparedText.ToPixels(available) / spaceWidth);
            if (charsPerLine <= 0)
            {
                return maxWidth;
            }

            long estimate = (long)((prepared._textLength + charsPerLine - 1) / charsPerLine);
            if (estimate > CHROMIUM_MAX_LINES_FOR_BALANCE * 2)
            {
                return maxWidth;
            }
        }

        int lines = CountLines(prepared, PreparedText.ToPixels(available), CHROMIUM_MAX_LINES_FOR_BALANCE, out long widthSum, out bool finished);
        if (!finished || lines <= 1)
        {
            return maxWidth;
        }

        // Bisect from 80% of the average line width (LayoutUnit division truncates; FromFloatRound rounds).
        long average = widthSum / lines;
        long lower = (long)Math.Round((float)(PreparedText.ToPixels(average) * 0.8f) * PreparedText.LayoutUnitsPerPixel, MidpointRounding.AwayFromZero);
        long upper = available;
        const long Epsilon = PreparedText.LayoutUnitsPerPixel; // 1 CSS px at zoom 1
        while (lower + Epsilon < upper)
        {
            long middle = (upper + lower) / 2;
            CountLines(prepared, PreparedText.ToPixels(middle), lines, out _, out bool fits);
            if (fits)
            {
                upper = middle;
            }
            else
            {
                lower = middle;
            }
        }

        return PreparedText.ToPixels(upper);
    }

    /// <summary>Greedy lines at <paramref name="width"/>, stopping after <paramref name="maxLines"/>; <paramref name="finished"/> when the text ended within them.</summary>
    private static int CountLines(PreparedText prepared, double width, int maxLines, out long widthSum, out bool finished)
    {
        int lines = 0;
        widthSum = 0;
        LayoutCursor cursor = default;
        while (LineWalker.NextLine(prepared, cursor, width, out LayoutLineRange line))
        {
            if (lines == maxLines)
            {
                finished = false;
                return lines;
            }

            lines++;
            widthSum += (long)Math.Round(line.Width * PreparedText.LayoutUnitsPerPixel);
            cursor = line.End;
        }

        finished = true;
        return lines;
    }
}
