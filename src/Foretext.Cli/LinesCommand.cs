// `foretext lines TEXT [layout options] [--widths A:B:STEP] [--json]`: every line's text, width and offsets
// (TextLayout.LayoutWithLines), or a sweep table of line count and widest line over a range of widths.

using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Foretext.Layout;

namespace Foretext.Cli;

internal static class LinesCommand
{
    public static Command Create()
    {
        var command = new Command("lines", $"""
            Prints each line: start and end (UTF-16 offsets into the text), width in px and the text drawn.
            With --widths A:B:STEP, prints one row per width instead: line count, height, widest line.
            Examples:
              foretext lines "In my younger and more vulnerable years" --width 120
              foretext lines --file story.txt --font "16px 'Noto Sans'" --widths 200:800:50
              foretext lines "Hello world" --width 40 --json
            {ExitCodes.HelpText}
            """);
        var layout = new LayoutArguments(command, withTextWrap: true);
        var widths = new Option<string?>("--widths") { Description = "Sweep A:B:STEP px (e.g. 200:800:50) instead of one --width." };
        var json = new Option<bool>("--json") { Description = "Print JSON instead of a table." };
        command.Options.Add(widths);
        command.Options.Add(json);
        command.SetGuardedAction(parseResult =>
        {
            BatchCase c = layout.Read(parseResult);
            PreparedText prepared = SharedEngine.Engine.Prepare(c.Text, c.Font, c.Options);
            TextWriter output = parseResult.Out();
            bool asJson = parseResult.GetValue(json);
            if (parseResult.GetValue(widths) is { } sweep)
            {
                WriteSweep(output, prepared, ParseSweep(sweep), c.LineHeight, asJson);
                return ExitCodes.Success;
            }

            LayoutLinesResult result = TextLayout.LayoutWithLinesWrapped(prepared, c.Width, c.LineHeight, layout.ReadTextWrap(parseResult));
            if (asJson)
            {
                output.WriteLine(JsonSerializer.Serialize(new
                {
                    lineCount = result.LineCount,
                    height = result.Height,
                    lines = result.Lines.Select(l => new { start = l.SourceStart, end = l.SourceEnd, width = l.Width, text = l.Text }),
                }, CliJson.Options));
                return ExitCodes.Success;
            }

            WriteLines(output, result);
            return ExitCodes.Success;
        });
        return command;
    }

    public static void WriteLines(TextWriter output, LayoutLinesResult result)
    {
        output.WriteLine($"{"#",3} {"start",6} {"end",6} {"width",9}  text");
        for (int i = 0; i < result.Lines.Count; i++)
        {
            LayoutLine l = result.Lines[i];
            output.WriteLine($"{i + 1,3} {l.SourceStart,6} {l.SourceEnd,6} {LayoutArguments.Px(l.Width),9}  {l.Text}");
        }

        output.WriteLine($"{result.LineCount} lines, {LayoutArguments.Px(result.Height)}px");
    }

    private static void WriteSweep(TextWriter output, PreparedText prepared, (double From, double To, double Step) sweep, double lineHeight, bool asJson)
    {
        var rows = new List<(double Width, LineStats Stats)>();
        for (int i = 0; ; i++)
        {
            double width = sweep.From + i * sweep.Step; // multiply, not accumulate: no drift over long sweeps
            if (width > sweep.To + 1e-9)
            {
                break;
            }

            rows.Add((width, TextLayout.MeasureLineStats(prepared, width)));
        }

        if (asJson)
        {
            output.WriteLine(JsonSerializer.Serialize(rows.Select(r => new
            {
                width = r.Width,
                lineCount = r.Stats.LineCount,
                height = r.Stats.LineCount * lineHeight,
                maxLineWidth = r.Stats.MaxLineWidth,
            }), CliJson.Options));
            return;
        }

        output.WriteLine($"{"width",9} {"lines",6} {"height",9} {"widest",9}");
        foreach ((double width, LineStats stats) in rows)
        {
            output.WriteLine($"{LayoutArguments.Px(width),9} {stats.LineCount,6} {LayoutArguments.Px(stats.LineCount * lineHeight),9} {LayoutArguments.Px(stats.MaxLineWidth),9}");
        }
    }

    public static (double From, double To, double Step) ParseSweep(string value)
    {
        string[] parts = value.Split(':');
        if (parts.Length != 3 ||
            !double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out double from) ||
            !double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out double to) ||
            !double.TryParse(parts[2], NumberStyles.Float, CultureInfo.InvariantCulture, out double step))
        {
            throw new UsageException($"--widths \"{value}\" is not A:B:STEP (e.g. 200:800:50)");
        }

        if (!(from >= 0) || !(to >= from) || !(step > 0) || !double.IsFinite(to) || (to - from) / step > 100_000)
        {
            throw new UsageException($"--widths \"{value}\" needs 0 <= A <= B and STEP > 0, at most 100000 rows");
        }

        return (from, to, step);
    }
}
