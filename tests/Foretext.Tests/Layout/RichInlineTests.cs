// Rich inline flow (PrepareRichInline) on the fake measurer: at 10px a letter is 5px, a space 2.5px, an ideograph 10px.

using Foretext.Layout;
using Foretext.Text;

namespace Foretext.Tests.Layout;

public class RichInlineTests
{
    private static readonly TextLayoutEngine s_engine = new(FakeTextMeasurer.Instance);

    private static RichInlinePosition[] LineStarts(PreparedRichInline prepared, double width)
    {
        var starts = new List<RichInlinePosition>();
        TextLayout.WalkRichInlineLineRanges(prepared, width, range => starts.Add(prepared.GetPosition(range.Start)));
        return starts.ToArray();
    }

    [Fact]
    public void SpacesCollapseAcrossItemBoundaries_TheFirstSpaceStays()
    {
        // "ab " + " cd": one space, measured in the first item's font (2.5px at 10px, not 5px at 20px).
        PreparedRichInline prepared = s_engine.PrepareRichInline([new("ab ", "10px Test"), new(" cd", "20px Test")]);
        Assert.Equal(10 + 2.5 + 20, TextLayout.MeasureRichInlineStats(prepared, double.PositiveInfinity).MaxLineWidth);

        RichInlineLine line = Assert.Single(TextLayout.LayoutRichInlineWithLines(prepared, 100));
        Assert.Equal(2, line.Fragments.Count);
        Assert.Equal(new RichInlineFragment(0, 0, 3, 0, 12.5, "ab "), line.Fragments[0]);
        Assert.Equal(new RichInlineFragment(1, 1, 3, 12.5, 20, "cd"), line.Fragments[1]);
    }

    [Fact]
    public void SpaceAtALineEndHangsAndNextLineStartsAfterTheCollapsedSpaces()
    {
        // "aaaa " + "  bbbb": at 22px "aaaa" (20px) ends line 1 with its space hanging; line 2 starts at item 1's "b".
        PreparedRichInline prepared = s_engine.PrepareRichInline([new("aaaa ", "10px Test"), new("  bbbb", "10px Test")]);
        Assert.Equal([new RichInlinePosition(0, 0), new RichInlinePosition(1, 2)], LineStarts(prepared, 22));
        IReadOnlyList<RichInlineLine> lines = TextLayout.LayoutRichInlineWithLines(prepared, 22);
        Assert.Equal("aaaa", lines[0].Fragments[0].Text);
        Assert.Equal(20, lines[0].Width);
    }

    [Fact]
    public void NoBreakInsideAWordJoinedFromTwoItems()
    {
        // "foo" + "bar baz" is the text "foobar baz": no opportunity between "foo" and "bar".
        PreparedRichInline prepared = s_engine.PrepareRichInline(
            [new("foo", "10px Test"), new("bar baz", "12px Test")],
            new PrepareOptions { OverflowWrap = OverflowWrap.Normal });
        Assert.Equal([new RichInlinePosition(0, 0), new RichInlinePosition(1, 4)], LineStarts(prepared, 20));
    }

    [Fact]
    public void AtomicItemMovesWholeToTheNextLine()
    {
        // The chip is "bbbb" (20px) plus 4px of chrome: 24px. "aa " + chip = 36.5px > 30, so the chip starts line 2.
        PreparedRichInline prepared = s_engine.PrepareRichInline(
        [
            new("aa ", "10px Test"),
            new("bbbb", "10px Test") { Break = RichInlineBreak.Never, ExtraWidth = 4 },
            new(" cc", "10px Test"),
        ]);
        Assert.Equal([new RichInlinePosition(0, 0), new RichInlinePosition(1, 0), new RichInlinePosition(2, 1)], LineStarts(prepared, 30));
        RichInlineLine chipLine = TextLayout.LayoutRichInlineWithLines(prepared, 30)[1];
        Assert.Equal(new RichInlineFragment(1, 0, 4, 0, 24, "bbbb"), chipLine.Fragments[0]);
    }

