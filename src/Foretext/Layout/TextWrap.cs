namespace Foretext.Layout;

/// <summary>CSS <c>text-wrap</c> (<c>text-wrap-style</c>): how lines are chosen among the break opportunities.</summary>
public enum TextWrap : byte
{
    /// <summary><c>wrap</c>: each line takes as much as fits (greedy).</summary>
    Wrap,

    /// <summary>
    /// <c>balance</c>: Chromium's score-based line breaking (ScoreLineBreaker) over paragraphs of at most 6 lines,
    /// scoring every line's free space so the lines come out even; the line count stays the greedy one.
    /// </summary>
    Balance,

    /// <summary>
    /// <c>pretty</c>: Chromium's score-based line breaking (ScoreLineBreaker) over the last 4 lines of each paragraph,
    /// applied when the greedy last line is a single word shorter than a third of the width; it moves line ends to
    /// avoid that short last line, never changing the line count (so heights equal <see cref="Wrap"/>'s).
    /// </summary>
    Pretty,
}
