namespace Foretext.Layout;

/// <summary>CSS <c>text-wrap</c> (<c>text-wrap-style</c>): how lines are chosen among the break opportunities.</summary>
public enum TextWrap : byte
{
    /// <summary><c>wrap</c>: each line takes as much as fits (greedy).</summary>
    Wrap,

    /// <summary>
    /// <c>balance</c>: Chromium's paragraph balancing: paragraphs of at most 6 lines are laid out at the narrowest
    /// width (bisected to 1 px) that keeps the greedy line count.
    /// </summary>
    Balance,
}
