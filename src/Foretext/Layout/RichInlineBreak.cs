namespace Foretext.Layout;

/// <summary>Whether lines may break inside a <see cref="RichInlineItem"/> (Pretext's <c>break</c>).</summary>
public enum RichInlineBreak : byte
{
    /// <summary>The item's text breaks as the paragraph's text does (a <c>span</c>).</summary>
    Normal,

    /// <summary>
    /// The item is atomic, like a mention chip: it never breaks inside and moves whole to the next line when it does not
    /// fit (a <c>span</c> with <c>display: inline-block; white-space: nowrap</c>).
    /// </summary>
    Never,
}
