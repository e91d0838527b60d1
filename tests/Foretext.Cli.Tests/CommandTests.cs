// The CLI commands run in-process: exit codes, stdout, one-line errors on stderr.

using System.Text.Json;
using Xunit;

namespace Foretext.Cli.Tests;

public sealed class CommandTests
{
    private const string Gatsby = "In my younger and more vulnerable years my father gave me some advice that I've been turning over in my mind ever since.";

    [Fact]
    public void Measure_prints_line_count_and_height_as_json()
    {
        CliRun run = CliRun.Invoke("measure", Gatsby, "--width", "240", "--line-height", "26", "--json");
        Assert.Equal(0, run.ExitCode);
        using JsonDocument json = JsonDocument.Parse(run.Output);
        int lines = json.RootElement.GetProperty("lineCount").GetInt32();
        Assert.True(lines > 1);
        Assert.Equal(lines * 26, json.RootElement.GetProperty("height").GetDouble());
    }

    [Fact]
    public void Lines_tile_the_text_and_agree_with_measure()
    {
        CliRun run = CliRun.Invoke("lines", Gatsby, "--width", "240", "--json");
        Assert.Equal(0, run.ExitCode);
        using JsonDocument json = JsonDocument.Parse(run.Output);
        JsonElement[] lines = [.. json.RootElement.GetProperty("lines").EnumerateArray()];
        Assert.Equal(0, lines[0].GetProperty("start").GetInt32());
        for (int i = 1; i < lines.Length; i++)
        {
            Assert.Equal(lines[i - 1].GetProperty("end").GetInt32(), lines[i].GetProperty("start").GetInt32());
            Assert.True(lines[i].GetProperty("width").GetDouble() <= 240);
        }

        Assert.Equal(Gatsby.Length, lines[^1].GetProperty("end").GetInt32());
        CliRun measure = CliRun.Invoke("measure", Gatsby, "--width", "240", "--json");
        Assert.Equal(lines.Length, JsonDocument.Parse(measure.Output).RootElement.GetProperty("lineCount").GetInt32());
    }

    [Fact]
    public void Lines_text_wrap_pretty_moves_the_lonely_last_word_and_keeps_the_count()
    {
        const string Headline = "A headline that should never leave a lonely word behind";
        string[] Lines(string wrap)
        {
            CliRun run = CliRun.Invoke("lines", Headline, "--width", "300", "--font", "24px \"Noto Serif\"", "--text-wrap", wrap, "--json");
            Assert.Equal(0, run.ExitCode);
            return [.. JsonDocument.Parse(run.Output).RootElement.GetProperty("lines").EnumerateArray().Select(l => l.GetProperty("text").GetString()!)];
        }

        string[] greedy = Lines("wrap");
        string[] pretty = Lines("pretty");
        Assert.Equal("behind", greedy[^1]);
        Assert.Equal(greedy.Length, pretty.Length);
        Assert.Equal("word behind", pretty[^1]);
        Assert.Equal(2, CliRun.Invoke("lines", Headline, "--text-wrap", "nice").ExitCode);
    }

    [Fact]
    public void Lines_sweep_never_gains_lines_as_the_width_grows()
    {
        CliRun run = CliRun.Invoke("lines", Gatsby, "--widths", "100:600:25", "--json");
        Assert.Equal(0, run.ExitCode);
        int[] counts = [.. JsonDocument.Parse(run.Output).RootElement.EnumerateArray().Select(r => r.GetProperty("lineCount").GetInt32())];
        Assert.Equal(21, counts.Length);
        for (int i = 1; i < counts.Length; i++)
        {
            Assert.True(counts[i] <= counts[i - 1]);
        }
    }

    [Fact]
    public void Fit_balanced_width_is_the_narrowest_on_the_layout_unit_grid()
    {
        CliRun run = CliRun.Invoke("fit", Gatsby, "--width", "300", "--json");
        Assert.Equal(0, run.ExitCode);
        JsonElement fit = JsonDocument.Parse(run.Output).RootElement;
        int lineCount = fit.GetProperty("lineCount").GetInt32();
        double balanced = fit.GetProperty("balancedWidth").GetDouble();
        Assert.True(balanced <= fit.GetProperty("shrinkWidth").GetDouble());
        Assert.Equal(balanced * 64, Math.Round(balanced * 64));
        Assert.Equal(lineCount, Count(balanced));
        Assert.Equal(lineCount + 1, Count(balanced - 1 / 64.0));

        static int Count(double width) =>
            JsonDocument.Parse(CliRun.Invoke("measure", Gatsby, "--width", width.ToString("R", System.Globalization.CultureInfo.InvariantCulture), "--json").Output)
                .RootElement.GetProperty("lineCount").GetInt32();
    }

