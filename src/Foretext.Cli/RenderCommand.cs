// `foretext render TEXT|--sample [layout options] --out layout.svg|layout.png`: draws the layout with the shaped
// glyphs (SvgRenderer), line boxes and widths marked; PNG is the SVG rasterised by Chromium. Prints the lines.

using System.CommandLine;
using Foretext.Layout;

namespace Foretext.Cli;

internal static class RenderCommand
{
    public static Command Create()
    {
        var command = new Command("render", $"""
            Draws the laid-out text as SVG (the real glyph outlines of the shaped runs, each line box and its
            width marked) or PNG (the SVG rasterised by Debian's Chromium at 2x), and prints the lines.
            Examples:
              foretext render --sample --out sample.svg
              foretext render "In my younger and more vulnerable years" --width 160 --out layout.png
              foretext render --file poem.txt --white-space pre-wrap --font "18px 'Noto Serif'" --out poem.svg
            {ExitCodes.HelpText}
            """);
        var layout = new LayoutArguments(command, withTextWrap: true);
        var output = new Option<string>("--out", "-o") { Description = "Where to write the picture: a .svg or .png path.", Required = true };
        var sample = new Option<bool>("--sample") { Description = "Render the first built-in sample case (as batch --sample lays out)." };
        command.Options.Add(output);
        command.Options.Add(sample);
        command.SetGuardedAction(parseResult =>
        {
            BatchCase? fallback = parseResult.GetValue(sample) ? BatchCommand.ReadSampleCases()[0] : null;
            BatchCase c = layout.Read(parseResult, fallback);
            string path = parseResult.GetValue(output)!;
            string extension = Path.GetExtension(path).ToLowerInvariant();
            if (extension is not (".svg" or ".png"))
            {
                throw new UsageException($"--out must end in .svg or .png, not \"{path}\"");
            }

            PreparedText prepared = SharedEngine.Engine.Prepare(c.Text, c.Font, c.Options);
            LayoutLinesResult result = TextLayout.LayoutWithLinesWrapped(prepared, c.Width, c.LineHeight, layout.ReadTextWrap(parseResult));
            string svg = SvgRenderer.Render(c, prepared, result, SharedEngine.Measurer);
            if (extension == ".svg")
            {
                File.WriteAllText(path, svg);
            }
            else
            {
                (double width, double height) = SvgRenderer.Size(svg);
                try
                {
                    ChromiumRasterizer.WritePngAsync(svg, width, height, path).GetAwaiter().GetResult();
                }
                catch (Microsoft.Playwright.PlaywrightException e)
                {
                    throw new InvalidOperationException($"Chromium could not rasterise the SVG: {CommandRunner.OneLine(e.Message)}", e);
                }
            }

            TextWriter writer = parseResult.Out();
            LinesCommand.WriteLines(writer, result);
            writer.WriteLine($"wrote {path}");
            return ExitCodes.Success;
        });
        return command;
    }
}
