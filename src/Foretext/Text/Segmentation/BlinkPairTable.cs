// Stage: Text/Segmentation (Chromium tailoring of UAX #14).
// Input: two adjacent UTF-16 code units, both from U+0021 to U+00FF. Output: whether Blink allows a break between them.
// Spec: Blink's LazyLineBreakIterator decides such pairs by a table and never asks ICU
// (third_party/blink/renderer/platform/text/text_break_iterator.cc, ShouldBreakFast). The printable ASCII
// part is hand-made for compatibility with other browsers (WebKit bug 37698); the rest is what ICU's "en"
// line rules say about the two characters alone, without context (Blink's build-time LineBreakData).

namespace Foretext.Text.Segmentation;

/// <summary>Blink's fast line break pair table for code units U+0021..U+00FF.</summary>
internal static class BlinkPairTable
{
    /// <summary>First code unit the table covers ('!'); anything below it never breaks in Blink's fast path.</summary>
    public const char MinChar = '!';

    /// <summary>Last code unit of the printable ASCII part (DEL).</summary>
    public const char AsciiMaxChar = '\u007F';

    /// <summary>Last code unit the table covers.</summary>
    public const char MaxChar = '\u00FF';

    private const int Size = MaxChar - MinChar + 1;

    private static readonly Lazy<bool[]> s_table = new(Build);

    /// <summary>Whether Blink allows a break between <paramref name="before"/> and <paramref name="after"/>.</summary>
    public static bool Breaks(char before, char after)
    {
        if (before <= AsciiMaxChar && after <= AsciiMaxChar)
        {
            return AsciiBreaks(before, after);
        }

        return s_table.Value[((before - MinChar) * Size) + (after - MinChar)];
    }

    /// <summary>
    /// Blink's printable ASCII pairs. Breaks happen only before an opening bracket after punctuation (as Firefox 3.6
    /// did) and after '-' and '?' (as Internet Explorer did); all other ASCII pairs hold together, so there is
    /// no break after '/' in URLs, nor between '"' and a letter.
    /// </summary>
    public static bool AsciiBreaks(char before, char after)
    {
        if (NeverBreaksAfter(before))
        {
            return false;
        }

        if (after is '(' or '<' or '[' or '{')
        {
            return true;
        }

        if ((before != '-' && before != '?') || NeverBreaksBefore(after))
        {
            return false;
        }

        // '-' before a digit is decided by the caller from the character before the '-' (it may be a minus sign).
        return before == '-'
            ? after != '$' && !char.IsAsciiDigit(after)
            : after != '"' && after != '\'';
    }

    // Letters, digits, DEL and the characters that open or join something: $ ' ( / < @ [ ^ _ ` {.
    private static bool NeverBreaksAfter(char c) =>
        char.IsAsciiLetterOrDigit(c) || c is '$' or '\'' or '(' or '/' or '<' or '@' or '[' or '^' or '_' or '`' or '{' or '\u007F';

    // Closing and separating punctuation: ! ) , . / : ; ? ] }.
    private static bool NeverBreaksBefore(char c) =>
        c is '!' or ')' or ',' or '.' or '/' or ':' or ';' or '?' or ']' or '}';

    private static unsafe bool[] Build()
    {
        bool[] table = new bool[Size * Size];
        using IcuBreakIterator iterator = IcuBreakIterator.CreateLine("en");
        char* pair = stackalloc char[2];
        for (char before = MinChar; before <= MaxChar; before++)
        {
            for (char after = MinChar; after <= MaxChar; after++)
            {
                int index = ((before - MinChar) * Size) + (after - MinChar);
                if (before <= AsciiMaxChar && after <= AsciiMaxChar)
                {
                    table[index] = AsciiBreaks(before, after);
                    continue;
                }

                pair[0] = before;
                pair[1] = after;
                iterator.SetText(pair, 2);
                table[index] = iterator.Following(0) == 1;
            }
        }

        return table;
    }
}
