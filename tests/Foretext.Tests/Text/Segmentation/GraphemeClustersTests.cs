// Stage: unit tests for Text/Segmentation (grapheme clusters).
// Input: strings whose clusters .NET's StringInfo or a naive split would get wrong. Output: pass/fail.
// Spec: UAX #29 extended grapheme clusters (GB9c conjuncts, GB11 emoji ZWJ, GB12/13 flags, GB3 CR LF).

using Foretext.Text.Segmentation;
using Xunit;

namespace Foretext.Tests.Text.Segmentation;

/// <summary>Grapheme cluster starts from ICU.</summary>
public sealed class GraphemeClustersTests
{
    /// <summary>Each case lists the expected UTF-16 start of every cluster.</summary>
    [Theory]
    [InlineData("", new int[0])]
    [InlineData("abc", new[] { 0, 1, 2 })]
    [InlineData("a\r\nb", new[] { 0, 1, 3 })]
    [InlineData("e\u0301x", new[] { 0, 2 })]
    [InlineData("\u0915\u094D\u0937\u093F", new[] { 0 })] // GB9c: a Devanagari conjunct is one cluster
    [InlineData("\u0928\u092E\u0938\u094D\u0924\u0947", new[] { 0, 1, 2 })]
    [InlineData("\uD83E\uDDD1\u200D\uD83D\uDCBB!", new[] { 0, 5 })] // GB11: emoji ZWJ sequence
    [InlineData("\uD83C\uDDEF\uD83C\uDDF5\uD83C\uDDFA", new[] { 0, 4 })] // GB12/GB13: flags pair up
    [InlineData("\uD83D\uDC4B\uD83C\uDFFB", new[] { 0 })] // GB9: emoji modifier extends
    public void StartsFollowUax29(string text, int[] expected)
    {
        var starts = new List<int> { -1 };
        int count = GraphemeClusters.GetStarts(text, starts);
        Assert.Equal(expected.Length, count);
        Assert.Equal(expected, starts.Skip(1));
    }
}