    [Fact]
    public void AtomicItemNeverBreaksInsideEvenWhenWiderThanTheBox()
    {
        PreparedRichInline prepared = s_engine.PrepareRichInline(
        [
            new("a ", "10px Test"),
            new("  long chip text  ", "10px Test") { Break = RichInlineBreak.Never },
            new(" b", "10px Test"),
        ]);
        RichInlinePosition[] starts = LineStarts(prepared, 10);
        Assert.Equal([new RichInlinePosition(0, 0), new RichInlinePosition(1, 2), new RichInlinePosition(2, 1)], starts);
        RichInlineFragment chip = TextLayout.LayoutRichInlineWithLines(prepared, 10)[1].Fragments[0];
        Assert.Equal("long chip text", chip.Text); // its own leading and trailing spaces are its own paragraph's, dropped
        Assert.Equal((2, 16), (chip.SourceStart, chip.SourceEnd));
    }

    [Fact]
    public void AtomicItemHasOpportunitiesBesidePunctuation_CssText3SoftWrapAroundAtomicInlines()
    {
        // "(" + chip + "." would not break in text ("(x." has none); around an atomic inline it does.
        PreparedRichInline prepared = s_engine.PrepareRichInline(
        [
            new("(", "10px Test"),
            new("xx", "10px Test") { Break = RichInlineBreak.Never },
            new(".", "10px Test"),
        ], new PrepareOptions { OverflowWrap = OverflowWrap.Normal });
        Assert.Equal([new RichInlinePosition(0, 0), new RichInlinePosition(1, 0), new RichInlinePosition(2, 0)], LineStarts(prepared, 10));
    }

    [Fact]
    public void ExtraWidthOfABreakableItemIsPaidAtItsEdges()
    {
        // "cd" with 10px of chrome: 5px before "c" and 5px after "d" (box-decoration-break: slice).
        PreparedRichInline prepared = s_engine.PrepareRichInline(
            [new("ab ", "10px Test"), new("cd ef", "10px Test") { ExtraWidth = 10 }, new(" gh", "10px Test")]);
        Assert.Equal(10 + 2.5 + 5 + 10 + 2.5 + 10 + 5 + 2.5 + 10, TextLayout.MeasureRichInlineStats(prepared, double.PositiveInfinity).MaxLineWidth);

        // At 30px: "ab " + edge + "cd" | "ef" + edge + " gh": the start edge rides with "cd", the end edge with "ef".
        IReadOnlyList<RichInlineLine> lines = TextLayout.LayoutRichInlineWithLines(prepared, 30);
        Assert.Equal([27.5, 27.5], lines.Select(l => l.Width).ToArray());
        Assert.Equal([12.5, 15], lines[0].Fragments.Select(f => f.Width).ToArray());
        Assert.Equal([15, 12.5], lines[1].Fragments.Select(f => f.Width).ToArray());

        // At 20px the edges decide: "ab" | edge + "cd" (15) | "ef" + edge (15) | "gh".
        Assert.Equal(
            [new RichInlinePosition(0, 0), new RichInlinePosition(1, 0), new RichInlinePosition(1, 3), new RichInlinePosition(2, 1)],
            LineStarts(prepared, 20));
    }

    [Fact]
    public void SoftHyphenDrawsTheHyphenOfItsOwnItem_BlinkAddHyphen()
    {
        // "aaaa " at 20px (its hyphen: 7.5px) then "bb\u00ADcc" at 10px (hyphen 3.75px). "aaaa bb" is 55px: with its own
        // item's hyphen it fits 60px (58.75); with the first item's it would not (62.5) and the line would end after
        // "aaaa ". Chromium: rich-shy-kern@112 (a 16px Noto Serif soft hyphen after 22px Liberation Serif).
        PreparedRichInline prepared = s_engine.PrepareRichInline([new("aaaa ", "20px Test"), new("bb\u00ADcc", "10px Test")]);
        Assert.Equal([new RichInlinePosition(0, 0), new RichInlinePosition(1, 3)], LineStarts(prepared, 60));
        RichInlineLine first = TextLayout.LayoutRichInlineWithLines(prepared, 60)[0];
        Assert.Equal(58.75, first.Width);
        Assert.Equal("bb-", first.Fragments[^1].Text);
    }

