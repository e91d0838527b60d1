// Coverage-guided fuzz targets (SharpFuzz + AFL++), one per argument: `font` (the CSS font shorthand parser),
// `prepare` (Prepare and every layout call with options taken from the input's first bytes), `fontfile` (font
// loading from bytes, then shaping with the loaded face). fuzz/run.sh instruments Foretext*.dll and runs AFL++
// for a bounded time per target. A typed, documented exception is an answer; anything else is a crash.

using System.Text;
using Foretext;
using Foretext.Fonts;
using Foretext.Fuzzing;
using Foretext.HarfBuzz;
using Foretext.Layout;
using Foretext.Text;
using SharpFuzz;

string target = args.Length > 0 ? args[0] : throw new ArgumentException("usage: Foretext.Fuzz font|prepare|fontfile");
switch (target)
{
    case "font":
        Fuzzer.OutOfProcess.Run(stream =>
        {
            string text = ReadText(stream);
            if (CssFont.TryParse(text, out CssFont? parsed))
            {
                CssFont.Parse(parsed!.ToString()); // a parsed font prints back to a string that parses
            }
            else
            {
                try
                {
                    CssFont.Parse(text);
                    throw new InvalidOperationException("TryParse refused what Parse accepted");
                }
                catch (FontParseException)
                {
                }
            }
        });
        break;

    case "prepare":
    {
        // Instrumented code may run only inside Run (its coverage map exists from there on), so the engine is
        // made on the first input and kept for the rest.
        TextLayoutEngine? engine = null;
        Fuzzer.OutOfProcess.Run(stream =>
        {
            engine ??= new TextLayoutEngine(new HarfBuzzTextMeasurer());
            if (!PrepareInput.TryDecode(ReadAll(stream), out string text, out PrepareOptions options, out double width))
            {
                return;
            }

            PreparedText prepared = engine.Prepare(text, PrepareInput.Font, options);
            LayoutResult result = TextLayout.Layout(prepared, width, 20);
            LayoutLinesResult lines = TextLayout.LayoutWithLines(prepared, width, 20);
            if (result.LineCount != lines.LineCount)
            {
                throw new InvalidOperationException("Layout and LayoutWithLines disagree");
            }
        });
        break;
    }

    case "fontfile":
        Fuzzer.OutOfProcess.Run(stream =>
        {
            var fonts = new FontCollection();
            try
            {
                fonts.AddStream(new MemoryStream(ReadAll(stream)));
            }
            catch (FontFileException)
            {
                return;
            }

            using var measurer = new HarfBuzzTextMeasurer(fonts);
            string family = fonts.Faces.Count > 0 ? fonts.Faces[0].Family : "x";
            var advances = new double[16];
            try
            {
                measurer.MeasureAdvances("Hamburgefonts 12", new Foretext.Shaping.MeasureStyle($"16px \"{family}\"", null, 0), advances);
            }
            catch (Exception e) when (e is FontFileException or FontParseException)
            {
            }
        });
        break;

    default:
        throw new ArgumentException($"unknown target {target}");
}

static byte[] ReadAll(Stream stream)
{
    using var memory = new MemoryStream();
    stream.CopyTo(memory);
    return memory.ToArray();
}

static string ReadText(Stream stream) => Encoding.UTF8.GetString(ReadAll(stream));
