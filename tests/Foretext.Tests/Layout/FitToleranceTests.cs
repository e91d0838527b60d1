// Layout against Chromium with a real font: where the fit test's LayoutUnit epsilon decides a line.
// Input: a sentence in Debian's DejaVu Sans. Output: line starts as Chromium 156 lays them out.

using Foretext.HarfBuzz;
using Foretext.Layout;
using Xunit;

namespace Foretext.Tests.Layout;

public sealed class FitToleranceTests
{
    // "why I like" is 75.015625px (canvas measureText and the span agree), yet Chromium keeps it on a 75px line and
    // moves "like" down at 74.99px: lines [0, 11, 17] and [0, 6, 11, 17].
    [Theory]
    [InlineData(75, new[] { 0, 11, 17 })]
    [InlineData(74.99, new[] { 0, 6, 11, 17 })]
    public void ALineMayExceedTheBoxByOneLayoutUnit_BlinkAvailableWidthToFit(double width, int[] chromiumStarts)
    {
        using var measurer = new HarfBuzzTextMeasurer();
        var engine = new TextLayoutEngine(measurer);
        PreparedText prepared = engine.Prepare("why I like you.\u201D she", "16px \"DejaVu Sans\", sans-serif", new PrepareOptions { Lang = "en" });
        int[] starts = TextLayout.LayoutWithLines(prepared, width, 20).Lines.Select(l => l.SourceStart).ToArray();
        Assert.Equal(chromiumStarts, starts);
        Assert.Equal(chromiumStarts.Length, TextLayout.Layout(prepared, width, 20).LineCount);
    }
}
