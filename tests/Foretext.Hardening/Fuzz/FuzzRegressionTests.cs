// Inputs that once crashed a fuzz target (fuzz/regressions/<target>/*, saved from AFL++ findings), replayed
// through the same checks as fuzz/Foretext.Fuzz without instrumentation: each must now run clean.
using Foretext.Layout;
using Foretext.Fuzzing;
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
        if (!PrepareInput.TryDecode(bytes, out string text, out PrepareOptions options, out double width))
        {
            return;
        }

        PreparedText prepared = new TextLayoutEngine(SharedData.Measurer).Prepare(text, PrepareInput.Font, options);
        Assert.Equal(TextLayout.Layout(prepared, width, 20).LineCount, TextLayout.LayoutWithLines(prepared, width, 20).LineCount);
    }
}
