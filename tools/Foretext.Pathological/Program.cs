// Pathological-input timings (no BenchmarkDotNet in this tree, and tests must not time): prepares 1 KB to 10 MB of
// each hostile shape and prints time per byte for Prepare and for Layout, so superlinear growth shows as a rising
// ns/byte column. Usage: dotnet run -c Release --project tools/Foretext.Pathological [-- MAX_BYTES [SHAPE...]]
// (MAX_BYTES defaults to 10485760; each size runs once after a 1 KB warm-up, so treat figures as +-20%).

using System.Diagnostics;
using System.Text;
using Foretext;
using Foretext.HarfBuzz;
using Foretext.Layout;

const string FONT = "16px \"Noto Sans\", \"Noto Sans CJK JP\", \"Noto Color Emoji\", sans-serif";
int maxBytes = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 10 << 20;
var shapes = new (string Name, string Unit)[]
{
    ("single-word", "a"),
    ("spaces", " "),
    ("combining-storm", "a\u0301\u0302\u0303\u0304\u0305\u0306\u0307"),
    ("cjk", "\u65E5\u672C\u8A9E\u300C\u6587\u300D\u3002"),
    ("emoji-zwj", "\uD83D\uDC69\u200D\uD83D\uDCBB"),
    ("bidi-controls", "a\u202Eb\u2067c\u202Cd\u2069 "),
    ("lone-surrogates", "\uD800x\uDC00 "),
    ("newlines", "ab\n"),
    ("short-words", "lorem ipsum dolor sit amet "),
};
string[] only = args.Skip(1).ToArray();
var engine = new TextLayoutEngine(new HarfBuzzTextMeasurer());
Console.WriteLine($"{"shape",-16} {"bytes",10} {"prepare ms",11} {"ns/byte",8} {"layout ms",10} {"ns/byte",8} lines");
foreach ((string name, string unit) in shapes)
{
    if (only.Length > 0 && !only.Contains(name))
    {
        continue;
    }

    engine.Prepare(Repeat(unit, 1024), FONT); // warm fonts and JIT
    for (int bytes = 1024; bytes <= maxBytes; bytes *= 10)
    {
        int size = Math.Min(bytes, maxBytes);
        string text = Repeat(unit, size);
        engine.ClearCache();
        var clock = Stopwatch.StartNew();
        PreparedText prepared = engine.Prepare(text, FONT, new PrepareOptions { WhiteSpace = Foretext.Text.WhiteSpace.PreWrap });
        double prepareMs = clock.Elapsed.TotalMilliseconds;
        clock.Restart();
        int lines = TextLayout.Layout(prepared, 300, 20).LineCount;
        double layoutMs = clock.Elapsed.TotalMilliseconds;
        int utf8 = Encoding.UTF8.GetByteCount(text);
        Console.WriteLine($"{name,-16} {utf8,10} {prepareMs,11:F1} {prepareMs * 1e6 / utf8,8:F0} {layoutMs,10:F2} {layoutMs * 1e6 / utf8,8:F1} {lines}");
        if (bytes == 1_000_000 && maxBytes >= 10 << 20)
        {
            bytes = (10 << 20) / 10; // last step is 10 MiB
        }
    }
}

// The text of a shape, cut to whole units, at about `bytes` UTF-8 bytes.
static string Repeat(string unit, int bytes)
{
    int unitBytes = Encoding.UTF8.GetByteCount(unit.Replace("\uD800", "?").Replace("\uDC00", "?"));
    var sb = new StringBuilder(bytes);
    for (int written = 0; written + unitBytes <= bytes; written += unitBytes)
    {
        sb.Append(unit);
    }

    return sb.ToString();
}
