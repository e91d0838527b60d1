// Stage: Fonts (CSS font shorthand) unit tests.
// Input: valid and invalid shorthands. Output: the parsed values, or the error offset Chromium's grammar implies.

using Foretext.Fonts;
using Xunit;

namespace Foretext.Tests.Fonts;

public sealed class CssFontTests
{
    [Theory]
    [InlineData("16px serif", 16, 400, FontStyle.Normal, 100)]
    [InlineData("italic bold 12px/30px Georgia, serif", 12, 700, FontStyle.Italic, 100)]
    [InlineData("bold italic 12px Georgia", 12, 700, FontStyle.Italic, 100)]
    [InlineData("normal normal normal normal 10px x", 10, 400, FontStyle.Normal, 100)]
    [InlineData("oblique 10deg 16px x", 16, 400, FontStyle.Oblique, 100)]
    [InlineData("small-caps 300 condensed 14px x", 14, 300, FontStyle.Normal, 75)]
    [InlineData("12pt x", 16, 400, FontStyle.Normal, 100)]
    [InlineData("1.5em x", 24, 400, FontStyle.Normal, 100)]
    [InlineData("1.5rem x", 24, 400, FontStyle.Normal, 100)]
    [InlineData("150% x", 24, 400, FontStyle.Normal, 100)]
    [InlineData("medium x", 16, 400, FontStyle.Normal, 100)]
    [InlineData("large x", 18, 400, FontStyle.Normal, 100)]
    [InlineData("xx-small x", 9, 400, FontStyle.Normal, 100)]
    [InlineData("xxx-large x", 48, 400, FontStyle.Normal, 100)]
    [InlineData("BOLD 16PX X", 16, 700, FontStyle.Normal, 100)]
    [InlineData("lighter 16px x", 16, 100, FontStyle.Normal, 100)]
    [InlineData("bolder 16px x", 16, 700, FontStyle.Normal, 100)]
    [InlineData("1000 16px x", 16, 1000, FontStyle.Normal, 100)]
    [InlineData("ultra-expanded 16px x", 16, 400, FontStyle.Normal, 200)]
    [InlineData("0 x", 0, 400, FontStyle.Normal, 100)]
    [InlineData("1in x", 96, 400, FontStyle.Normal, 100)]
    [InlineData("  16px   x  ", 16, 400, FontStyle.Normal, 100)]
    [InlineData("/* c */ 16px x", 16, 400, FontStyle.Normal, 100)]
    public void ParsesValidForms(string input, double size, double weight, FontStyle style, double stretch)
    {
        CssFont font = CssFont.Parse(input);
        Assert.Equal(size, font.SizePx, 9);
        Assert.Equal(weight, font.Weight);
        Assert.Equal(style, font.Style);
        Assert.Equal(stretch, font.Stretch);
        Assert.True(CssFont.TryParse(input, out CssFont? again));
        Assert.Equal(font, again);
    }

    [Fact]
    public void ParsesFamilies()
    {
        CssFont font = CssFont.Parse("16px \"Noto Serif\", Times  New Roman, 'a,b', serif, \"serif\", sans-serif");
        Assert.Equal(
            [
                new CssFontFamily("Noto Serif", false), new CssFontFamily("Times New Roman", false),
                new CssFontFamily("a,b", false), new CssFontFamily("serif", true), new CssFontFamily("serif", false),
                new CssFontFamily("sans-serif", true),
            ],
            font.Families);
    }

    [Fact]
    public void ParsesEscapesAndLineHeights()
    {
        Assert.Equal("A B", CssFont.Parse("16px \"\\41  B\"").Families[0].Name);
        Assert.Equal("Foo\u00E9", CssFont.Parse("16px Foo\\e9").Families[0].Name);
        Assert.Equal(new CssLineHeight(1.5, true), CssFont.Parse("16px/1.5 x").LineHeight);
        Assert.Equal(new CssLineHeight(24, false), CssFont.Parse("16px/150% x").LineHeight);
        Assert.Equal(new CssLineHeight(32, false), CssFont.Parse("16px/2em x").LineHeight);
        Assert.Null(CssFont.Parse("16px/normal x").LineHeight);
        Assert.Equal(14, CssFont.Parse("oblique 16px x").ObliqueAngle);
        Assert.Equal(FontVariantCaps.SmallCaps, CssFont.Parse("small-caps 16px x").Variant);
        Assert.Equal("Unterminated", CssFont.Parse("16px \"Unterminated").Families[0].Name);
    }

    [Fact]
    public void RoundTripsThroughToString()
    {
        CssFont font = CssFont.Parse("italic small-caps 700 condensed 13.5px/1.25 \"Noto Serif\", serif");
        Assert.Equal(font, CssFont.Parse(font.ToString()));
    }

    [Theory]
    [InlineData("16px A\\d B")] // an escape that decodes to a carriage return (found by fuzzing with AFL++)
    [InlineData("16px \"a\\\\b\\\"c\"")] // backslash and quote inside a quoted name
    [InlineData("16px \"x\\7 y\", serif")] // a bell character
    [InlineData("16px \"a\u0000b\"")] // a raw NUL (an escaped one would read back as U+FFFD)
    public void NamesWithControlsAndEscapesRoundTrip(string input)
    {
        CssFont font = CssFont.Parse(input);
        Assert.Equal(font, CssFont.Parse(font.ToString()));
    }

    [Theory]
    [InlineData("", 0, "empty")]
    [InlineData("   ", 3, "empty")]
    [InlineData("serif", 0, "font size")]
    [InlineData("16px", 4, "family")]
    [InlineData("16px ", 5, "family")]
    [InlineData("bold bold 16px x", 5, "weight")]
    [InlineData("italic oblique 16px x", 7, "style")]
    [InlineData("small-caps small-caps 16px x", 11, "variant")]
    [InlineData("condensed expanded 16px x", 10, "stretch")]
    [InlineData("normal normal normal normal normal 16px x", 28, "too many")]
    [InlineData("1001 16px x", 0, "between 1 and 1000")]
    [InlineData("-5px x", 0, "negative")]
    [InlineData("16vw x", 0, "unit")]
    [InlineData("16px/ x", 6, "line height")]
    [InlineData("16px/-1 x", 5, "negative")]
    [InlineData("16px x,", 7, "after ','")]
    [InlineData("16px x,,y", 7, "empty font family")]
    [InlineData("16px x y; z", 8, "expected ','")]
    [InlineData("16px inherit", 5, "cannot be an unquoted")]
    [InlineData("inherit", 0, "CSS-wide")]
    [InlineData("caption", 0, "system font")]
    [InlineData("16px \"a\nb\"", 7, "newline")]
    [InlineData("oblique 100deg 16px x", 8, "oblique angle")]
    [InlineData("16px 123", 5, "family")]
    [InlineData("$ 16px x", 0, "unexpected")]
    public void ReportsErrorsWithOffsets(string input, int offset, string messagePart)
    {
        FontParseException e = Assert.Throws<FontParseException>(() => CssFont.Parse(input));
        Assert.Equal(offset, e.Offset);
        Assert.Contains(messagePart, e.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Contains($"at character {offset}", e.Message, StringComparison.Ordinal);
        Assert.False(CssFont.TryParse(input, out _));
    }

    [Fact]
    public void ParseRejectsNull()
    {
        Assert.Throws<ArgumentNullException>(() => CssFont.Parse(null!));
    }
}
