// Stage: conformance tests for Text/Segmentation (UAX #14).
// Input: data/ucd/LineBreakTest.txt (Unicode 15.0, ICU 72's version). Output: one test per file line.
// Spec: UAX #14 with the numeric tailoring of its example 7, which ICU implements; plain ICU, no CSS tailoring.

using Foretext.Text.Segmentation;
using Xunit;

namespace Foretext.Conformance;

/// <summary>Checks <see cref="LineBreakOpportunities.ComputeUax14"/> against every line of LineBreakTest.txt.</summary>
public sealed class LineBreakConformanceTests
{
    private const string FileName = "LineBreakTest.txt";

    private static readonly KnownDeviations s_deviations = KnownDeviations.Load("LineBreakTest.deviations.txt");

    /// <summary>Line numbers of the test lines.</summary>
    public static TheoryData<int> Lines() => UcdTestFile.TheoryRows(FileName);

    /// <summary>ICU's opportunities equal the file's, except on listed rows, which must still differ.</summary>
    [Theory]
    [MemberData(nameof(Lines))]
    public void Line(int lineNumber)
    {
        UcdBreakCase test = UcdTestFile.Get(FileName)[lineNumber];
        var result = new BreakOpportunity[test.Text.Length + 1];
        LineBreakOpportunities.ComputeUax14(test.Text, result);
        var actual = new List<int>();
        for (int i = 0; i < result.Length; i++)
        {
            if (result[i] != BreakOpportunity.None)
            {
                actual.Add(i);
            }
        }

        bool equal = actual.SequenceEqual(test.Breaks);
        string? reason = s_deviations.ReasonFor(lineNumber);
        if (reason is null)
        {
            Assert.True(equal, test.Describe(actual));
        }
        else
        {
            Assert.False(equal, "listed as deviating (" + reason + ") but now conforms: " + test.Describe(actual));
        }
    }
}
