namespace Foretext.Layout;

/// <summary>A position in prepared text: a segment and a grapheme cluster inside it.</summary>
/// <param name="SegmentIndex">Index of the segment; equal to the segment count at the end of the text.</param>
/// <param name="GraphemeIndex">Grapheme cluster inside the segment; non-zero only where a word was broken (overflow-wrap).</param>
/// <remarks>Map a cursor to a UTF-16 offset of the original text with <see cref="PreparedText.GetSourceOffset"/>.</remarks>
public readonly record struct LayoutCursor(int SegmentIndex, int GraphemeIndex)
{
    /// <summary>The start of the text.</summary>
    public static LayoutCursor Start => default;
}
