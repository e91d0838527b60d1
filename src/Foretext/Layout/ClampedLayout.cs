namespace Foretext.Layout;

/// <summary>The result of <see cref="TextLayout.LayoutClamped"/> and <see cref="TextLayout.LayoutEllipsized"/>.</summary>
/// <param name="Lines">The visible lines. When <paramref name="IsTruncated"/>, the last one holds only its visible text
/// (<see cref="LayoutLine.Text"/> without the ellipsis, <see cref="LayoutLine.SourceEnd"/> at <paramref name="HiddenSourceStart"/>).</param>
/// <param name="Height">Visible line count times the line height, in CSS px (the clamped box's height).</param>
/// <param name="IsTruncated">True when some text is hidden, so the last visible line ends with the ellipsis.</param>
/// <param name="HiddenStart">Cursor of the first hidden character (<see cref="PreparedText.End"/> when nothing is hidden).</param>
/// <param name="HiddenSourceStart">UTF-16 offset in the original text where hidden text starts (its length when nothing is hidden).</param>
/// <param name="LastLineText">The last visible line as drawn: its visible text, followed by the ellipsis when truncated.</param>
/// <param name="LastLineWidth">Width in CSS px of the last visible line as drawn, the ellipsis included.</param>
/// <param name="TotalLineCount">How many lines the whole text takes at this width without clamping.</param>
public sealed record ClampedLayout(
    IReadOnlyList<LayoutLine> Lines,
    double Height,
    bool IsTruncated,
    LayoutCursor HiddenStart,
    int HiddenSourceStart,
    string LastLineText,
    double LastLineWidth,
    int TotalLineCount);
