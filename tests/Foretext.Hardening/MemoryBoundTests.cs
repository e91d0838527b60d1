// Memory: preparing ever-new words keeps managed memory flat (the shaped-chunk cache is bounded by count and bytes)
// and ClearCache gives the memory back. Words come 1,000 to a paragraph; the run stops at 1M words or 20 s.

using System.Diagnostics;
using Foretext.HarfBuzz;
using Xunit;
using Xunit.Abstractions;

namespace Foretext.Hardening;

public sealed class MemoryBoundTests(ITestOutputHelper output)
{
    private const int TARGET_WORDS = 1_000_000;
    private const int WORDS_PER_PARAGRAPH = 1000;

    // The stated limit: the default bounds are 100,000 chunks and 64 MiB; 100,000 distinct 8-letter chunks cost about
    // 20 MB, so managed memory must stay within 48 MB of where it started.
    private const long GROWTH_LIMIT_BYTES = 48L << 20;

    [Fact]
    public void DistinctWordsKeepMemoryFlatAndClearCacheFreesIt()
    {
        var measurer = new HarfBuzzTextMeasurer();
        var engine = new TextLayoutEngine(measurer);
        engine.Prepare("warm up the fonts", "16px serif");
        long baseline = Settle();
        var clock = Stopwatch.StartNew();
        var text = new System.Text.StringBuilder();
        int words = 0;
        long peak = 0;
        long atQuarter = 0;
        while (words < TARGET_WORDS && clock.Elapsed < TimeSpan.FromSeconds(20))
        {
            text.Clear();
            for (int i = 0; i < WORDS_PER_PARAGRAPH; i++)
            {
                text.Append(Word(words++)).Append(' ');
            }

            TextLayout.Layout(engine.Prepare(text.ToString(), "16px serif"), 300, 20);
            if (words % 100_000 == 0)
            {
                long now = Settle();
                peak = Math.Max(peak, now);
                atQuarter = atQuarter == 0 && words >= TARGET_WORDS / 4 ? now : atQuarter;
                output.WriteLine($"{words,9:N0} words: {(now - baseline) / 1048576.0,6:F1} MB above baseline, cache {measurer.CachedChunkCount:N0} chunks, ~{measurer.CachedChunkBytes / 1048576.0:F1} MB");
            }
        }

        long end = Settle();
        peak = Math.Max(peak, end);
        long cachedBytes = measurer.CachedChunkBytes;
        engine.ClearCache();
        long cleared = Settle();
        output.WriteLine($"{words:N0} distinct words in {clock.Elapsed.TotalSeconds:F1} s; baseline {baseline / 1048576.0:F1} MB, peak +{(peak - baseline) / 1048576.0:F1} MB, " +
            $"end +{(end - baseline) / 1048576.0:F1} MB (cache estimate {cachedBytes / 1048576.0:F1} MB), after ClearCache +{(cleared - baseline) / 1048576.0:F1} MB");
        Assert.True(words >= 200_000, $"only {words} words in 20 s: too few to show a bound");
        Assert.True(measurer.CachedChunkCount == 0);
        Assert.True(peak - baseline < GROWTH_LIMIT_BYTES, $"memory grew {(peak - baseline) / 1048576.0:F1} MB");
        Assert.Equal(0, measurer.CachedChunkBytes);
        Assert.True(cleared - baseline < 8L << 20, $"ClearCache left {(cleared - baseline) / 1048576.0:F1} MB");
    }

    [Fact]
    public void CacheHonoursItsByteBound()
    {
        var measurer = new HarfBuzzTextMeasurer(new HarfBuzzMeasurerOptions { MaxCachedChunks = 1_000_000, MaxCachedChunkBytes = 1 << 20 });
        var engine = new TextLayoutEngine(measurer);
        for (int p = 0; p < 50; p++)
        {
            engine.Prepare(string.Join(' ', Enumerable.Range(p * 1000, 1000).Select(Word)), "16px serif");
            Assert.True(measurer.CachedChunkBytes <= 1 << 20, $"{measurer.CachedChunkBytes} bytes cached");
        }

        Assert.True(measurer.CachedChunkCount > 0);
    }

    // Distinct 8-letter lowercase words: base 26 of the index.
    private static string Word(int index)
    {
        Span<char> word = stackalloc char[8];
        for (int i = 7; i >= 0; i--)
        {
            word[i] = (char)('a' + (index % 26));
            index /= 26;
        }

        return new string(word);
    }

    private static long Settle()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return GC.GetTotalMemory(forceFullCollection: true);
    }
}
