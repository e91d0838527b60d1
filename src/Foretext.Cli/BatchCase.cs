// One case of the browser harness's JSONL: {id, text, font, lineHeight, width, whiteSpace, wordBreak, lang, dir,
// letterSpacing}. Parsing is strict: an unknown value is an error for that case, never a silent default.

using System.Text.Json;

namespace Foretext.Cli;

internal sealed record BatchCase(string Id, string Text, string Font, double LineHeight, double Width, PrepareOptions Options)
{
    public static BatchCase Parse(JsonElement root, string id)
    {
        string text = RequiredString(root, "text");
        string font = RequiredString(root, "font");
        double lineHeight = RequiredNumber(root, "lineHeight");
        double width = RequiredNumber(root, "width");
        var options = new PrepareOptions
        {
            WhiteSpace = CssValues.ParseWhiteSpace(OptionalString(root, "whiteSpace")),
            WordBreak = CssValues.ParseWordBreak(OptionalString(root, "wordBreak")),
            Direction = CssValues.ParseDirection(OptionalString(root, "dir")),
            Lang = OptionalString(root, "lang"),
            LetterSpacing = root.TryGetProperty("letterSpacing", out JsonElement spacing) && spacing.ValueKind == JsonValueKind.Number ? spacing.GetDouble() : 0,
        };

        return new BatchCase(id, text, font, lineHeight, width, options);
    }

    public static string? ReadId(JsonElement root)
        => root.ValueKind == JsonValueKind.Object && root.TryGetProperty("id", out JsonElement id)
            ? (id.ValueKind == JsonValueKind.String ? id.GetString() : id.GetRawText())
            : null;

    private static string RequiredString(JsonElement root, string name)
        => root.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : throw new FormatException($"\"{name}\" is missing or not a string.");

    private static double RequiredNumber(JsonElement root, string name)
        => root.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.Number
            ? value.GetDouble()
            : throw new FormatException($"\"{name}\" is missing or not a number.");

    private static string? OptionalString(JsonElement root, string name)
        => root.TryGetProperty(name, out JsonElement value) && value.ValueKind != JsonValueKind.Null
            ? (value.ValueKind == JsonValueKind.String ? value.GetString() : throw new FormatException($"\"{name}\" must be a string."))
            : null;
}
