// BidiResolver skips ubidi for text with no right-to-left or explicit bidi character; it must give ICU's levels.
using CsCheck;
using Foretext.Text;
using Foretext.Text.Bidi;

namespace Foretext.Tests.Text;

public class BidiFastPathTests
{
    private static readonly string[] s_pieces =
    [
        "a", " ", "1", "2.5", "-", "(", ")", "\u00E9", "\u4E2D", "\uD83D\uDE00", "\u0915\u094D", "\u05D0", "\u0627", "\u0661",
        "\u200E", "\u200F", "\u202B", "\u202C", "\u2067", "\u2069", "\uD802\uDD00", "\u061C", "\t", "\u00A0",
    ];

    [Fact]
    public void LevelsEqualIcusForEveryDirection() =>
        Gen.Select(Gen.Int[0, s_pieces.Length - 1].Array[1, 20], Gen.Int[0, 2]).Sample((pieces, d) =>
        {
            string text = string.Concat(pieces.Select(i => s_pieces[i]));
            var direction = (TextDirection)d;
            var fast = new byte[text.Length];
            var icu = new byte[text.Length];
            byte level = BidiResolver.Resolve(text, direction, fast);
            byte icuLevel = BidiResolver.ResolveWithIcu(text, direction switch { TextDirection.Rtl => 1, TextDirection.Auto => 0xFE, _ => 0 }, icu);
            return fast.AsSpan().SequenceEqual(icu) && level == (direction == TextDirection.Auto ? icu[0] : icuLevel);
        }, iter: 3000);
}
