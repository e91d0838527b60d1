// Bad input gets a typed exception or a documented behaviour, never a crash or a hang.

using Foretext.Layout;
using Foretext.Text;

namespace Foretext.Tests.Layout;

public class BadInputTests
{
    private static readonly TextLayoutEngine s_engine = new(FakeTextMeasurer.Instance);

    [Fact]
    public void NullArgumentsThrow()
    {
        Assert.Throws<ArgumentNullException>(() => new TextLayoutEngine(null!));
        Assert.Throws<ArgumentNullException>(() => s_engine.Prepare(null!, "10px Test"));
        Assert.Throws<ArgumentNullException>(() => s_engine.Prepare("a", null!));
        Assert.Throws<ArgumentNullException>(() => TextLayout.Layout(null!, 10, 10));
        Assert.Throws<ArgumentNullException>(() => TextLayout.WalkLineRanges(s_engine.Prepare("a", "10px Test"), 10, (Action<LayoutLineRange>)null!));
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(-1)]
    [InlineData(double.NegativeInfinity)]
    public void BadWidthsThrow(double width)
    {
        PreparedText prepared = s_engine.Prepare("a b", "10px Test");
        Assert.Throws<ArgumentOutOfRangeException>(() => TextLayout.Layout(prepared, width, 10));
        Assert.Throws<ArgumentOutOfRangeException>(() => TextLayout.LayoutWithLines(prepared, width, 10));
        Assert.Throws<ArgumentOutOfRangeException>(() => TextLayout.MeasureLineStats(prepared, width));
        Assert.Throws<ArgumentOutOfRangeException>(() => TextLayout.LayoutNextLine(prepared, LayoutCursor.Start, width));
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(-1)]
    [InlineData(double.PositiveInfinity)]
    public void BadLineHeightsThrow(double lineHeight)
        => Assert.Throws<ArgumentOutOfRangeException>(() => TextLayout.Layout(s_engine.Prepare("a", "10px Test"), 10, lineHeight));

    [Fact]
    public void InfiniteWidthMeansNoWrapping()
        => Assert.Equal(1, TextLayout.Layout(s_engine.Prepare("a b c d e f g", "10px Test"), double.PositiveInfinity, 10).LineCount);

    [Fact]
    public void BadLetterSpacingThrows()
        => Assert.Throws<ArgumentOutOfRangeException>(() => s_engine.Prepare("a", "10px Test", new PrepareOptions { LetterSpacing = double.NaN }));

    [Fact]
    public void UnparsableFontSurfacesTheMeasurersFormatException()
        => Assert.Throws<FormatException>(() => s_engine.Prepare("a", "Test"));

    [Fact]
    public void LoneSurrogatesAreMeasuredAsReplacementCharactersAndKeepOffsets()
    {
        PreparedText prepared = s_engine.Prepare("a\uD800b \uDC00c", "10px Test");
        LayoutLinesResult result = TextLayout.LayoutWithLines(prepared, 15, 10);
        Assert.Equal(["a\uFFFDb", "\uFFFDc"], result.Lines.Select(l => l.Text));
        Assert.Equal([0, 4], result.Lines.Select(l => l.SourceStart));
    }

    [Fact]
    public void ControlCharactersAreZeroWidth()
    {
        PreparedText prepared = s_engine.Prepare("a\u0001\u0007\u007F\u0085b", "10px Test");
        Assert.Equal(10, TextLayout.MeasureNaturalWidth(prepared));
    }

    [Fact]
    public void TooLongTextThrows()
        => Assert.Throws<ArgumentOutOfRangeException>(() => s_engine.Prepare("abcdef", "10px Test", new PrepareOptions { MaxTextLength = 5 }));

    [Fact]
    public void TenMegabyteTextPreparesAndLaysOut()
    {
        string text = string.Concat(Enumerable.Repeat("lorem ipsum dolor sit amet, ", 10 * 1024 * 1024 / 28 + 1));
        PreparedText prepared = s_engine.Prepare(text, "10px Test", new PrepareOptions { WhiteSpace = WhiteSpace.PreWrap });
        LayoutResult result = TextLayout.Layout(prepared, 300, 10);
        Assert.InRange(result.LineCount, text.Length / 80, text.Length / 30);
    }
}
