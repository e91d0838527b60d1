// Stage: Fonts (discovery) tests: caller-supplied fonts and broken font files.
// Input: a Debian font file, garbage bytes, a missing path. Output: matched faces or FontFileException.

using Foretext.Fonts;
using Foretext.HarfBuzz;
using Foretext.Shaping;
using Xunit;

namespace Foretext.Tests.Fonts;

public sealed class FontCollectionTests
{
    [Fact]
    public void GarbageBytesThrowFontFileException()
    {
        var collection = new FontCollection();
        Assert.Throws<FontFileException>(() => collection.AddStream(new MemoryStream([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13])));
        Assert.Throws<FontFileException>(() => collection.AddStream(new MemoryStream([0x74, 0x74, 0x63, 0x66, 0, 1, 0, 0, 0, 0, 0, 9])));
    }

    [Fact]
    public void MissingFileThrowsFontFileException()
    {
        Assert.Throws<FontFileException>(() => new FontCollection().AddFile("/nonexistent/font.ttf"));
    }

    [Fact]
    public void StreamFontIsMatchedAndMeasuredBeforeSystemFonts()
    {
        using FontconfigFontSource? fontconfig = FontconfigFontSource.TryCreate();
        string? dejavu = fontconfig?.MatchFamily("DejaVu Sans", 400, false, 100)?.FilePath;
        if (dejavu is null)
        {
            return; // no fontconfig or no fonts-dejavu here
        }

        var collection = new FontCollection();
        using (FileStream stream = File.OpenRead(dejavu))
        {
            collection.AddStream(stream);
        }

        FontFace? face = collection.MatchFamily("dejavu sans", 400, false, 100);
        Assert.NotNull(face);
        Assert.True(face.HasCodePoint('A'));
        Assert.False(face.HasCodePoint(0x4E2D));

        using var measurer = new HarfBuzzTextMeasurer(collection);
        var style = new MeasureStyle("16px \"DejaVu Sans\"", null, 0);

        // Chromium: 16px "DejaVu Sans" "Hello world" (measure-cases.txt).
        using var system = new HarfBuzzTextMeasurer();
        Assert.Equal(system.MeasureWidth("Hello world", style), measurer.MeasureWidth("Hello world", style));
    }

    [Fact]
    public void CacheHitAllocatesNothing()
    {
        using var measurer = new HarfBuzzTextMeasurer();
        var style = new MeasureStyle("16px \"Noto Serif\"", null, 0);
        double[] advances = new double[11];
        measurer.MeasureAdvances("Hello world", style, advances);
        long before = GC.GetAllocatedBytesForCurrentThread();
        measurer.MeasureAdvances("Hello world", style, advances);
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        measurer.ClearCache();
    }

    [Fact]
    public void EngineClearCacheReachesTheHarfBuzzMeasurer()
    {
        // TextLayoutEngine.ClearCache finds the cache through IMeasurementCache; without it, "cold" benchmarks
        // timed warm Prepare (found while benchmarking: cold and warm came out equal).
        using var measurer = new HarfBuzzTextMeasurer();
        var style = new MeasureStyle("16px \"Noto Serif\"", null, 0);
        double[] advances = new double[11];
        measurer.MeasureAdvances("Hello world", style, advances);
        new TextLayoutEngine(measurer).ClearCache();
        long before = GC.GetAllocatedBytesForCurrentThread();
        measurer.MeasureAdvances("Hello world", style, advances);
        Assert.NotEqual(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
