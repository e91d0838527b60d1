// Stage: Layout (prepare) tests: the cache of word runs segmented again from a line start gives what segmenting gives.
// Input: the Thai and Myanmar corpora with overflow-wrap: break-word (lines start inside words at narrow widths).
// Output: line starts at narrow widths equal with the cache empty, filled and emptied again.

using Foretext.HarfBuzz;
using Foretext.Layout;
using Xunit;

namespace Foretext.Tests.Layout;

// The cache is process-wide: this class runs alone, so no other test fills or empties it meanwhile.
[CollectionDefinition(nameof(RestartedSegmentationCacheTests), DisableParallelization = true)]
public sealed class RestartedSegmentationCacheCollection;

[Collection(nameof(RestartedSegmentationCacheTests))]
public sealed class RestartedSegmentationCacheTests
{
    [Theory]
    [InlineData("th-nithan-vetal-story-1")]
    [InlineData("my-cunning-heron-teacher")]
    public void CachedWindowsGiveTheSameLines(string corpusId)
    {
        CorpusInfo corpus = SharedData.Corpora().Single(c => c.Id == corpusId);
        string text = corpus.Text[..Math.Min(corpus.Text.Length, 4000)];
        using var measurer = new HarfBuzzTextMeasurer();
        var engine = new TextLayoutEngine(measurer);
        var options = new PrepareOptions { Lang = corpus.Lang };

        engine.ClearCache();
        Assert.Equal(0, RestartedSegmentationCache.Count);
        int[][] cold = Starts(engine.Prepare(text, corpus.Font, options));
        Assert.True(RestartedSegmentationCache.Count > 0, "nothing was segmented again");
        int[][] warm = Starts(engine.Prepare(text, corpus.Font, options));
        engine.ClearCache();
        int[][] again = Starts(engine.Prepare(text, corpus.Font, options));

        Assert.Equal(cold, warm);
        Assert.Equal(cold, again);
    }

    private static int[][] Starts(PreparedText prepared)
        => [.. new[] { 40.0, 48, 56, 64, 75, 90 }.Select(w => TextLayout.LayoutWithLines(prepared, w, 20).Lines.Select(l => l.SourceStart).ToArray())];
}
