// PreparedText keeps the white-space-processed text only when it is the source text itself, and otherwise derives
// its characters from the source through the offset map. These check the derived characters against
// TextPreparer.ProcessWhiteSpace on random text full of white space, CR LF and lone surrogates.

using CsCheck;
using Foretext.Layout;
using Foretext.Text;

namespace Foretext.Tests.Layout;

public class ProcessedTextTests
{
    private static readonly TextLayoutEngine s_engine = new(FakeTextMeasurer.Instance);

    private static readonly string[] s_pieces =
    [
        "a", "word", " ", "  ", "\t", "\n", "\r", "\r\n", "\f", "\u00A0", "\uD83D\uDE00", "\uD83D", "\uDE00", "\u05E9", "e\u0301", "\u4E2D",
    ];

    private static readonly Gen<string> s_text = Gen.Int[0, s_pieces.Length - 1].Array[0, 30]
        .Select(indices => string.Concat(indices.Select(i => s_pieces[i])));

    [Fact]
    public void DerivedCharactersAreTheProcessedText() => Gen.Select(s_text, Gen.Bool, Gen.Int[0, 1000], Gen.Int[0, 1000]).Sample(t =>
    {
        (string text, bool preWrap, int a, int b) = t;
        string expected = TextPreparer.ProcessWhiteSpace(text, preWrap, [], []);
        PreparedText prepared = s_engine.Prepare(text, "10px Test", new PrepareOptions { WhiteSpace = preWrap ? WhiteSpace.PreWrap : WhiteSpace.Normal });
        Assert.Equal(expected, prepared.ProcessedText);
        Assert.Equal(expected.Length, prepared._textLength);
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i], prepared.TextAt(i));
        }

        int start = expected.Length == 0 ? 0 : a % (expected.Length + 1);
        int end = start + (expected.Length == start ? 0 : b % (expected.Length - start + 1));
        Assert.Equal(expected[start..end], prepared.TextSlice(start, end));
    }, iter: 3000);
}
