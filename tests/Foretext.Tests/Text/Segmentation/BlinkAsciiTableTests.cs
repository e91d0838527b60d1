// Stage: unit tests for Text/Segmentation (Blink's ASCII pair table).
// Input: every pair of printable ASCII characters c1 c2, laid out by Chromium 156 as "a" + c1 + c2 + "a".
// Output: pass/fail for the whole 94 x 94 table.
// Spec: Blink kAsciiLineBreakTable / LineBreakData::FillAscii. Rows below were read back from Chromium itself.

using Foretext.Text;
using Foretext.Text.Segmentation;
using Xunit;

namespace Foretext.Tests.Text.Segmentation;

/// <summary>Checks every printable ASCII pair against what Chromium 156 does.</summary>
public sealed class BlinkAsciiTableTests
{
    // s_chromiumBreaksAfter[c1 - '!'] lists the characters c2 such that Chromium breaks between c1 and c2 in "a" c1 c2 "a".
    private static readonly string[] s_chromiumBreaksAfter =
    [
        "(<[{",
        "(<[{",
        "(<[{",
        "",
        "(<[{",
        "(<[{",
        "",
        "",
        "(<[{",
        "(<[{",
        "(<[{",
        "(<[{",
        "\"#%&'(*+-0123456789<=>@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\^_`abcdefghijklmnopqrstuvwxyz{|~",
        "(<[{",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "(<[{",
        "(<[{",
        "",
        "(<[{",
        "(<[{",
        "#$%&(*+-0123456789<=>@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\^_`abcdefghijklmnopqrstuvwxyz{|~",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "(<[{",
        "(<[{",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "(<[{",
        "(<[{",
        "(<[{",    ];

    /// <summary>Blink's ASCII table, with '-' before a digit breaking after a letter, matches Chromium on all 8,836 pairs.</summary>
    [Fact]
    public void EveryPrintableAsciiPairMatchesChromium()
    {
        var mismatches = new List<string>();
        var result = new BreakOpportunity[5];
        for (char c1 = '!'; c1 <= '~'; c1++)
        {
            for (char c2 = '!'; c2 <= '~'; c2++)
            {
                string text = "a" + c1 + c2 + "a";
                LineBreakOpportunities.Compute(text, null, WordBreak.Normal, result);
                bool expected = s_chromiumBreaksAfter[c1 - '!'].Contains(c2);
                if ((result[2] != BreakOpportunity.None) != expected)
                {
                    mismatches.Add(text);
                }
            }
        }

        Assert.Empty(mismatches);
    }
}
