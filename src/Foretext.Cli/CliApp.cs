// The foretext command line: a thin shell over the public API (STYLE.md section 7). Builds the command tree and
// runs it with the given writers, so tests can run commands in-process.
// Exit codes: 0 success, 1 a case or input failed (details on stderr / in the output), 2 bad usage.

using System.CommandLine;

namespace Foretext.Cli;

internal static class CliApp
{
    public static RootCommand CreateRoot()
    {
        var root = new RootCommand("Foretext: how a paragraph wraps in Chromium, without a browser.");
        root.Subcommands.Add(MeasureCommand.Create());
        root.Subcommands.Add(LinesCommand.Create());
        root.Subcommands.Add(FitCommand.Create());
        root.Subcommands.Add(FontsCommand.Create());
        root.Subcommands.Add(RenderCommand.Create());
        root.Subcommands.Add(BatchCommand.Create());
        root.Subcommands.Add(ServeCommand.Create());
        return root;
    }

    /// <summary>Parses and runs <paramref name="args"/>; a parse error is one line on <paramref name="error"/> and exit code 2.</summary>
    public static int Run(string[] args, TextWriter? output = null, TextWriter? error = null)
    {
        output ??= Console.Out;
        error ??= Console.Error;
        ParseResult parsed = CreateRoot().Parse(args);
        if (parsed.Errors.Count > 0)
        {
            string command = parsed.CommandResult.Command.Name;
            error.WriteLine($"foretext {command}: {parsed.Errors[0].Message} (see foretext {command} --help)");
            return ExitCodes.Usage;
        }

        return parsed.Invoke(new InvocationConfiguration { Output = output, Error = error });
    }

    public static TextWriter Out(this ParseResult parseResult) => parseResult.InvocationConfiguration.Output;

    public static TextWriter Err(this ParseResult parseResult) => parseResult.InvocationConfiguration.Error;
}
