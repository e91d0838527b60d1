// Stage: conformance tests (test data access).
// Input: one parsed line of a UCD break test file. Output: its text and expected break offsets.
// Spec: the UCD *BreakTest.txt format.

namespace Foretext.Conformance;

/// <summary>One line of a UCD break test file.</summary>
/// <param name="LineNumber">1-based line number in the file.</param>
/// <param name="Text">The test string.</param>
/// <param name="Breaks">UTF-16 offsets marked "&#xF7;", ascending; includes 0 where sot is marked "&#xF7;", and the text length.</param>
/// <param name="Comment">The line's comment: character names, classes and the rule numbers that apply.</param>
public sealed record UcdBreakCase(int LineNumber, string Text, int[] Breaks, string Comment)
{
    /// <summary>The text as code points in hex with the expected marks, for failure messages.</summary>
    public string Describe(IEnumerable<int> actualBreaks) =>
        "line " + LineNumber + ": expected breaks at [" + string.Join(",", Breaks) + "], got [" + string.Join(",", actualBreaks) +
        "]; " + Comment;
}
