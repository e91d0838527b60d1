namespace Foretext.Layout;

/// <summary>One laid-out line with its text.</summary>
/// <param name="Text">The text drawn on the line: hanging white space and the forced break removed, a hyphen appended where a soft hyphen was chosen.</param>
/// <param name="Width">Width of the line's content in CSS px (see <see cref="LayoutLineRange.Width"/>).</param>
/// <param name="Start">First position on the line.</param>
/// <param name="End">The next line's start.</param>
/// <param name="SourceStart">UTF-16 offset in the original text of the first character on the line.</param>
/// <param name="SourceEnd">UTF-16 offset in the original text where the next line starts (the text length for the last line).</param>
public sealed record LayoutLine(string Text, double Width, LayoutCursor Start, LayoutCursor End, int SourceStart, int SourceEnd);
