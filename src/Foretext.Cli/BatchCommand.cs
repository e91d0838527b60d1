// `foretext batch [IN.jsonl|-] [OUT.jsonl|-] [--sample]`: the browser harness's JSONL in, layouts out.

using System.CommandLine;
using System.Reflection;
using Foretext.HarfBuzz;

namespace Foretext.Cli;

internal static class BatchCommand
{
    public static Command Create()
    {
        var input = new Argument<string?>("input") { Description = "JSONL cases to lay out, one per line (- or absent: standard input).", Arity = ArgumentArity.ZeroOrOne };
        var output = new Argument<string?>("output") { Description = "Where to write one result per case (- or absent: standard output).", Arity = ArgumentArity.ZeroOrOne };
        var sample = new Option<bool>("--sample") { Description = "Lay out the built-in sample cases instead of reading input." };
        var command = new Command("batch", """
            Lays out cases given as JSONL, one per line:
              {"id":"a","text":"...","font":"16px \"Noto Serif\", serif","lineHeight":26,"width":320,
               "whiteSpace":"normal|pre-wrap","wordBreak":"normal|keep-all","lang":"en","dir":"ltr","letterSpacing":0}
            and writes per case {"id","height","lineCount","lines":[{"start","end"}]} (UTF-16 offsets into text),
            or {"id","error"} for a case that cannot be laid out; the other cases still run.
            Examples:
              foretext batch --sample
              foretext batch cases.jsonl results.jsonl
              cat cases.jsonl | foretext batch > results.jsonl
            Exit codes: 0 all cases laid out, 1 some cases failed, 2 bad usage.
            """);
        command.Arguments.Add(input);
        command.Arguments.Add(output);
        command.Options.Add(sample);
        command.SetAction(parseResult =>
        {
            string? inPath = parseResult.GetValue(input);
            string? outPath = parseResult.GetValue(output);
            bool useSample = parseResult.GetValue(sample);
            try
            {
                using TextReader reader = useSample ? OpenSample() : inPath is null or "-" ? Console.In : new StreamReader(inPath);
                using Stream writer = outPath is null or "-" ? Console.OpenStandardOutput() : File.Create(outPath);
                var runner = new BatchRunner(new TextLayoutEngine(new HarfBuzzTextMeasurer()));
                runner.Run(reader, writer);
                if (runner.Failures > 0)
                {
                    Console.Error.WriteLine($"foretext batch: {runner.Failures} of {runner.Cases} cases failed (see their \"error\" fields).");
                    return 1;
                }

                return 0;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Console.Error.WriteLine($"foretext batch: {e.Message}");
                return 2;
            }
        });
        return command;
    }

    private static TextReader OpenSample()
        => new StreamReader(Assembly.GetExecutingAssembly().GetManifestResourceStream("sample.jsonl")
            ?? throw new InvalidOperationException("The built-in sample is missing from the assembly."));
}