    [Fact]
    public void Fonts_resolve_explains_each_run()
    {
        CliRun run = CliRun.Invoke("fonts", "resolve", "16px 'Noto Serif', serif", "--text", "Hello \u4E16\u754C", "--json");
        Assert.Equal(0, run.ExitCode);
        JsonElement root = JsonDocument.Parse(run.Output).RootElement;
        Assert.Equal("Noto Serif", root.GetProperty("faces")[0].GetProperty("family").GetString());
        JsonElement[] runs = [.. root.GetProperty("runs").EnumerateArray()];
        Assert.Equal("NamedFamily", runs[0].GetProperty("choice").GetString());
        Assert.Contains(runs, r => r.GetProperty("choice").GetString() == "SystemFallback" && r.GetProperty("text").GetString() == "\u4E16\u754C");
        Assert.All(runs, r => Assert.Equal(0, r.GetProperty("missingGlyphs").GetInt32()));
    }

    [Fact]
    public void Render_writes_an_svg_with_glyph_outlines_and_one_box_per_line()
    {
        string path = Path.Combine(Path.GetTempPath(), $"foretext-render-{Guid.NewGuid():N}.svg");
        try
        {
            CliRun run = CliRun.Invoke("render", "--sample", "--out", path);
            Assert.Equal(0, run.ExitCode);
            string svg = File.ReadAllText(path);
            int lines = run.Output.Split('\n').Count(l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^\s+\d+\s+\d+\s+\d+"));
            Assert.True(lines > 1);
            Assert.Equal(lines, System.Text.RegularExpressions.Regex.Count(svg, "<g class=\"line\""));
            Assert.Contains("<path d=\"M", svg);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Batch_parallel_output_equals_serial_output_in_order()
    {
        string input = Path.Combine(Path.GetTempPath(), $"foretext-batch-{Guid.NewGuid():N}.jsonl");
        string serial = input + ".serial", parallel = input + ".parallel";
        try
        {
            var cases = Enumerable.Range(0, 300).Select(i =>
                $"{{\"id\":\"c{i}\",\"text\":\"{Gatsby}\",\"font\":\"16px serif\",\"lineHeight\":20,\"width\":{80 + i}}}");
            File.WriteAllLines(input, cases);
            Assert.Equal(0, CliRun.Invoke("batch", input, serial).ExitCode);
            Assert.Equal(0, CliRun.Invoke("batch", input, parallel, "--parallel", "4").ExitCode);
            string[] expected = File.ReadAllLines(serial);
            Assert.Equal(300, expected.Length);
            Assert.Equal(expected, File.ReadAllLines(parallel));
            Assert.StartsWith("{\"id\":\"c299\"", expected[^1]);
        }
        finally
        {
            File.Delete(input);
            File.Delete(serial);
            File.Delete(parallel);
        }
    }

    [Fact]
    public void Batch_sample_succeeds()
    {
        CliRun run = CliRun.Invoke("batch", "--sample");
        Assert.Equal(0, run.ExitCode);
        Assert.All(run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries), l => Assert.Contains("\"lineCount\"", l));
    }

    [Theory]
    [InlineData(2, "measure", "hello", "--width", "-5")]
    [InlineData(2, "measure", "hello", "--no-such-option")]
    [InlineData(2, "measure")]
    [InlineData(2, "lines", "hello", "--widths", "1:2")]
    [InlineData(2, "render", "hello", "--out", "picture.gif")]
    [InlineData(2, "batch", "/nonexistent/cases.jsonl")]
    [InlineData(2, "fonts", "resolve", "not a font")]
    [InlineData(1, "measure", "hello", "--font", "16px")]
    [InlineData(2, "batch", "--parallel", "0")]
    public void Errors_are_one_line_on_stderr_with_the_documented_exit_code(int exitCode, params string[] args)
    {
        CliRun run = CliRun.Invoke(args);
        Assert.Equal(exitCode, run.ExitCode);
        Assert.Equal("", run.Output);
        Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("foretext ", run.Error);
    }

    [Theory]
    [InlineData("measure")]
    [InlineData("lines")]
    [InlineData("fit")]
    [InlineData("render")]
    [InlineData("batch")]
    [InlineData("serve")]
    public void Help_has_examples_and_exit_codes(string command)
    {
        CliRun run = CliRun.Invoke(command, "--help");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Examples:", run.Output);
        Assert.Contains("Exit codes:", run.Output);
    }
}
