// Fuzz target: the CSS font shorthand parser (CssFont.Parse / TryParse).
// Input: strings built from font grammar tokens (sizes with every unit, keywords, quoted and unquoted families,
// commas, slashes, calc-like junk, huge and tiny numbers) mixed with random characters.
// Checks: TryParse never throws; Parse throws only FontParseException and agrees with TryParse; a parsed font
// prints to a string that parses back to an equal font.

using CsCheck;
using Foretext.Fonts;
using Xunit;
using Xunit.Abstractions;

namespace Foretext.Hardening.Fuzz;

public sealed class CssFontParserFuzzTests(ITestOutputHelper output)
{
    private static readonly string[] s_tokens =
    [
        "16px", "12.5pt", "1e3px", "1e308px", "-3px", "0px", "1em", "2rem", "150%", "3q", "x-small", "larger", "medium",
        "italic", "oblique", "oblique 20deg", "normal", "small-caps", "bold", "900", "1000", "1001", "0", "condensed",
        "ultra-expanded", "/", "/1.5", "/normal", ",", ",,", "serif", "sans-serif", "monospace", "system-ui", "emoji",
        "\"Noto Sans\"", "'DejaVu Sans'", "\"unterminated", "Noto Sans CJK JP", "\\", "\\\"", "inherit", "initial", "caption",
        "calc(10px)", "!important", ";", "  ", "\t", "\u00A0", "\u0000", "\uD800", "NaNpx", "Infinitypx", ".px", "1.px", "+2px",
    ];

    private static readonly Gen<string> s_font = Gen.OneOf(
        Gen.Int[0, s_tokens.Length - 1].Array[0, 10].Select(ix => string.Join(" ", ix.Select(i => s_tokens[i]))),
        Gen.Int[0, s_tokens.Length - 1].Array[0, 10].Select(ix => string.Concat(ix.Select(i => s_tokens[i]))),
        Gen.String[0, 60],
        Gen.Select(Gen.Int[0, s_tokens.Length - 1].Array[1, 6], Gen.String[0, 10]).Select((ix, junk) => string.Join(" ", ix.Select(i => s_tokens[i])) + junk));

    [Fact]
    public void ParserGivesAFontOrAParseError()
    {
        SeededRun.Run(output, "css-font", s_font, cases: 20_000, TimeSpan.FromSeconds(30), font =>
        {
            bool ok = CssFont.TryParse(font, out CssFont? tried);
            CssFont? parsed = null;
            try
            {
                parsed = CssFont.Parse(font);
            }
            catch (FontParseException e)
            {
                Assert.InRange(e.Offset, 0, font.Length);
            }

            Assert.Equal(ok, parsed is not null);
            if (parsed is not null)
            {
                Assert.Equal(tried, parsed);
                Assert.True(double.IsFinite(parsed.SizePx) && parsed.SizePx >= 0, $"size {parsed.SizePx}");
                string printed = parsed.ToString();
                Assert.True(CssFont.TryParse(printed, out CssFont? reparsed), $"printed form \"{printed}\" does not parse");
                Assert.Equal(parsed, reparsed);
            }
        }, font => $"\"{font}\"");
    }
}
