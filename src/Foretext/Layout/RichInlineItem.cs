namespace Foretext.Layout;

/// <summary>
/// One run of a rich inline paragraph: text with its own font, as a <c>span</c> inside the paragraph's <c>div</c>.
/// </summary>
/// <param name="Text">The author's text, white space included: spaces collapse across item boundaries as in the DOM.</param>
/// <param name="Font">The run's CSS <c>font</c> shorthand, e.g. <c>bold 14px "Noto Sans", sans-serif</c>.</param>
/// <example>
/// <code>
/// RichInlineItem[] items =
/// [
///     new("Ping ", "16px \"Noto Sans\", sans-serif"),
///     new("@maria", "14px \"Noto Sans\", sans-serif") { Break = RichInlineBreak.Never, ExtraWidth = 12 },
///     new(" about the ", "16px \"Noto Sans\", sans-serif"),
///     new("release notes", "bold 16px \"Noto Sans\", sans-serif") { LetterSpacing = 0.5 },
/// ];
/// </code>
/// </example>
public sealed record RichInlineItem(string Text, string Font)
{
    /// <summary>CSS <c>letter-spacing</c> of this run in px (0 by default); must be finite.</summary>
    public double LetterSpacing { get; init; }

    /// <summary>
    /// <see cref="RichInlineBreak.Never"/> makes the item atomic (a chip or mention). An atomic item with no text and an
    /// <see cref="ExtraWidth"/> is a box of that width (an image or custom emoji placeholder); any other item with no
    /// text is dropped and takes no room.
    /// </summary>
    public RichInlineBreak Break { get; init; }

    /// <summary>
    /// Horizontal chrome the caller draws around the run (padding plus border), in px, at least 0. It counts as the
    /// span's <c>padding-inline</c>, half on each side: an atomic item is that much wider; a breakable item pays
    /// the first half before its first character and the second half after its last one, wherever they land
    /// (CSS <c>box-decoration-break: slice</c>, the default).
    /// </summary>
    public double ExtraWidth { get; init; }
}
