// `foretext fonts resolve "CSS font" [--text T] [--lang L] [--json]`: the faces Chromium's fallback order gives
// the font (FontResolver.GetFamilyFaces) and, for a text, which face shapes each run and why
// (HarfBuzzTextMeasurer.ShapeRuns).

using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Foretext.Fonts;
using Foretext.HarfBuzz;
using Foretext.Shaping;

namespace Foretext.Cli;

internal static class FontsCommand
{
    public static Command Create()
    {
        var fonts = new Command("fonts", "Font matching and fallback, as Chromium on Linux does it.");
        var font = new Argument<string>("font") { Description = "CSS font shorthand, e.g. \"16px 'Noto Sans', sans-serif\"." };
        var text = new Option<string?>("--text", "-t") { Description = "Show which face serves each run of this text." };
        var lang = new Option<string?>("--lang") { Description = "Content language (BCP 47); changes per-character fallback." };
        var json = new Option<bool>("--json") { Description = "Print JSON." };
        var resolve = new Command("resolve", $"""
            Lists the faces the font resolves to, in the order Chromium tries them (the named families, generic
            families through Chromium's default settings, then the standard font), and with --text, each run of
            the text with the face that shapes it and the fallback step that chose it.
            Examples:
              foretext fonts resolve "16px sans-serif"
              foretext fonts resolve "16px 'Noto Serif', serif" --text "Hello 世界 🎉"
              foretext fonts resolve "16px sans-serif" --text "骨" --lang ja --json
            {ExitCodes.HelpText}
            """);
        resolve.Arguments.Add(font);
        resolve.Options.Add(text);
        resolve.Options.Add(lang);
        resolve.Options.Add(json);
        resolve.SetAction(parseResult => CommandRunner.Guard("fonts resolve", parseResult, () =>
        {
            string fontText = parseResult.GetValue(font)!;
            if (!CssFont.TryParse(fontText, out CssFont? css))
            {
                throw new UsageException($"cannot parse the CSS font \"{fontText}\"");
            }

            FontResolution resolution = Resolve(css, fontText, parseResult.GetValue(text), parseResult.GetValue(lang));
            TextWriter output = parseResult.Out();
            if (parseResult.GetValue(json))
            {
                output.WriteLine(JsonSerializer.Serialize(resolution, CliJson.Options));
            }
            else
            {
                Write(output, resolution);
            }

            return ExitCodes.Success;
        }));
        fonts.Subcommands.Add(resolve);
        return fonts;
    }

    public static FontResolution Resolve(CssFont css, string font, string? text, string? lang)
    {
        HarfBuzzTextMeasurer measurer = SharedEngine.Measurer;
        var faces = measurer.Resolver.GetFamilyFaces(css).Select(f => Describe(f)).ToList();
        List<RunInfo>? runs = null;
        if (text is not null)
        {
            runs = [];
            foreach (ShapedRun run in measurer.ShapeRuns(text, new MeasureStyle(font, lang, 0)))
            {
                string runText = text[run.Start..run.End];
                runs.Add(new RunInfo(run.Start, run.End, runText, Describe(run.Face), run.Choice.ToString(), Reason(run, runText, lang, faces), run.Script,
                    run.Glyphs.Count, run.Glyphs.Count(g => g.GlyphId == 0)));
            }
        }

        return new FontResolution(font, css.SizePx, css.Weight, css.Style.ToString(), faces, runs);
    }

    private static FaceInfo Describe(ResolvedFace f) =>
        new(f.Face.Family, f.Face.Weight, f.Face.IsItalic, f.Face.FilePath, f.Face.FaceIndex, f.SyntheticBold, f.SyntheticItalic, f.IsNamedFamily);

    private static string Reason(ShapedRun run, string runText, string? lang, List<FaceInfo> faces) => run.Choice switch
    {
        FontChoice.NamedFamily => $"named family #{run.FamilyIndex + 1} ({faces[run.FamilyIndex].Family}) has the glyphs",
        FontChoice.EmojiFont => "emoji presentation and no named family drew it: fontconfig asked for und-Zsye",
        FontChoice.StandardFont => "no named family has the glyphs: Chromium's standard font",
        FontChoice.SystemFallback => $"no listed face has U+{char.ConvertToUtf32(runText, 0):X4}: fontconfig fallback for lang {lang ?? "en-US (browser locale)"}",
        _ => "no installed font covers it: drawn as .notdef",
    };

    private static void Write(TextWriter output, FontResolution r)
    {
        output.WriteLine($"font {r.Font}: {LayoutArguments.Px(r.SizePx)}px, weight {r.Weight.ToString(CultureInfo.InvariantCulture)}, {r.Style.ToLowerInvariant()}");
        output.WriteLine("faces in fallback order:");
        for (int i = 0; i < r.Faces.Count; i++)
        {
            FaceInfo f = r.Faces[i];
            output.WriteLine($"  {i + 1}. {Name(f)} {(f.Named ? "(named family)" : "(standard font)")}  {f.File}#{f.Index}");
        }

        if (r.Runs is null)
        {
            return;
        }

        output.WriteLine("runs:");
        foreach (RunInfo run in r.Runs)
        {
            string missing = run.MissingGlyphs > 0 ? $", {run.MissingGlyphs} missing glyphs" : "";
            output.WriteLine($"  [{run.Start},{run.End}) \"{run.Text}\" {run.Script}: {Name(run.Face)}  {run.Face.File}#{run.Face.Index}");
            output.WriteLine($"      {run.Reason} ({run.Glyphs} glyphs{missing})");
        }
    }

    private static string Name(FaceInfo f) =>
        $"{f.Family} {f.Weight.ToString(CultureInfo.InvariantCulture)}{(f.Italic ? " italic" : "")}" +
        $"{(f.SyntheticBold ? " +synthetic bold" : "")}{(f.SyntheticItalic ? " +synthetic italic" : "")}";

    internal sealed record FaceInfo(string Family, double Weight, bool Italic, string? File, int Index, bool SyntheticBold, bool SyntheticItalic, bool Named);

    internal sealed record RunInfo(int Start, int End, string Text, FaceInfo Face, string Choice, string Reason, string Script, int Glyphs, int MissingGlyphs);

    internal sealed record FontResolution(string Font, double SizePx, double Weight, string Style, IReadOnlyList<FaceInfo> Faces, IReadOnlyList<RunInfo>? Runs);
}
