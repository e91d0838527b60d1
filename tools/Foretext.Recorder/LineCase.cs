// Stage: browser oracle, case description.
// Input: built by CaseSources (corpora, app strings, seeded sweep) or read back from a snapshot.
// Output: everything Chromium needs to lay out one paragraph in one box.
namespace Foretext.Recorder;

/// <summary>One paragraph laid out in one box: the CSS the recorder puts on the div.</summary>
/// <param name="Id">Unique id inside its snapshot file.</param>
/// <param name="Text">The original text; line starts are UTF-16 offsets into it.</param>
/// <param name="Font">CSS <c>font</c> shorthand.</param>
/// <param name="LineHeight">CSS line-height in px.</param>
/// <param name="Width">Box width in CSS px.</param>
/// <param name="WhiteSpace"><c>normal</c> or <c>pre-wrap</c>.</param>
/// <param name="WordBreak"><c>normal</c> or <c>keep-all</c>.</param>
/// <param name="LetterSpacing">CSS letter-spacing in px (0 means <c>normal</c>).</param>
/// <param name="Lang">HTML lang attribute.</param>
/// <param name="Dir">HTML dir attribute (<c>ltr</c> or <c>rtl</c>).</param>
public sealed record LineCase(
    string Id,
    string Text,
    string Font,
    double LineHeight,
    double Width,
    string WhiteSpace,
    string WordBreak,
    double LetterSpacing,
    string Lang,
    string Dir)
{
    /// <summary>True when only the width differs, so the oracle can resize the div instead of rebuilding it.</summary>
    public bool SameParagraphAs(LineCase? other) =>
        other is not null
        && (ReferenceEquals(Text, other.Text) || Text == other.Text)
        && Font == other.Font
        && LineHeight == other.LineHeight
        && WhiteSpace == other.WhiteSpace
        && WordBreak == other.WordBreak
        && LetterSpacing == other.LetterSpacing
        && Lang == other.Lang
        && Dir == other.Dir;
}
