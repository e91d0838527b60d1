// Inputs that once crashed a fuzz target (fuzz/regressions/<target>/*, saved from AFL++ findings), replayed
// through the same checks as fuzz/Foretext.Fuzz without instrumentation: each must now run clean.
using System.Text;
using Foretext.Layout;
using Foretext.Text;
using Xunit;

namespace Foretext.Hardening.Fuzz;

public sealed class FuzzRegressionTests
{
    public static TheoryData<string> PrepareInputs()
    {
        var data = new TheoryData<string>();
        foreach (string file in Directory.GetFiles(Path.Combine(SharedData.RepoRoot, "fuzz", "regressions", "prepare")).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(PrepareInputs))]
    public void PrepareInputRunsClean(string name)
    {
        byte[] bytes = File.ReadAllBytes(Path.Combine(SharedData.RepoRoot, "fuzz", "regressions", "prepare", name));
        if (bytes.Length < 4)
        {
            return;
        }

        var options = new PrepareOptions
        {
            WhiteSpace = (bytes[0] & 1) == 0 ? WhiteSpace.Normal : WhiteSpace.PreWrap,
            WordBreak = (bytes[0] & 2) == 0 ? WordBreak.Normal : WordBreak.KeepAll,
            OverflowWrap = (bytes[0] & 4) == 0 ? OverflowWrap.BreakWord : OverflowWrap.Normal,
            Direction = (TextDirection)(bytes[0] >> 3 & 3) is var d && d <= TextDirection.Auto ? d : TextDirection.Ltr,
            LetterSpacing = (sbyte)bytes[1] / 16.0,
            Lang = (bytes[2] & 7) switch { 0 => null, 1 => "ja", 2 => "zh", 3 => "ko", 4 => "ar", 5 => "th", 6 => "km", _ => "en" },
        };
        string text = Encoding.Unicode.GetString(bytes, 4, (bytes.Length - 4) & ~1);
        var engine = new TextLayoutEngine(SharedData.Measurer);
        PreparedText prepared = engine.Prepare(text, "16px \"Noto Sans\", \"Noto Sans CJK JP\", \"Noto Color Emoji\", sans-serif", options);
        double width = bytes[3] * 3;
        Assert.Equal(TextLayout.Layout(prepared, width, 20).LineCount, TextLayout.LayoutWithLines(prepared, width, 20).LineCount);
    }
}
