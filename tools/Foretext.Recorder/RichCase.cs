// Stage: browser oracle, rich inline cases.
// Input: rich-texts.json (paragraphs as lists of items: text, CSS font, letter spacing, atomic, extra width; a lang,
// a dir, optionally a word-break and their own widths). Output: one case per (paragraph, width).
using System.Globalization;
using System.Text.Json;

namespace Foretext.Recorder;

/// <summary>One item of a rich inline paragraph, as the recorder writes it into a span.</summary>
public sealed record RichCaseItem(string Text, string Font, double LetterSpacing, bool Atomic, double ExtraWidth);

/// <summary>A rich inline paragraph laid out at one width.</summary>
/// <param name="Id"><c>rich-&lt;paragraph&gt;@&lt;width&gt;</c>.</param>
/// <param name="LineHeight">px; large (twice the largest font size) so that lines are told apart by height.</param>
public sealed record RichCase(string Id, IReadOnlyList<RichCaseItem> Items, double Width, double LineHeight, string Lang, string Dir, string WordBreak = "normal")
{
    /// <summary>Widths of the checked-in recording, unless a paragraph names its own.</summary>
    public static readonly WidthRange Widths = new(60, 400, 20);

    /// <summary>Every paragraph of rich-texts.json at every width.</summary>
    public static IReadOnlyList<RichCase> All()
    {
        string path = Path.Combine(AppContext.BaseDirectory, "rich-texts.json");
        using JsonDocument doc = JsonDocument.Parse(File.ReadAllBytes(path));
        var cases = new List<RichCase>();
        foreach (JsonElement p in doc.RootElement.EnumerateArray())
        {
            var items = p.GetProperty("items").EnumerateArray().Select(i => new RichCaseItem(
                i.GetProperty("text").GetString()!,
                i.GetProperty("font").GetString()!,
                i.TryGetProperty("letterSpacing", out JsonElement ls) ? ls.GetDouble() : 0,
                i.TryGetProperty("atomic", out JsonElement a) && a.GetBoolean(),
                i.TryGetProperty("extraWidth", out JsonElement ew) ? ew.GetDouble() : 0)).ToList();
            double maxSize = items.Max(i => double.Parse(i.Font.Split("px")[0].Split(' ')[^1], CultureInfo.InvariantCulture));
            WidthRange widths = p.TryGetProperty("widths", out JsonElement w) ? WidthRange.Parse(w.GetString()!) : Widths;
            foreach (double width in widths.Values())
            {
                cases.Add(new RichCase(
                    $"rich-{p.GetProperty("id").GetString()}@{width.ToString(CultureInfo.InvariantCulture)}",
                    items, width, Math.Ceiling(maxSize * 2), p.GetProperty("lang").GetString()!,
                    p.TryGetProperty("dir", out JsonElement d) ? d.GetString()! : "ltr",
                    p.TryGetProperty("wordBreak", out JsonElement wb) ? wb.GetString()! : "normal"));
            }
        }

        return cases;
    }
}