    [Fact]
    public void HyphenRetryStaysInsideTheItemOfTheSoftHyphen_BlinkBreakText()
    {
        // "yyyy" (10px, 20px wide) then "\u00ADzz" at 20px (hyphen 7.5px), 22px wide. The soft hyphen fits (20px) but its
        // hyphen does not (27.5); Blink retries inside the soft hyphen's item with 7.5px less, finds nothing there and
        // ends the line before that item: "yyyy" | "zz". A retry over the whole line would end it after "yyy" (15px).
        // Chromium: rich-shy-kern@40 (`phen` | `\u00ADation`, the soft hyphen opening a bold 20px Noto Sans item).
        PreparedRichInline prepared = s_engine.PrepareRichInline([new("yyyy", "10px Test"), new("\u00ADzz", "20px Test")]);
        Assert.Equal([new RichInlinePosition(0, 0), new RichInlinePosition(1, 0)], LineStarts(prepared, 22));
    }

    [Fact]
    public void BracketAfterACommaInThePreviousItemIsTrimmed_BlinkHanKerning()
    {
        // The fake trims "\u300C" after "\uFF0C" to half, as Blink's HanKerning does reading the text before an item.
        PreparedRichInline prepared = s_engine.PrepareRichInline([new("\u3042\uFF0C", "10px A"), new("\u300C\u3044", "12px B")]);
        Assert.Equal(10 + 10 + 6 + 12, TextLayout.MeasureRichInlineStats(prepared, double.PositiveInfinity).MaxLineWidth);

        // At a line start the bracket is whole again (ShapeLine reshapes the line start without what precedes it).
        IReadOnlyList<RichInlineLine> lines = TextLayout.LayoutRichInlineWithLines(prepared, 30);
        Assert.Equal([20, 24], lines.Select(l => l.Width).ToArray());
    }

    [Fact]
    public void ClosingBracketEndingAnItemIsTrimmedAtTheLineEnd_BlinkShapeLine()
    {
        // "\u3042\u3042\u3042\u300D" is 40px, 35px with its bracket halved at a line end; no break comes before the bracket.
        PreparedRichInline prepared = s_engine.PrepareRichInline([new("\u3042\u3042\u3042\u300D", "10px A"), new("\u3044\u3044", "12px B")]);
        Assert.Equal([new RichInlinePosition(0, 0), new RichInlinePosition(1, 0)], LineStarts(prepared, 35));
    }

    [Fact]
    public void EveryLayoutCallAgrees()
    {
        PreparedRichInline prepared = s_engine.PrepareRichInline(
        [
            new("The quick ", "10px Test"),
            new("brown fox", "14px Test") { LetterSpacing = 1 },
            new("@jumps", "10px Test") { Break = RichInlineBreak.Never, ExtraWidth = 6 },
            new(" over the lazy dog", "10px Test"),
        ]);
        foreach (double width in new[] { 0.0, 20, 45.5, 60, 200, double.PositiveInfinity })
        {
            LayoutResult result = TextLayout.LayoutRichInline(prepared, width, 16);
            IReadOnlyList<RichInlineLine> lines = TextLayout.LayoutRichInlineWithLines(prepared, width);
            Assert.Equal(result.LineCount, lines.Count);
            Assert.Equal(result.LineCount, TextLayout.MeasureRichInlineStats(prepared, width).LineCount);
            Assert.Equal(result.LineCount * 16, result.Height);

            var cursor = LayoutCursor.Start;
            int count = 0;
            while (TextLayout.LayoutNextRichInlineLine(prepared, cursor, width) is { } line)
            {
                Assert.Equal(lines[count].Fragments, line.Fragments);
                cursor = line.End;
                count++;
            }

            Assert.Equal(lines.Count, count);
            Assert.Equal(prepared.End, cursor);
        }
    }

