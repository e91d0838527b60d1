// Stage: Text/Segmentation (grapheme clusters).
// Input: UTF-16 text. Output: the UTF-16 start offset of every extended grapheme cluster.
// Spec: UAX #29 extended grapheme clusters (GB1-GB999, with GB9c for Indic conjuncts) as the system ICU
// implements them. ICU, not System.Globalization.StringInfo, because StringInfo splits Devanagari conjuncts.
// Chromium's newer ICU also keeps a consonant stacked under a virama in Khmer, Myanmar, Tai Tham, Balinese,
// Javanese and Chakma in one cluster (measured: RESEARCH.md); that is applied on top of the system ICU.

namespace Foretext.Text.Segmentation;

/// <summary>Extended grapheme cluster boundaries, from the system ICU character break iterator.</summary>
public static class GraphemeClusters
{
    /// <summary>
    /// Appends the UTF-16 start offset of every extended grapheme cluster of <paramref name="text"/> to
    /// <paramref name="starts"/>, in order; the first is 0. Appends nothing for empty text.
    /// </summary>
    /// <param name="text">The text to segment.</param>
    /// <param name="starts">Receives the start offsets; existing items are kept.</param>
    /// <returns>The number of offsets appended (the number of grapheme clusters).</returns>
    /// <exception cref="IcuUnavailableException">The system ICU library cannot be loaded.</exception>
    public static unsafe int GetStarts(ReadOnlySpan<char> text, List<int> starts)
    {
        ArgumentNullException.ThrowIfNull(starts);
        if (text.IsEmpty)
        {
            return 0;
        }

        IcuBreakIterator iterator = IcuBreakIterator.Character;
        int count = 0;
        fixed (char* p = text)
        {
            iterator.SetText(p, text.Length);
            for (int boundary = iterator.First(); boundary != IcuNative.Done && boundary < text.Length; boundary = iterator.Next())
            {
                if (boundary > 0 && JoinsStackedConsonant(text, boundary))
                {
                    continue;
                }

                starts.Add(boundary);
                count++;
            }

            // Drop the iterator's reference to the pinned buffer before unpinning it.
            iterator.SetText(null, 0);
        }

        return count;
    }

    // Aksara stacking (Chromium 156's ICU, like GB9c for the Brahmic scripts of Unicode 15.1): a virama that
    // stacks the next consonant below the previous one (Khmer coeng U+17D2, Myanmar U+1039, Tai Tham U+1A60,
    // Balinese U+1B44, Javanese U+A9C0, Chakma U+11133) does not end the cluster when a letter of its script follows.
    private static bool JoinsStackedConsonant(ReadOnlySpan<char> text, int boundary)
    {
        int virama;
        if (char.IsLowSurrogate(text[boundary - 1]) && boundary >= 2 && char.IsHighSurrogate(text[boundary - 2]))
        {
            virama = char.ConvertToUtf32(text[boundary - 2], text[boundary - 1]);
        }
        else
        {
            virama = text[boundary - 1];
        }

        (int blockStart, int blockEnd) = virama switch
        {
            0x17D2 => (0x1780, 0x17FF),
            0x1039 => (0x1000, 0x109F),
            0x1A60 => (0x1A20, 0x1AAF),
            0x1B44 => (0x1B00, 0x1B7F),
            0xA9C0 => (0xA980, 0xA9DF),
            0x11133 => (0x11100, 0x1114F),
            _ => (-1, -1),
        };
        if (blockStart < 0)
        {
            return false;
        }

        int next = char.IsHighSurrogate(text[boundary]) && boundary + 1 < text.Length && char.IsLowSurrogate(text[boundary + 1])
            ? char.ConvertToUtf32(text[boundary], text[boundary + 1])
            : text[boundary];
        return next >= blockStart && next <= blockEnd && IsOtherLetter(next);
    }

    // UCharCategory Lo (consonants and independent vowels of these scripts).
    private static unsafe bool IsOtherLetter(int codePoint) => IcuNative.Instance.CharType(codePoint) == 5;
}
