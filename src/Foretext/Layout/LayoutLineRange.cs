namespace Foretext.Layout;

/// <summary>One line as a range of prepared text, without its string.</summary>
/// <param name="Width">Width of the line's content in CSS px: hanging trailing white space excluded, a chosen soft hyphen's visible hyphen included.</param>
/// <param name="Start">First position on the line.</param>
/// <param name="End">Position just after the line (inclusive of hanging spaces and a forced break): the next line's start.</param>
/// <param name="EndsWithHyphen">True when the line was broken at a soft hyphen, so a hyphen is drawn at its end.</param>
public readonly record struct LayoutLineRange(double Width, LayoutCursor Start, LayoutCursor End, bool EndsWithHyphen);
