// Stage: conformance (shaping). Checks IBreakSafetyMeasurer: HarfBuzz's unsafe-to-break flags where Blink's
// ShapingLineBreaker would reshape a line end, and advances identical to MeasureAdvances, cached or not.

using Foretext.HarfBuzz;
using Foretext.Shaping;
using Xunit;

namespace Foretext.Conformance.Shaping;

public sealed class BreakSafetyTests : IClassFixture<MeasureCasesTests.MeasurerFixture>
{
    private readonly HarfBuzzTextMeasurer _measurer;

    public BreakSafetyTests(MeasureCasesTests.MeasurerFixture fixture)
    {
        _measurer = fixture.Measurer;
    }

    [Theory]
    [InlineData("16px \"Noto Serif\"", "AVA To", new[] { 1, 2, 5 }, new[] { 3, 4 })] // kerned pairs A-V, V-A, T-o; around the space it is safe
    [InlineData("16px \"Noto Serif\"", "office", new[] { 2, 3 }, new[] { 1, 4, 5 })] // the ffi ligature holds three letters
    [InlineData("16px \"DejaVu Sans\"", "mmmm", new int[0], new[] { 1, 2, 3 })] // no kerning, no ligature: every boundary safe
    public void FlagsBoundariesWhereShapingDependsOnBothSides(string font, string text, int[] unsafeAt, int[] safeAt)
    {
        var style = new MeasureStyle(font, null, 0);
        for (int pass = 0; pass < 2; pass++) // the second pass reads the shaped-chunk cache
        {
            var advances = new double[text.Length];
            var flags = new bool[text.Length];
            _measurer.MeasureAdvances(text, style, advances, flags);
            var plain = new double[text.Length];
            _measurer.MeasureAdvances(text, style, plain);
            Assert.Equal(plain, advances);
            Assert.False(flags[0]);
            Assert.All(unsafeAt, i => Assert.True(flags[i], $"{text}: breaking before {i} should be unsafe"));
            Assert.All(safeAt, i => Assert.False(flags[i], $"{text}: breaking before {i} should be safe; flags {string.Join(",", flags)}"));
        }
    }

    [Fact]
    public void RejectsSpansOfOtherLengths()
    {
        var style = new MeasureStyle("16px \"Noto Serif\"", null, 0);
        Assert.Throws<ArgumentOutOfRangeException>(() => _measurer.MeasureAdvances("abc", style, new double[3], new bool[2]));
    }
}
