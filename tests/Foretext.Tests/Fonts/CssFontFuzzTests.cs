// Stage: Fonts (CSS font shorthand) fuzzing.
// Input: seeded random strings built from shorthand fragments and noise. Output: Parse either succeeds or
// throws FontParseException with an offset inside the input; TryParse agrees; nothing else is ever thrown.

using Foretext.Fonts;
using Xunit;

namespace Foretext.Tests.Fonts;

public sealed class CssFontFuzzTests
{
    private static readonly string[] s_fragments =
    [
        "italic", "oblique", "10deg", "-100deg", "normal", "bold", "bolder", "900", "0", "1e3", "small-caps",
        "condensed", "16px", "1.5em", "200%", "large", "smaller", "/", "1.2", "/normal", "\"Noto Serif\"", "'x'",
        "serif", "sans-serif", ",", " ", "  ", "\t", "\\", "\\41 ", "\"", "'", "/*", "*/", "-", "--x", "+", ".", "e",
        "\u00E9", "\uD83D\uDE00", "\uD800", "\n", "inherit", "caption", "px", "%", "1e999px", "9e307in",
    ];

    [Fact]
    public void NeverThrowsAnythingButFontParseException()
    {
        int seed = Environment.TickCount;
        var random = new Random(seed);
        for (int iteration = 0; iteration < 20_000; iteration++)
        {
            var sb = new System.Text.StringBuilder();
            int parts = random.Next(0, 10);
            for (int p = 0; p < parts; p++)
            {
                if (random.Next(8) == 0)
                {
                    sb.Append((char)random.Next(0, 0x3000));
                }
                else
                {
                    sb.Append(s_fragments[random.Next(s_fragments.Length)]);
                    if (random.Next(2) == 0)
                    {
                        sb.Append(' ');
                    }
                }
            }

            string input = sb.ToString();
            try
            {
                CssFont font = CssFont.Parse(input);
                Assert.True(CssFont.TryParse(input, out CssFont? again), $"seed {seed}: TryParse disagrees on '{input}'");
                Assert.Equal(font, again);
                Assert.NotEmpty(font.Families);
                Assert.True(font.SizePx >= 0 && double.IsFinite(font.SizePx), $"seed {seed}: bad size for '{input}'");
            }
            catch (FontParseException e)
            {
                Assert.InRange(e.Offset, 0, input.Length);
                Assert.False(CssFont.TryParse(input, out _), $"seed {seed}: TryParse accepts '{input}'");
            }
            catch (Exception e)
            {
                Assert.Fail($"seed {seed}: '{input}' threw {e.GetType().Name}: {e.Message}");
            }
        }
    }
}