    [Fact]
    public void NextLineTakesADifferentWidthPerLine()
    {
        PreparedRichInline prepared = s_engine.PrepareRichInline([new("aa bb ", "10px Test"), new("cc dd", "10px Test")]);
        Assert.True(TextLayout.TryLayoutNextRichInlineLineRange(prepared, LayoutCursor.Start, 12, out LayoutLineRange first));
        Assert.Equal(new RichInlinePosition(0, 3), prepared.GetPosition(first.End));
        Assert.True(TextLayout.TryLayoutNextRichInlineLineRange(prepared, first.End, 100, out LayoutLineRange second));
        Assert.Equal(new RichInlinePosition(2, 0), prepared.GetPosition(second.End));
        Assert.False(TextLayout.TryLayoutNextRichInlineLineRange(prepared, second.End, 100, out _));
    }

    [Fact]
    public void AtomicItemWithoutTextIsABoxOfItsExtraWidth()
    {
        // An image placeholder: an empty inline-block whose padding is its width, with opportunities on both sides.
        PreparedRichInline prepared = s_engine.PrepareRichInline(
            [new("ab", "10px Test"), new(string.Empty, "10px Test") { Break = RichInlineBreak.Never, ExtraWidth = 24 }, new("cd", "10px Test")]);
        Assert.Equal(10 + 24 + 10, TextLayout.MeasureRichInlineStats(prepared, double.PositiveInfinity).MaxLineWidth);
        Assert.Equal([new RichInlinePosition(0, 0), new RichInlinePosition(1, 0), new RichInlinePosition(2, 0)], LineStarts(prepared, 30));
        Assert.Equal(new RichInlineFragment(1, 0, 0, 0, 24, string.Empty), TextLayout.LayoutRichInlineWithLines(prepared, 30)[1].Fragments[0]);
    }

    [Fact]
    public void ItemsAreCopiedAndEmptyItemsTakeNoRoom()
    {
        var items = new List<RichInlineItem> { new("ab", "10px Test"), new(string.Empty, "10px Test") { ExtraWidth = 8 }, new("cd", "10px Test") };
        PreparedRichInline prepared = s_engine.PrepareRichInline(items);
        items.Clear();
        Assert.Equal(3, prepared.Items.Count);
        Assert.Equal(20, TextLayout.MeasureRichInlineStats(prepared, double.PositiveInfinity).MaxLineWidth);
        Assert.Equal(0, TextLayout.LayoutRichInline(s_engine.PrepareRichInline([]), 100, 10).LineCount);
    }

