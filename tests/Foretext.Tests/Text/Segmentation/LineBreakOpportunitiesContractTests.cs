// Stage: unit tests for Text/Segmentation (API contract of LineBreakOpportunities).
// Input: edge-case texts and result spans. Output: pass/fail.
// Spec: the public contract: result[i] is the opportunity before text[i]; result[0] None; result[^1] Mandatory;
// Mandatory after hard line breaks (UAX #14 LB4, LB5); no allocation once warm; safe on many threads.

using Foretext.Text;
using Foretext.Text.Segmentation;
using Xunit;

namespace Foretext.Tests.Text.Segmentation;

/// <summary>Shape, hard breaks, allocation and threading of <see cref="LineBreakOpportunities"/>.</summary>
public sealed class LineBreakOpportunitiesContractTests
{
    /// <summary>The span has one entry per position, None at the start and Mandatory at the end.</summary>
    [Theory]
    [InlineData("")]
    [InlineData("a")]
    [InlineData("hello world")]
    public void ResultHasOnePositionPerBoundary(string text)
    {
        var result = new BreakOpportunity[text.Length + 1];
        LineBreakOpportunities.Compute(text, "en", WordBreak.Normal, result);
        Assert.Equal(BreakOpportunity.Mandatory, result[text.Length]);
        if (text.Length > 0)
        {
            Assert.Equal(BreakOpportunity.None, result[0]);
        }
    }

    /// <summary>A result span of the wrong length is rejected at the boundary.</summary>
    [Fact]
    public void WrongResultLengthThrows()
    {
        Assert.Throws<ArgumentException>(() => LineBreakOpportunities.Compute("abc", null, WordBreak.Normal, new BreakOpportunity[3]));
        Assert.Throws<ArgumentException>(() => LineBreakOpportunities.ComputeUax14("abc", new BreakOpportunity[5]));
    }

    /// <summary>LB4/LB5: a line must end after LF, CR, CR LF (not between), U+2028 and U+2029.</summary>
    [Fact]
    public void LB4_LB5_HardBreaksAreMandatory()
    {
        const string text = "a\nb\r\nc\u2028d\u2029e";
        var result = new BreakOpportunity[text.Length + 1];
        LineBreakOpportunities.Compute(text, null, WordBreak.Normal, result);
        Assert.Equal(BreakOpportunity.Mandatory, result[2]);
        Assert.Equal(BreakOpportunity.None, result[4]);
        Assert.Equal(BreakOpportunity.Mandatory, result[5]);
        Assert.Equal(BreakOpportunity.Mandatory, result[7]);
        Assert.Equal(BreakOpportunity.Mandatory, result[9]);

        LineBreakOpportunities.ComputeUax14(text, result);
        Assert.Equal(BreakOpportunity.Mandatory, result[2]);
        Assert.Equal(BreakOpportunity.None, result[4]);
        Assert.Equal(BreakOpportunity.Mandatory, result[5]);
    }

    /// <summary>Plain UAX #14 differs from Chromium where Blink's table overrides ICU: ICU breaks after '/' (LB999).</summary>
    [Fact]
    public void ComputeUax14IsUntailored()
    {
        const string text = "a/b";
        var result = new BreakOpportunity[text.Length + 1];
        LineBreakOpportunities.ComputeUax14(text, result);
        Assert.Equal(BreakOpportunity.Allowed, result[2]);
        LineBreakOpportunities.Compute(text, null, WordBreak.Normal, result);
        Assert.Equal(BreakOpportunity.None, result[2]);
        LineBreakOpportunities.ComputeUax14("\u3061\u3087", result.AsSpan(0, 3));
        Assert.Equal(BreakOpportunity.None, result[1]); // root rules: small kana is CJ, treated as NS (LB21)
    }

    /// <summary>Once the thread's iterator is open, computing allocates nothing.</summary>
    [Fact]
    public void ComputeDoesNotAllocateWhenWarm()
    {
        string text = string.Concat(Enumerable.Repeat("Hello, world (\u65E5\u672C\u8A9E) \u0E20\u0E32\u0E29\u0E32\u0E44\u0E17\u0E22 ", 50));
        var result = new BreakOpportunity[text.Length + 1];
        LineBreakOpportunities.Compute(text, "ja", WordBreak.Normal, result);
        long before = GC.GetAllocatedBytesForCurrentThread();
        LineBreakOpportunities.Compute(text, "ja", WordBreak.Normal, result);
        LineBreakOpportunities.Compute(text, "ja", WordBreak.KeepAll, result);
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    /// <summary>Each thread uses its own ICU iterator, so parallel calls agree with a serial one.</summary>
    [Fact]
    public void ParallelCallsAgree()
    {
        string text = string.Concat(Enumerable.Repeat("word-break \u0E20\u0E32\u0E29\u0E32\u0E44\u0E17\u0E22 \u3061\u3087\u3063\u3068 ", 200));
        var expected = new BreakOpportunity[text.Length + 1];
        LineBreakOpportunities.Compute(text, "th", WordBreak.Normal, expected);
        Parallel.For(0, 16, _ =>
        {
            var result = new BreakOpportunity[text.Length + 1];
            for (int k = 0; k < 10; k++)
            {
                LineBreakOpportunities.Compute(text, "th", WordBreak.Normal, result);
                Assert.Equal(expected, result);
            }
        });
    }
}
