// Foretext.Bench: BenchmarkDotNet suites (default), plus console modes that need no BenchmarkDotNet:
//   side-by-side [OUT.json]        Foretext's half of bench/run-peers.sh (Stopwatch medians)
//   emit-batch OUT.json            the 500 batch texts, for the browser peers
//   batch-cases N OUT.jsonl        N short `foretext batch` cases, deterministic
//   profile                        where Prepare's time goes, stage by stage
//   layout-profile [corpus-id ...] where Layout's time goes on the batch; what a prepared corpus retains, field by field
// Examples: dotnet run -c Release --project bench/Foretext.Bench -- --filter '*BatchBenchmarks*' --job short

using BenchmarkDotNet.Running;
using Foretext.Bench;

return args.FirstOrDefault() switch
{
    "side-by-side" => SideBySide.Run(args[1..]),
    "emit-batch" => EmitBatch(args[1]),
    "batch-cases" => BatchCases.Write(int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture), args[2]),
    "profile" => PrepareProfile.Run(args[1..]),
    "layout-profile" => LayoutProfile.Run(args[1..]),
    _ => RunBenchmarks(args),
};

static int RunBenchmarks(string[] args)
{
    BenchmarkSwitcher.FromAssembly(typeof(BatchBenchmarks).Assembly).Run(args);
    return 0;
}

static int EmitBatch(string path)
{
    var doc = new
    {
        font = Corpora.BatchFont,
        lineHeight = Corpora.BatchLineHeight,
        widths = Corpora.BatchWidths,
        texts = Corpora.Batch,
        corpora = Corpora.All.Select(c => new { id = c.Id, font = c.Font, lineHeight = c.LineHeight, lang = c.Lang, dir = c.Dir, text = c.Text }),
    };
    File.WriteAllText(path, System.Text.Json.JsonSerializer.Serialize(doc));
    return 0;
}