    [Fact]
    public void BadInputThrowsTypedErrors()
    {
        Assert.Throws<ArgumentNullException>(() => s_engine.PrepareRichInline(null!));
        Assert.Throws<ArgumentException>(() => s_engine.PrepareRichInline([new("a", "10px Test"), null!]));
        Assert.Throws<ArgumentException>(() => s_engine.PrepareRichInline([new(null!, "10px Test")]));
        Assert.Throws<ArgumentException>(() => s_engine.PrepareRichInline([new("a", null!)]));
        Assert.Throws<ArgumentOutOfRangeException>(() => s_engine.PrepareRichInline([new("a", "10px Test") { ExtraWidth = double.NaN }]));
        Assert.Throws<ArgumentOutOfRangeException>(() => s_engine.PrepareRichInline([new("a", "10px Test") { ExtraWidth = -1 }]));
        Assert.Throws<ArgumentOutOfRangeException>(() => s_engine.PrepareRichInline([new("a", "10px Test") { ExtraWidth = double.PositiveInfinity }]));
        Assert.Throws<ArgumentOutOfRangeException>(() => s_engine.PrepareRichInline([new("a", "10px Test") { LetterSpacing = double.NaN }]));
        Assert.Throws<ArgumentOutOfRangeException>(() => s_engine.PrepareRichInline([new("a", "10px Test") { Break = (RichInlineBreak)7 }]));
        Assert.Throws<ArgumentOutOfRangeException>(() => s_engine.PrepareRichInline([new("abc", "10px Test")], new PrepareOptions { MaxTextLength = 2 }));
        Assert.Throws<NotSupportedException>(() => s_engine.PrepareRichInline([new("a", "10px Test")], new PrepareOptions { WhiteSpace = WhiteSpace.PreWrap }));
        Assert.Throws<ArgumentOutOfRangeException>(() => s_engine.PrepareRichInline([new(new string('m', 5000), "10px Test") { Break = RichInlineBreak.Never }]));
        Assert.Throws<FormatException>(() => s_engine.PrepareRichInline([new("a", "no size")]));

        PreparedRichInline prepared = s_engine.PrepareRichInline([new("a b", "10px Test")]);
        Assert.Throws<ArgumentNullException>(() => TextLayout.LayoutRichInline(null!, 10, 10));
        Assert.Throws<ArgumentOutOfRangeException>(() => TextLayout.LayoutRichInline(prepared, double.NaN, 10));
        Assert.Throws<ArgumentOutOfRangeException>(() => TextLayout.LayoutRichInlineWithLines(prepared, -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => TextLayout.LayoutNextRichInlineLine(prepared, new LayoutCursor(99, 0), 10));
        Assert.Throws<ArgumentNullException>(() => TextLayout.WalkRichInlineLineRanges(prepared, 10, null!));
    }

    [Fact]
    public void RandomParagraphsTileTheirItems()
    {
        // Seeded: items of spaces, words, CJK, punctuation, soft hyphens, emoji and empty text, atomic or not, with extra
        // width and letter spacing, at random widths. Every API must agree and the fragments must stay inside their items.
        string[] pieces = ["", " ", "  ", "ab", "word ", " lead", "\u3042\u3044", "\uFF0C", "\u300C", "\u300D", "x\u00ADy", "\uD83D\uDE00", "-", ".", "(", "a b c", "\t\n"];
        var random = new Random(20261125);
        for (int round = 0; round < 300; round++)
        {
            var items = new RichInlineItem[random.Next(0, 7)];
            for (int k = 0; k < items.Length; k++)
            {
                string text = string.Concat(Enumerable.Range(0, random.Next(1, 4)).Select(_ => pieces[random.Next(pieces.Length)]));
                items[k] = new RichInlineItem(text, $"{random.Next(8, 20)}px Test")
                {
                    Break = random.Next(4) == 0 ? RichInlineBreak.Never : RichInlineBreak.Normal,
                    ExtraWidth = random.Next(3) == 0 ? random.Next(0, 13) / 2.0 : 0,
                    LetterSpacing = random.Next(4) == 0 ? random.Next(-2, 4) / 2.0 : 0,
                };
            }

            PreparedRichInline prepared = s_engine.PrepareRichInline(items);
            double width = random.Next(0, 120);
            IReadOnlyList<RichInlineLine> lines = TextLayout.LayoutRichInlineWithLines(prepared, width);
            Assert.Equal(lines.Count, TextLayout.LayoutRichInline(prepared, width, 10).LineCount);
            var previous = new RichInlinePosition(-1, 0);
            LayoutCursor cursor = LayoutCursor.Start;
            foreach (RichInlineLine line in lines)
            {
                Assert.Equal(cursor, line.Start);
                RichInlinePosition start = prepared.GetPosition(line.Start);
                Assert.True(start.ItemIndex > previous.ItemIndex || (start.ItemIndex == previous.ItemIndex && start.Offset > previous.Offset), $"round {round}: line starts go back");
                previous = start;
                double x = 0;
                foreach (RichInlineFragment f in line.Fragments)
                {
                    Assert.InRange(f.SourceStart, 0, f.SourceEnd);
                    Assert.InRange(f.SourceEnd, f.SourceStart, items[f.ItemIndex].Text.Length);
                    Assert.Equal(x, f.X);
                    x += f.Width;
                }

                cursor = line.End;
            }

            Assert.Equal(prepared.End, cursor);
        }
    }

    [Fact]
    public void LayoutAllocatesNothing()
    {
        PreparedRichInline prepared = s_engine.PrepareRichInline(
            [new("The quick ", "10px Test"), new("brown", "12px Test") { Break = RichInlineBreak.Never, ExtraWidth = 4 }, new(" fox jumps", "10px Test")]);
        TextLayout.LayoutRichInline(prepared, 40, 12);
        long before = GC.GetAllocatedBytesForCurrentThread();
        LayoutResult result = TextLayout.LayoutRichInline(prepared, 40, 12);
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.True(result.LineCount > 1);
    }
}
