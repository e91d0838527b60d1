// Script runs as Blink's ScriptRunIterator cuts them (src/Foretext/Text/ScriptRuns.cs), on the system ICU.
using Foretext.Text;

namespace Foretext.Tests.Text;

public class ScriptRunsTests
{
    private const int Latin = 25;
    private const int Han = 17;

    private static List<(int Start, int End, int Script)> Runs(string text, int initial = ScriptRuns.Common)
    {
        var runs = new List<(int, int, int)>();
        ScriptRuns.Split(text, initial, runs);
        return runs;
    }

    [Fact]
    public void CommonCharactersJoinTheRunAroundThem()
    {
        Assert.Equal([(0, 11, Latin)], Runs("123 abc, d!"));
        Assert.Equal([(0, 3, Han)], Runs("1日本"));
    }

    [Fact]
    public void CjkPunctuationStartsACjkRunThroughItsScriptExtensions()
    {
        // U+300C has the CJK scripts as Script_Extensions, so the quote after it stays in that run and `q` starts a
        // Latin one: Chromium shapes `“` apart from `q` (6.484375px in 18px Noto Sans, not the kerned 5.39).
        List<(int Start, int End, int Script)> runs = Runs("「“q");
        Assert.Equal(2, runs.Count);
        Assert.Equal((0, 2), (runs[0].Start, runs[0].End));
        Assert.NotEqual(Latin, runs[0].Script);
        Assert.Equal((2, 3, Latin), runs[1]);
    }

    [Fact]
    public void AClosingBracketTakesTheScriptOfItsOpeningBracket()
    {
        Assert.Equal([(0, 4, Han), (4, 7, Latin), (7, 8, Han)], Runs("日本語(abc)"));
    }

    [Fact]
    public void LeadingCommonCharactersContinueTheRunBefore()
    {
        Assert.Equal([(0, 2, Han), (2, 5, Latin)], Runs(". abc", Han));
        Assert.Equal([(0, 3, Latin)], Runs("abc", Han));
    }

    [Fact]
    public void EveryRunIsNonEmptyAndTheyTileTheText()
    {
        foreach (string text in new[] { "a", "مرحبا world", "👩‍💻 ok", "x\u0301y", "ภาษาไทย ABC 漢字", "(((((a)))))" })
        {
            List<(int Start, int End, int Script)> runs = Runs(text);
            Assert.Equal(0, runs[0].Start);
            Assert.Equal(text.Length, runs[^1].End);
            for (int i = 0; i < runs.Count; i++)
            {
                Assert.True(runs[i].End > runs[i].Start, text);
                Assert.True(i == 0 || runs[i].Start == runs[i - 1].End, text);
            }
        }
    }
}
