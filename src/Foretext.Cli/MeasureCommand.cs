// `foretext measure TEXT|--file F [layout options] [--json]`: line count and height (TextLayout.Layout).

using System.CommandLine;
using System.Text.Json;
using Foretext.Layout;

namespace Foretext.Cli;

internal static class MeasureCommand
{
    public static Command Create()
    {
        var command = new Command("measure", $"""
            Prints the line count and height of the text in a box --width px wide.
            Examples:
              foretext measure "In my younger and more vulnerable years" --width 120
              foretext measure --file chapter.txt --font "18px 'Noto Sans'" --width 600 --line-height 28 --json
              echo "Hello world" | foretext measure - --width 40
            {ExitCodes.HelpText}
            """);
        var layout = new LayoutArguments(command);
        var json = new Option<bool>("--json") { Description = "Print {\"lineCount\",\"height\",\"width\"} as JSON." };
        command.Options.Add(json);
        command.SetGuardedAction(parseResult =>
        {
            BatchCase c = layout.Read(parseResult);
            PreparedText prepared = SharedEngine.Engine.Prepare(c.Text, c.Font, c.Options);
            LayoutResult result = TextLayout.Layout(prepared, c.Width, c.LineHeight);
            TextWriter output = parseResult.Out();
            if (parseResult.GetValue(json))
            {
                output.WriteLine(JsonSerializer.Serialize(new { lineCount = result.LineCount, height = result.Height, width = c.Width }, CliJson.Options));
            }
            else
            {
                output.WriteLine($"lines  {result.LineCount}");
                output.WriteLine($"height {LayoutArguments.Px(result.Height)}px");
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
