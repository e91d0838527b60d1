// Stage: unit tests for Text/Segmentation (grapheme clusters).
// Input: strings whose clusters .NET's StringInfo or a naive split would get wrong. Output: pass/fail.
// Spec: UAX #29 extended grapheme clusters (GB9c conjuncts, GB11 emoji ZWJ, GB12/13 flags, GB3 CR LF), and
// Chromium 156's aksara stacking; expectations for the stacking cases were read back from Chromium's
// Intl.Segmenter, which uses the same ICU character iterator as Blink.

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

    /// <summary>Aksara stacking as Chromium's ICU does it: a stacking virama keeps the next consonant in the cluster.</summary>
    [Theory]
    [InlineData("\u1780\u17D2\u179A\u17B6", new[] { 0 })] // Khmer coeng
    [InlineData("\u179F\u17D2\u178F\u17D2\u179A\u17B8", new[] { 0 })] // Khmer, two subscripts
    [InlineData("\u1000\u1039\u1000", new[] { 0 })] // Myanmar virama
    [InlineData("\u1000\u103A\u1000", new[] { 0, 2 })] // Myanmar asat is visible: no stacking
    [InlineData("\u1A20\u1A60\u1A20", new[] { 0 })] // Tai Tham
    [InlineData("\u1B13\u1B44\u1B13", new[] { 0 })] // Balinese
    [InlineData("\uA98F\uA9C0\uA98F", new[] { 0 })] // Javanese
    [InlineData("\uD804\uDD07\uD804\uDD33\uD804\uDD07", new[] { 0 })] // Chakma
    [InlineData("\uD805\uDC12\uD805\uDC42\uD805\uDC12", new[] { 0, 4 })] // Newa: not stacked
    [InlineData("\u0B95\u0BCD\u0BB7", new[] { 0, 2 })] // Tamil pulli: not stacked
    public void AksaraStackingFollowsChromium(string text, int[] expected)
    {
        var starts = new List<int>();
        GraphemeClusters.GetStarts(text, starts);
        Assert.Equal(expected, starts);
    }
}
