namespace Foretext.Text;

/// <summary>The CSS <c>word-break</c> property.</summary>
public enum WordBreak : byte
{
    /// <summary><c>normal</c>: UAX #14 opportunities as the browser tailors them.</summary>
    Normal,

    /// <summary><c>keep-all</c>: no opportunities between letters of a word, CJK included.</summary>
    KeepAll,
}
