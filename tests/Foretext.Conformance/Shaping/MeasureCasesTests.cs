// Stage: conformance (shaping). Checks the HarfBuzz measurer against Chromium's recorded DOM widths.
// Input: measure-cases.txt. Output: one theory row per case; the width (each font/script run summed in float,
// letter spacing per cluster, rounded up to 1/64 px as Chromium does) must equal Chromium's exactly.

using Foretext.HarfBuzz;
using Foretext.Shaping;
using Xunit;

namespace Foretext.Conformance.Shaping;

public sealed class MeasureCasesTests : IClassFixture<MeasureCasesTests.MeasurerFixture>
{
    private readonly HarfBuzzTextMeasurer _measurer;

    public MeasureCasesTests(MeasurerFixture fixture)
    {
        _measurer = fixture.Measurer;
    }

    public static TheoryData<int> Lines()
    {
        var data = new TheoryData<int>();
        foreach (MeasureCase c in MeasureCase.Load())
        {
            data.Add(c.Line);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Lines))]
    public void WidthMatchesChromium(int line)
    {
        MeasureCase c = MeasureCase.Load().Single(x => x.Line == line);
        var style = new MeasureStyle(c.Font, c.Lang, c.LetterSpacing);
        double width = _measurer.MeasureWidth(c.Text, style);
        Assert.True(width == c.Expected, $"line {line}: {c.Font} \"{c.Text}\": measured {width}, Chromium {c.Expected} (faces {c.Faces})");
    }

    [Theory]
    [MemberData(nameof(Lines))]
    public void ChunkedAdvancesAgreeWithWholeWidth(int line)
    {
        MeasureCase c = MeasureCase.Load().Single(x => x.Line == line);
        var style = new MeasureStyle(c.Font, c.Lang, 0);
        double[] advances = new double[c.Text.Length];
        _measurer.MeasureAdvances(c.Text, style, advances);
        double whole = _measurer.MeasureWidth(c.Text, style);

        // Chunks split after spaces; per-run rounding adds at most 1/64 px per run.
        Assert.InRange(advances.Sum(), whole - 0.2, whole + 0.001);
    }

    public sealed class MeasurerFixture : IDisposable
    {
        public HarfBuzzTextMeasurer Measurer { get; } = new();

        public void Dispose() => Measurer.Dispose();
    }
}
