namespace Foretext.Layout;

/// <summary>The part of one item that a line holds.</summary>
/// <param name="ItemIndex">Index into the items given to <see cref="TextLayoutEngine.PrepareRichInline"/>.</param>
/// <param name="SourceStart">UTF-16 offset in the item's text where the fragment starts (an atomic item: its first non-space character).</param>
/// <param name="SourceEnd">UTF-16 offset in the item's text just after the fragment's last drawn character.</param>
/// <param name="X">Where the fragment starts on the line, in px from the line's start edge (logical order: no bidi reordering).</param>
/// <param name="Width">The room the fragment takes, in px: its advances rounded up to 1/64 px, extra width included where the fragment has the item's edge.</param>
/// <param name="Text">The text drawn (collapsed white space as one space; hanging spaces at the line's end left out).</param>
public readonly record struct RichInlineFragment(int ItemIndex, int SourceStart, int SourceEnd, double X, double Width, string Text);
