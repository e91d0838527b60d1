namespace Foretext.Text;

/// <summary>The CSS <c>overflow-wrap</c> property.</summary>
public enum OverflowWrap : byte
{
    /// <summary><c>break-word</c>: a word wider than the line breaks between grapheme clusters (Foretext's default, as Pretext assumes).</summary>
    BreakWord,

    /// <summary><c>normal</c>: a word wider than the line overflows it.</summary>
    Normal,
}
