// TextPreparer.MarkGraphemes segments only the stretches around non-ASCII characters with ICU; it must mark exactly
// the cluster starts that segmenting the whole text gives.
using CsCheck;
using Foretext.Layout;
using Foretext.Text.Segmentation;

namespace Foretext.Tests.Text.Segmentation;

public class GraphemeMarkingTests
{
    // ASCII next to everything the grapheme rules care about: marks, ZWJ sequences, flags, Prepend, Hangul, CRLF,
    // Indic conjuncts and the stacked-consonant tailoring.
    private static readonly string[] s_pieces =
    [
        "a", "Z", " ", "-", "1", "e\u0301", "\u0301", "\u200D", "\U0001F469\u200D\U0001F4BB", "\U0001F1EB\U0001F1F7", "\U0001F1EB",
        "\u0600", "\u0600a", "\r\n", "\r", "\n", "\t", "\u1100\u1161\u11A8", "\u0915\u094D\u0937", "\u1780\u17D2\u1780", "\u1000\u1039\u1000",
        "\uFE0F", "\U0001F44D\U0001F3FD", "\u0E01\u0E33", "\u00A0", "\u0645\u0631", "\uD83D", "#\uFE0F\u20E3",
    ];

    [Fact]
    public void MarksWhatWholeTextSegmentationMarks() =>
        Gen.Int[0, s_pieces.Length - 1].Array[0, 30].Select(ix => string.Concat(ix.Select(i => s_pieces[i])))
            .Sample(MarksAsWholeTextSegmentation, iter: 4000, seed: "0N0XIzNsQ0O2");

    [Fact]
    public void MarksEveryCorpusAsWholeTextSegmentationDoes()
    {
        foreach (CorpusInfo corpus in SharedData.Corpora())
        {
            Assert.True(MarksAsWholeTextSegmentation(corpus.Text), corpus.Id);
        }
    }

    private static bool MarksAsWholeTextSegmentation(string text)
    {
        var expected = new ulong[(text.Length + 63) >> 6];
        var starts = new List<int>();
        GraphemeClusters.GetStarts(text, starts);
        foreach (int start in starts)
        {
            expected[start >> 6] |= 1UL << (start & 63);
        }

        var actual = new ulong[expected.Length];
        TextPreparer.MarkGraphemes(text, actual);
        return expected.AsSpan().SequenceEqual(actual);
    }
}
