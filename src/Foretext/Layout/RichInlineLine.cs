namespace Foretext.Layout;

/// <summary>One line of a rich inline paragraph, cut into the fragments of the items it holds.</summary>
/// <param name="Fragments">The items' parts on the line, in logical order.</param>
/// <param name="Width">The line's content width in px, hanging spaces excluded (as <see cref="LayoutLineRange.Width"/>).</param>
/// <param name="Start">The line's first position.</param>
/// <param name="End">The next line's start.</param>
public sealed record RichInlineLine(IReadOnlyList<RichInlineFragment> Fragments, double Width, LayoutCursor Start, LayoutCursor End);
