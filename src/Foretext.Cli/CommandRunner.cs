// Turns a command body into an exit code: bad usage is 2, a text that cannot be laid out (bad font string,
// missing font file, invalid width) is 1; either way one line on stderr, never a stack trace.

using System.CommandLine;
using Foretext.Fonts;

namespace Foretext.Cli;

internal static class CommandRunner
{
    public static void SetGuardedAction(this Command command, Func<ParseResult, int> body)
        => command.SetAction(parseResult => Guard(command.Name, parseResult, () => body(parseResult)));

    public static int Guard(string name, ParseResult parseResult, Func<int> body)
    {
        try
        {
            return body();
        }
        catch (UsageException e)
        {
            parseResult.Err().WriteLine($"foretext {name}: {e.Message} (see foretext {name} --help)");
            return ExitCodes.Usage;
        }
        catch (Exception e) when (e is FontParseException or FontFileException or FormatException or ArgumentException or IOException or InvalidOperationException)
        {
            parseResult.Err().WriteLine($"foretext {name}: {OneLine(e.Message)}");
            return ExitCodes.Failed;
        }
    }

    public static string OneLine(string message) => message.ReplaceLineEndings(" ");
}
