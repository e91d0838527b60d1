// Stage: browser oracle, feature cases (line clamp, text-overflow, text-wrap, line-height: normal).
// Input: feature-texts.json (short texts in several scripts, each with its font, lang and dir, and optionally the
// kinds to record it with).
// Output: one case per (text, feature, width), each naming the CSS the recorder puts on the div.
using System.Globalization;
using System.Text.Json;

namespace Foretext.Recorder;

/// <summary>One paragraph laid out with one CSS feature.</summary>
/// <param name="Id"><c>&lt;text&gt;-&lt;kind&gt;@&lt;width&gt;</c>.</param>
/// <param name="Kind"><c>clamp2</c>, <c>clamp3</c>, <c>ellipsis</c>, <c>balance</c>, <c>pretty</c> or <c>normal</c> (line-height: normal).</param>
/// <param name="Css">The declarations added to the div's base style.</param>
/// <param name="LineHeight">A CSS line-height value: <c>normal</c> or px (<c>24px</c>).</param>
public sealed record FeatureCase(string Id, string Kind, string Css, string Text, string Font, string LineHeight, double Width, string Lang, string Dir)
{
    /// <summary>The CSS of each feature kind.</summary>
    public static readonly IReadOnlyDictionary<string, string> KindCss = new Dictionary<string, string>
    {
        ["clamp2"] = "display:-webkit-box;-webkit-box-orient:vertical;-webkit-line-clamp:2;overflow:hidden",
        ["clamp3"] = "display:-webkit-box;-webkit-box-orient:vertical;-webkit-line-clamp:3;overflow:hidden",
        ["ellipsis"] = "white-space:nowrap;overflow:hidden;text-overflow:ellipsis",
        ["balance"] = "text-wrap:balance",
        ["pretty"] = "text-wrap:pretty",
        ["normal"] = string.Empty,
    };

    /// <summary>Widths of the checked-in recording.</summary>
    public static readonly WidthRange Widths = new(100, 380, 40);

    /// <summary>Every text of feature-texts.json, with every feature kind, at every width.</summary>
    public static IReadOnlyList<FeatureCase> All(WidthRange widths)
    {
        string path = Path.Combine(AppContext.BaseDirectory, "feature-texts.json");
        using JsonDocument doc = JsonDocument.Parse(File.ReadAllBytes(path));
        var cases = new List<FeatureCase>();
        foreach (JsonElement t in doc.RootElement.EnumerateArray())
        {
            string font = t.GetProperty("font").GetString()!;
            double size = double.Parse(font.Split("px")[0].Split(' ')[^1], CultureInfo.InvariantCulture);
            string px = Math.Ceiling(size * 1.5).ToString(CultureInfo.InvariantCulture) + "px";
            // A text may name the kinds it is recorded with (the line-height texts only need "normal").
            HashSet<string>? only = t.TryGetProperty("kinds", out JsonElement kinds)
                ? kinds.EnumerateArray().Select(k => k.GetString()!).ToHashSet(StringComparer.Ordinal)
                : null;
            foreach ((string kind, string css) in KindCss)
            {
                if (only is not null && !only.Contains(kind))
                {
                    continue;
                }

                foreach (double width in widths.Values())
                {
                    cases.Add(new FeatureCase(
                        $"{t.GetProperty("id").GetString()}-{kind}@{width.ToString(CultureInfo.InvariantCulture)}",
                        kind, css, t.GetProperty("text").GetString()!, font, kind == "normal" ? "normal" : px, width,
                        t.GetProperty("lang").GetString()!, t.GetProperty("dir").GetString()!));
                }
            }
        }

        return cases;
    }
}
