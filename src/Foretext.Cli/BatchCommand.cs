// `foretext batch [IN.jsonl|-] [OUT.jsonl|-] [--sample] [--parallel N]`: the browser harness's JSONL in, layouts
// out, streamed in blocks (BatchRunner), with a progress line on stderr when stderr is a terminal.

using System.CommandLine;
using System.Diagnostics;
using System.Reflection;
using System.Text;
using System.Text.Json;

namespace Foretext.Cli;

internal static class BatchCommand
{
    public static Command Create()
    {
        var input = new Argument<string?>("input") { Description = "JSONL cases to lay out, one per line (- or absent: standard input).", Arity = ArgumentArity.ZeroOrOne };
        var output = new Argument<string?>("output") { Description = "Where to write one result per case (- or absent: standard output).", Arity = ArgumentArity.ZeroOrOne };
        var sample = new Option<bool>("--sample") { Description = "Lay out the built-in sample cases instead of reading input." };
        var parallel = new Option<int>("--parallel", "-j") { Description = "Lay out on up to N threads (output stays in input order).", DefaultValueFactory = _ => 1 };
        parallel.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() is < 1 or > 256)
            {
                r.AddError("--parallel must be between 1 and 256.");
            }
        });
        var command = new Command("batch", $"""
            Lays out cases given as JSONL, one per line:
              {"{"}"id":"a","text":"...","font":"16px \"Noto Serif\", serif","lineHeight":26,"width":320,
               "whiteSpace":"normal|pre-wrap","wordBreak":"normal|keep-all","lang":"en","dir":"ltr","letterSpacing":0{"}"}
            and writes per case {"{"}"id","height","lineCount","lines":[{"{"}"start","end"{"}"}]{"}"} (UTF-16 offsets into text),
            or {"{"}"id","error"{"}"} for a case that cannot be laid out; the other cases still run. Input is streamed in
            blocks, so memory stays flat on any input length; a progress line goes to stderr when it is a terminal.
            Examples:
              foretext batch --sample
              foretext batch cases.jsonl results.jsonl --parallel 4
              cat cases.jsonl | foretext batch > results.jsonl
            Exit codes: 0 all cases laid out, 1 some cases failed, 2 bad usage (unreadable input, bad option).
            """);
        command.Arguments.Add(input);
        command.Arguments.Add(output);
        command.Options.Add(sample);
        command.Options.Add(parallel);
        command.SetAction(parseResult =>
        {
            string? inPath = parseResult.GetValue(input);
            string? outPath = parseResult.GetValue(output);
            TextWriter error = parseResult.Err();
            try
            {
                using TextReader reader = parseResult.GetValue(sample) ? OpenSample() : inPath is null or "-" ? Console.In : new StreamReader(inPath);
                using TextWriter? file = outPath is null or "-" ? null : new StreamWriter(outPath, false, new UTF8Encoding(false));
                TextWriter writer = file ?? parseResult.Out();
                var runner = new BatchRunner(SharedEngine.Engine, parseResult.GetValue(parallel));
                Action<long>? progress = ReferenceEquals(error, Console.Error) && !Console.IsErrorRedirected ? Progress(reader, error) : null;
                runner.Run(reader, writer, progress);
                if (progress is not null)
                {
                    error.WriteLine();
                }

                if (runner.Failures > 0)
                {
                    error.WriteLine($"foretext batch: {runner.Failures} of {runner.Cases} cases failed (see their \"error\" fields).");
                    return ExitCodes.Failed;
                }

                return ExitCodes.Success;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                error.WriteLine($"foretext batch: {CommandRunner.OneLine(e.Message)}");
                return ExitCodes.Usage;
            }
        });
        return command;
    }

    /// <summary>The built-in sample cases, parsed.</summary>
    public static IReadOnlyList<BatchCase> ReadSampleCases()
    {
        var cases = new List<BatchCase>();
        using TextReader reader = OpenSample();
        string? line;
        while ((line = reader.ReadLine()) != null)
        {
            using JsonDocument document = JsonDocument.Parse(line);
            cases.Add(BatchCase.Parse(document.RootElement, BatchCase.ReadId(document.RootElement) ?? "sample"));
        }

        return cases;
    }

    // A one-line bar redrawn after each block: cases done, rate, and the share of a file input read.
    private static Action<long> Progress(TextReader reader, TextWriter error)
    {
        Stream? stream = (reader as StreamReader)?.BaseStream;
        long length = stream is { CanSeek: true } ? stream.Length : 0;
        var clock = Stopwatch.StartNew();
        return cases =>
        {
            double rate = cases / Math.Max(clock.Elapsed.TotalSeconds, 1e-3);
            string bar = "";
            if (length > 0)
            {
                double done = Math.Clamp((double)stream!.Position / length, 0, 1);
                int filled = (int)(done * 30);
                bar = $"[{new string('#', filled)}{new string('.', 30 - filled)}] {done:P0} ";
            }

            error.Write($"\r{bar}{cases} cases, {rate:0} cases/s ");
        };
    }

    private static StreamReader OpenSample()
        => new(Assembly.GetExecutingAssembly().GetManifestResourceStream("sample.jsonl")
            ?? throw new InvalidOperationException("The built-in sample is missing from the assembly."));
}
