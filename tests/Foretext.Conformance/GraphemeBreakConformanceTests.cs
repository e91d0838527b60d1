// Stage: conformance tests for Text/Segmentation (UAX #29 grapheme clusters).
// Input: data/ucd/GraphemeBreakTest.txt (Unicode 15.0, ICU 72's version). Output: one test per file line.
// Spec: UAX #29 extended grapheme clusters.

using Foretext.Text.Segmentation;
using Xunit;

namespace Foretext.Conformance;

/// <summary>Checks <see cref="GraphemeClusters.GetStarts"/> against every line of GraphemeBreakTest.txt.</summary>
public sealed class GraphemeBreakConformanceTests
{
    private const string FileName = "GraphemeBreakTest.txt";

    private static readonly KnownDeviations s_deviations = KnownDeviations.Load("GraphemeBreakTest.deviations.txt");

    /// <summary>Line numbers of the test lines.</summary>
    public static TheoryData<int> Lines() => UcdTestFile.TheoryRows(FileName);

    /// <summary>ICU's cluster starts equal the file's breaks (all but the one at the end of the text).</summary>
    [Theory]
    [MemberData(nameof(Lines))]
    public void Line(int lineNumber)
    {
        UcdBreakCase test = UcdTestFile.Get(FileName)[lineNumber];
        var starts = new List<int>();
        int count = GraphemeClusters.GetStarts(test.Text, starts);
        Assert.Equal(starts.Count, count);
        int[] expected = test.Breaks.Where(b => b < test.Text.Length).ToArray();

        bool equal = starts.SequenceEqual(expected);
        string? reason = s_deviations.ReasonFor(lineNumber);
        if (reason is null)
        {
            Assert.True(equal, test.Describe(starts));
        }
        else
        {
            Assert.False(equal, "listed as deviating (" + reason + ") but now conforms: " + test.Describe(starts));
        }
    }
}
