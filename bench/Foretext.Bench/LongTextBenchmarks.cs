// Long texts: Gatsby and every corpus of ../shared/corpora/manifest.json in its own font, each one paragraph.
// Prepare cold and warm, layout at 300/600/800 px; the "ns/segment" column divides each mean by the corpus's
// segment count.

using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using Foretext.HarfBuzz;
using Foretext.Layout;

namespace Foretext.Bench;

[MemoryDiagnoser]
[Config(typeof(Config))]
public class LongTextBenchmarks
{
    private TextLayoutEngine _engine = null!;
    private Corpus _corpus = null!;
    private PrepareOptions _options = null!;
    private PreparedText _prepared = null!;

    public static IEnumerable<string> CorpusIds => Corpora.All.Select(c => c.Id);

    [ParamsSource(nameof(CorpusIds))]
    public string Corpus { get; set; } = "en-gatsby-opening";

    [GlobalSetup]
    public void Setup()
    {
        _engine = new TextLayoutEngine(new HarfBuzzTextMeasurer());
        _corpus = Corpora.Get(Corpus);
        _options = _corpus.Options;
        _prepared = _engine.Prepare(_corpus.Text, _corpus.Font, _options);
    }

    [GlobalCleanup]
    public void Cleanup() => ((IDisposable)_engine.Measurer).Dispose();

    [Benchmark(Description = "Prepare cold")]
    public int PrepareCold()
    {
        _engine.ClearCache();
        return _engine.Prepare(_corpus.Text, _corpus.Font, _options).SegmentCount;
    }

    [Benchmark(Description = "Prepare warm")]
    public int PrepareWarm() => _engine.Prepare(_corpus.Text, _corpus.Font, _options).SegmentCount;

    [Benchmark(Description = "Layout 300px")]
    public int Layout300() => TextLayout.Layout(_prepared, 300, _corpus.LineHeight).LineCount;

    [Benchmark(Description = "Layout 600px")]
    public int Layout600() => TextLayout.Layout(_prepared, 600, _corpus.LineHeight).LineCount;

    [Benchmark(Description = "Layout 800px")]
    public int Layout800() => TextLayout.Layout(_prepared, 800, _corpus.LineHeight).LineCount;

    private sealed class Config : ManualConfig
    {
        public Config() => AddColumn(new NsPerSegmentColumn());
    }

    /// <summary>Mean time divided by the corpus's segment count (prepared once in the host process).</summary>
    private sealed class NsPerSegmentColumn : IColumn
    {
        private static readonly Dictionary<string, int> s_segments = [];

        public string Id => "NsPerSegment";
        public string ColumnName => "ns/segment";
        public bool AlwaysShow => true;
        public ColumnCategory Category => ColumnCategory.Custom;
        public int PriorityInCategory => 0;
        public bool IsNumeric => true;
        public UnitType UnitType => UnitType.Dimensionless;
        public string Legend => "Mean divided by the corpus's segment count";

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
        {
            BenchmarkReport? report = summary[benchmarkCase];
            if (report?.ResultStatistics is null)
            {
                return "-";
            }

            string id = (string)benchmarkCase.Parameters["Corpus"];
            return (report.ResultStatistics.Mean / Segments(id)).ToString("0.00");
        }

        public bool IsAvailable(Summary summary) => true;
        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

        private static int Segments(string id)
        {
            lock (s_segments)
            {
                if (!s_segments.TryGetValue(id, out int count))
                {
                    using var measurer = new HarfBuzzTextMeasurer();
                    Corpus corpus = Corpora.Get(id);
                    count = new TextLayoutEngine(measurer).PrepareWithSegments(corpus.Text, corpus.Font, corpus.Options).SegmentCount;
                    s_segments[id] = count;
                }

                return count;
            }
        }
    }
}
