namespace Foretext.Layout;

/// <summary>A place in a rich inline paragraph as the caller wrote it: an item and a UTF-16 offset in its text.</summary>
/// <param name="ItemIndex">Index into the items given to <see cref="TextLayoutEngine.PrepareRichInline"/>; the item count at the end of the paragraph.</param>
/// <param name="Offset">UTF-16 offset in that item's <see cref="RichInlineItem.Text"/> (0 at the end of the paragraph).</param>
public readonly record struct RichInlinePosition(int ItemIndex, int Offset);
