using Foretext.Text;

namespace Foretext;

/// <summary>
/// The CSS properties of the paragraph that change how it is prepared. Immutable; the defaults are a
/// <c>div</c> with <c>white-space: normal; word-break: normal; overflow-wrap: break-word</c>.
/// </summary>
public sealed record PrepareOptions
{
    /// <summary>The default options.</summary>
    public static PrepareOptions Default { get; } = new();

    /// <summary>The largest text accepted, in UTF-16 code units (default 64 Mi). Longer text throws.</summary>
    public const int DefaultMaxTextLength = 1 << 26;

    /// <summary>CSS <c>white-space</c>.</summary>
    public WhiteSpace WhiteSpace { get; init; } = WhiteSpace.Normal;

    /// <summary>CSS <c>word-break</c>.</summary>
    public WordBreak WordBreak { get; init; } = WordBreak.Normal;

    /// <summary>CSS <c>overflow-wrap</c>.</summary>
    public OverflowWrap OverflowWrap { get; init; } = OverflowWrap.BreakWord;

    /// <summary>
    /// CSS <c>letter-spacing</c> in px, added once per shaping cluster as Chromium adds it (with the HarfBuzz measurer a
    /// cluster is HarfBuzz's: a mark goes with its base, a Devanagari half form and the consonant after it are two),
    /// not to cursive scripts nor to default-ignorable characters.
    /// </summary>
    public double LetterSpacing { get; init; }

    /// <summary>The HTML <c>lang</c> of the paragraph (BCP 47), or null. Changes line breaking (ICU locale) and shaping (OpenType <c>locl</c>).</summary>
    public string? Lang { get; init; }

    /// <summary>The HTML <c>dir</c> of the paragraph; only bidi embedding levels depend on it.</summary>
    public TextDirection Direction { get; init; } = TextDirection.Ltr;

    /// <summary>The largest text accepted, in UTF-16 code units. Longer text throws <see cref="ArgumentOutOfRangeException"/>.</summary>
    public int MaxTextLength { get; init; } = DefaultMaxTextLength;
}
