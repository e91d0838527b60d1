// Stage: Text/Segmentation (grapheme clusters).
// Input: UTF-16 text. Output: the UTF-16 start offset of every extended grapheme cluster.
// Spec: UAX #29 extended grapheme clusters (GB1-GB999, with GB9c for Indic conjuncts) as the system ICU
// implements them. ICU, not System.Globalization.StringInfo, because StringInfo splits Devanagari conjuncts.

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
                starts.Add(boundary);
                count++;
            }

            // Drop the iterator's reference to the pinned buffer before unpinning it.
            iterator.SetText(null, 0);
        }

        return count;
    }
}
