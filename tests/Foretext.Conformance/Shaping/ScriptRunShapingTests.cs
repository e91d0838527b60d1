// Stage: conformance (shaping). Words are shaped per Blink script run (Text/ScriptRuns.cs), so a Common character in a
// CJK run is not kerned against the Latin letter after it. Chromium 156 probes (18px "Noto Sans", "Noto Sans CJK KR",
// range widths): `“` is 6.484375 after `「`, `中` or `「 ` and 5.390625 after `a` (where `“q` kern in one Latin run).

using Foretext.HarfBuzz;
using Foretext.Shaping;
using Xunit;

namespace Foretext.Conformance.Shaping;

public sealed class ScriptRunShapingTests : IClassFixture<MeasureCasesTests.MeasurerFixture>
{
    private static readonly MeasureStyle s_style = new("18px \"Noto Sans\", \"Noto Sans CJK KR\", sans-serif", "mul", 0);
    private readonly HarfBuzzTextMeasurer _measurer;

    public ScriptRunShapingTests(MeasureCasesTests.MeasurerFixture fixture)
    {
        _measurer = fixture.Measurer;
    }

    [Theory]
    [InlineData("「“q", 1)]
    [InlineData("中“q", 1)]
    [InlineData("「 “q", 2)]
    public void QuoteInACjkRunIsShapedApartFromTheLatinAfterIt(string text, int quote)
    {
        Assert.Equal(Advance("“", 0), Advance(text, quote));
        Assert.NotEqual(Advance("a“q", 1), Advance(text, quote)); // kerned against q in one Latin run
    }

    private double Advance(string text, int index)
    {
        var advances = new double[text.Length];
        _measurer.MeasureAdvances(text, s_style, advances);
        return advances[index];
    }
}
