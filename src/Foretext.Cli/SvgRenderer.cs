// Draws a layout as SVG: the box, each line box with its measured width, and the line's text as the real glyph
// outlines of the shaped runs (HarfBuzzTextMeasurer.ShapeRuns + GetGlyphOutlinePath), so the picture shows the
// faces the measurer chose. Vertical metrics are approximate (the baseline sits at 0.35 em below the line box's
// middle); horizontal positions are the measured advances. Bitmap emoji have no outlines: a box marks them.

using System.Globalization;
using System.Net;
using System.Text;
using Foretext.HarfBuzz;
using Foretext.Layout;
using Foretext.Shaping;

namespace Foretext.Cli;

internal static class SvgRenderer
{
    private const double Margin = 16;
    private const double LabelWidth = 90;

    // Chromium's synthetic oblique skews by 20% of the em (Skia's SK_Scalar1/5 when faking italic).
    private const double SYNTHETIC_ITALIC_SKEW_DEGREES = -11.31;

    public static string Render(BatchCase c, PreparedText prepared, LayoutLinesResult result, HarfBuzzTextMeasurer measurer)
    {
        double boxWidth = double.IsFinite(c.Width) ? c.Width : result.Lines.Select(l => l.Width).DefaultIfEmpty(0).Max();
        double lineHeight = c.LineHeight > 0 ? c.LineHeight : 1;
        double sizePx = Foretext.Fonts.CssFont.Parse(c.Font).SizePx;
        double width = Margin * 2 + boxWidth + LabelWidth;
        double height = Margin * 2 + Math.Max(1, result.LineCount) * lineHeight;
        var svg = new StringBuilder();
        svg.Append(Inv($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{N(width)}\" height=\"{N(height)}\" viewBox=\"0 0 {N(width)} {N(height)}\">\n"));
        svg.Append("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
        svg.Append(Inv($"<text x=\"{N(Margin)}\" y=\"{N(Margin - 4)}\" font-family=\"sans-serif\" font-size=\"10\" fill=\"#666\">{Escape(c.Font)} · width {N(c.Width)}px · line-height {N(c.LineHeight)}px · {result.LineCount} lines</text>\n"));
        svg.Append(Inv($"<rect x=\"{N(Margin)}\" y=\"{N(Margin)}\" width=\"{N(boxWidth)}\" height=\"{N(result.LineCount * lineHeight)}\" fill=\"none\" stroke=\"#1f77b4\" stroke-dasharray=\"4 3\"/>\n"));
        var style = new MeasureStyle(c.Font, c.Options.Lang, c.Options.LetterSpacing);
        for (int i = 0; i < result.Lines.Count; i++)
        {
            LayoutLine line = result.Lines[i];
            double top = Margin + i * lineHeight;
            svg.Append(Inv($"<g class=\"line\" data-start=\"{line.SourceStart}\" data-end=\"{line.SourceEnd}\">\n"));
            svg.Append(Inv($"<rect x=\"{N(Margin)}\" y=\"{N(top)}\" width=\"{N(line.Width)}\" height=\"{N(lineHeight)}\" fill=\"{(i % 2 == 0 ? "#eef5fb" : "#e2edf7")}\" stroke=\"#9ecae1\" stroke-width=\"0.5\"/>\n"));
            svg.Append(Inv($"<text x=\"{N(Margin + boxWidth + 6)}\" y=\"{N(top + lineHeight / 2 + 3.5)}\" font-family=\"sans-serif\" font-size=\"10\" fill=\"#555\">{N(line.Width)}px</text>\n"));
            double baseline = top + lineHeight / 2 + 0.35 * sizePx;
            AppendGlyphs(svg, line.Text, style, c.Options.LetterSpacing, Margin, baseline, measurer);
            svg.Append("</g>\n");
        }

        svg.Append("</svg>\n");
        return svg.ToString();
    }

    private static void AppendGlyphs(StringBuilder svg, string text, in MeasureStyle style, double letterSpacing, double x, double baseline, HarfBuzzTextMeasurer measurer)
    {
        double pen = x;
        foreach (ShapedRun run in measurer.ShapeRuns(text.Replace('\t', ' '), style))
        {
            string transform = run.Face.SyntheticItalic ? Inv($" transform=\"skewX({N(SYNTHETIC_ITALIC_SKEW_DEGREES)})\"") : "";
            string stroke = run.Face.SyntheticBold ? Inv($" stroke=\"#111\" stroke-width=\"{N(run.SizePx / 24)}\"") : "";
            int lastCluster = -1;
            foreach (ShapedGlyph glyph in run.Glyphs)
            {
                if (glyph.Cluster != lastCluster && lastCluster >= 0)
                {
                    pen += letterSpacing;
                }

                lastCluster = glyph.Cluster;
                double gx = pen + glyph.XOffset;
                double gy = baseline - glyph.YOffset;
                string path = measurer.GetGlyphOutlinePath(run.Face.Face, glyph.GlyphId, run.SizePx);
                if (path.Length > 0)
                {
                    svg.Append(Inv($"<g transform=\"translate({N(gx)} {N(gy)})\"><path d=\"{path}\" fill=\"#111\"{stroke}{transform}/></g>\n"));
                }
                else if (!char.IsWhiteSpace(text, glyph.Cluster) && glyph.XAdvance > 0)
                {
                    svg.Append(Inv($"<rect x=\"{N(gx + 1)}\" y=\"{N(gy - run.SizePx * 0.8)}\" width=\"{N(glyph.XAdvance - 2)}\" height=\"{N(run.SizePx)}\" rx=\"2\" fill=\"#fdd835\" stroke=\"#c49000\" stroke-width=\"0.5\"/>\n"));
                }

                pen += glyph.XAdvance;
            }
        }
    }

    /// <summary>The width and height attributes <see cref="Render"/> wrote.</summary>
    public static (double Width, double Height) Size(string svg)
    {
        static double Read(string svg, string name)
        {
            int at = svg.IndexOf($" {name}=\"", StringComparison.Ordinal) + name.Length + 3;
            return double.Parse(svg.AsSpan(at, svg.IndexOf('"', at) - at), CultureInfo.InvariantCulture);
        }

        return (Read(svg, "width"), Read(svg, "height"));
    }

    private static string N(double value) => Math.Round(value, 3).ToString(CultureInfo.InvariantCulture);

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);

    private static string Escape(string s) => WebUtility.HtmlEncode(s);
}
