// `foretext fit TEXT [layout options] [--json]`: the shrink-wrap width (widest line at --width: the box can
// shrink to it without changing a break) and the balanced width (the narrowest box keeping the line count,
// found by binary search over Chromium's LayoutUnit grid, 1/64 px, with TextLayout.Layout).

using System.CommandLine;
using System.Text.Json;
using Foretext.Layout;

namespace Foretext.Cli;

internal static class FitCommand
{
    // Chromium sizes boxes in LayoutUnits of 1/64 px; a width between two grid points lays out like the lower one.
    private const double LAYOUT_UNITS_PER_PX = 64;

    public static Command Create()
    {
        var command = new Command("fit", $"""
            For a box --width px wide, prints the line count, the shrink-wrap width (the widest line: the box can
            shrink to it and no break moves) and the balanced width (the narrowest width, on the 1/64 px grid, that
            keeps the same line count: lines come out as even as greedy breaking allows).
            Examples:
              foretext fit "A headline that should not leave a lonely word" --width 300 --font "bold 24px 'Noto Sans'"
              foretext fit --file caption.txt --width 480 --json
            {ExitCodes.HelpText}
            """);
        var layout = new LayoutArguments(command);
        var json = new Option<bool>("--json") { Description = "Print {\"width\",\"lineCount\",\"shrinkWidth\",\"balancedWidth\"} as JSON." };
        command.Options.Add(json);
        command.SetGuardedAction(parseResult =>
        {
            BatchCase c = layout.Read(parseResult);
            if (!double.IsFinite(c.Width))
            {
                throw new UsageException("--width must be finite");
            }

            PreparedText prepared = SharedEngine.Engine.Prepare(c.Text, c.Font, c.Options);
            LineStats stats = TextLayout.MeasureLineStats(prepared, c.Width);
            double balanced = BalancedWidth(prepared, c.Width, stats.LineCount);
            TextWriter output = parseResult.Out();
            if (parseResult.GetValue(json))
            {
                output.WriteLine(JsonSerializer.Serialize(new { width = c.Width, lineCount = stats.LineCount, shrinkWidth = stats.MaxLineWidth, balancedWidth = balanced }, CliJson.Options));
            }
            else
            {
                output.WriteLine($"width          {LayoutArguments.Px(c.Width)}px ({stats.LineCount} lines)");
                output.WriteLine($"shrink-wrap    {LayoutArguments.Px(stats.MaxLineWidth)}px (same breaks)");
                output.WriteLine($"balanced       {LayoutArguments.Px(balanced)}px (narrowest width with {stats.LineCount} lines)");
            }

            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>The narrowest multiple of 1/64 px at most <paramref name="width"/> that still gives <paramref name="lineCount"/> lines.</summary>
    /// <remarks>Relies on the invariant that a wider box never gives more lines (a property test pins it).</remarks>
    public static double BalancedWidth(PreparedText prepared, double width, int lineCount)
    {
        long low = 0;
        long high = (long)Math.Floor(width * LAYOUT_UNITS_PER_PX);
        while (low < high)
        {
            long mid = low + (high - low) / 2;
            if (TextLayout.Layout(prepared, mid / LAYOUT_UNITS_PER_PX, 0).LineCount <= lineCount)
            {
                high = mid;
            }
            else
            {
                low = mid + 1;
            }
        }

        return high / LAYOUT_UNITS_PER_PX;
    }
}
