// Stage: Layout, inside prepare. Input: the processed text, the paragraph's break opportunities, its segments and
// grapheme starts. Output: for the grapheme starts inside dictionary-script words (line break class SA: Thai, Lao,
// Khmer, Myanmar) where a break-anywhere line can start, the break opportunities of the segmentation run again from
// there, kept only where they differ from the paragraph's (RestartedBreaks; LineWalker.FitRestartedSegmentation reads them).
// Spec: Chromium's LineBreaker calls LazyLineBreakIterator::SetStartOffset at every line start, and the ICU iterator
// is then opened on the text from the line start with no prior context (text_break_iterator.h GetIterator), so ICU's
// dictionary runs from the line start, not from the start of the word.

using System.Buffers;
using Foretext.Text;
using Foretext.Text.Segmentation;

namespace Foretext.Layout;

/// <summary>
/// The opportunities of the segmentation restarted at grapheme starts inside SA words, where they differ from the
/// paragraph's. Entry k: a line starting at <see cref="Offsets"/>[k] may end at <see cref="Breaks"/>[BreakIndex[k]..BreakIndex[k + 1]]
/// (ascending, the paragraph's opportunities before <see cref="Ends"/>[k] do not apply) and, from Ends[k] (a segment start
/// where both segmentations agree again, or the space or text end after the word run), at the paragraph's.
/// </summary>
internal readonly record struct RestartedBreaks(int[] Offsets, int[] Ends, int[] BreakIndex, int[] Breaks)
{
    public static RestartedBreaks Empty { get; } = new([], [], [0], []);
}

internal static partial class TextPreparer
{
    /// <summary>
    /// Blink's LineBreaker restarts its break iterator at every line start (LazyLineBreakIterator::SetStartOffset), and
    /// ICU's dictionary for an SA script then segments the word run from the line start: a line that starts inside a
    /// Myanmar or Thai word (after a break-anywhere cut) may end where the paragraph has no opportunity, and not where
    /// it has one. `sweep-034` (Myanmar, 24px, 48px): ICU breaks the paragraph's run
    /// `\u101E\u1005\u103A\u1015\u1004\u103A|\u101B\u1004\u103A\u1038|\u101E\u102D\u102F\u1037`, but from a line
    /// start at `\u1015` only `\u1015\u1004\u103A\u101B\u1004\u103A\u1038|...`, so Chromium does not end that line
    /// after `\u1015\u1004\u103A` and breaks it anywhere, one letter later.
    /// Only where a line can start inside a word (overflow-wrap: break-word) and the dictionary run would start
    /// elsewhere than in the paragraph: at grapheme starts whose character and the one before it are SA. Each is
    /// segmented again up to the end of its word run (<see cref="EndsWordRun"/>), at most <see cref="MaxRestartedUnits"/>
    /// units; an entry is kept only where the two segmentations differ, up to where they agree again. Skipped (the
    /// paragraph's opportunities stay): a range that crosses a shaping item or holds a line-end trim, an opportunity
    /// inside a grapheme cluster (2 in all the parity texts), or a difference that runs to the end of a truncated
    /// window. Cost: ICU's dictionary over the rest of the run once per grapheme (RESEARCH.md, "Line starts inside SA
    /// words").
    /// </summary>
    internal static RestartedBreaks SegmentAgainFromLineStarts(
        string norm, PrepareOptions options, ReadOnlySpan<BreakOpportunity> paragraph, ulong[] graphemeStarts,
        List<SegmentKind> kinds, List<SegmentFlags> flags, List<int> starts, int[] endAdjustments)
    {
        if (options.OverflowWrap != OverflowWrap.BreakWord || !HasComplexContext(norm))
        {
            return RestartedBreaks.Empty;
        }

        var offsets = new List<int>();
        var ends = new List<int>();
        var breakIndex = new List<int> { 0 };
        var breaks = new List<int>();
        BreakOpportunity[] rented = ArrayPool<BreakOpportunity>.Shared.Rent(MaxRestartedUnits + 1);
        try
        {
            int runEnd = 0; // where the text segmented again stops: the next breakable space, or after the next U+200B
            for (int s = 0; s < kinds.Count; s++)
            {
                int segmentEnd = s + 1 < starts.Count ? starts[s + 1] : norm.Length;
                if (kinds[s] != SegmentKind.Text)
                {
                    continue;
                }

                for (int g = starts[s] + 1; g < segmentEnd; g++)
                {
                    if (!IsSet(graphemeStarts, g) || !IsComplexContext(CodePointAt(norm, g)) || !IsComplexContext(CodePointBefore(norm, g)))
                    {
                        continue;
                    }

                    if (runEnd <= g)
                    {
                        runEnd = g;
                        while (runEnd < norm.Length && !EndsWordRun(norm[runEnd]))
                        {
                            runEnd++;
                        }

                        if (runEnd < norm.Length && norm[runEnd] == ZeroWidthSpace)
                        {
                            runEnd++; // a segment starts after it, not at it
                        }
                    }

                    int limit = Math.Min(runEnd, g + MaxRestartedUnits);
                    Span<BreakOpportunity> restarted = rented.AsSpan(0, limit - g + 1);
                    RestartedSegmentationCache.Compute(norm.AsSpan(g, limit - g), options.Lang, options.WordBreak, restarted);

                    // The last position where they differ (the window's own end is the truncated text's end: not compared).
                    int lastDifference = -1;
                    for (int u = g + 1; u < limit; u++)
                    {
                        if ((restarted[u - g] != BreakOpportunity.None) != (paragraph[u] != BreakOpportunity.None))
                        {
                            lastDifference = u;
                        }
                    }

                    if (lastDifference < 0)
                    {
                        continue;
                    }

                    int end = lastDifference + 1;
                    while (end < limit && (restarted[end - g] == BreakOpportunity.None || paragraph[end] == BreakOpportunity.None))
                    {
                        end++;
                    }

                    if (end == limit && limit < runEnd)
                    {
                        continue; // no agreement inside the window: keep the paragraph's rather than guess
                    }

                    if (!IsPlainTextRange(s, end, kinds, flags, starts, endAdjustments) || !BreaksAtGraphemes(restarted, g, end, graphemeStarts))
                    {
                        continue;
                    }

                    offsets.Add(g);
                    ends.Add(end);
                    for (int u = g + 1; u < end; u++)
                    {
                        if (restarted[u - g] != BreakOpportunity.None)
                        {
                            breaks.Add(u);
                        }
                    }

                    breakIndex.Add(breaks.Count);
                }
            }
        }
        finally
        {
            ArrayPool<BreakOpportunity>.Shared.Return(rented);
        }

        return offsets.Count == 0 ? RestartedBreaks.Empty : new RestartedBreaks([.. offsets], [.. ends], [.. breakIndex], [.. breaks]);
    }

    /// <summary>Whether every restarted opportunity in (<paramref name="g"/>, <paramref name="end"/>) is a grapheme start (a line end the walker can name).</summary>
    private static bool BreaksAtGraphemes(ReadOnlySpan<BreakOpportunity> restarted, int g, int end, ulong[] graphemeStarts)
    {
        for (int u = g + 1; u < end; u++)
        {
            if (restarted[u - g] != BreakOpportunity.None && !IsSet(graphemeStarts, u))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Units segmented again from one line start. The Thai corpus's longest run between spaces is 121 units; a run without
    /// spaces as long as the text would otherwise cost a dictionary pass over the rest of it per grapheme.
    /// </summary>
    private const int MaxRestartedUnits = 256;

    /// <summary>
    /// Whether segments <paramref name="first"/> up to the one ending at <paramref name="end"/> are text in one shaping
    /// item with no line-end trim: the ranges the walker fits from the restarted opportunities alone.
    /// </summary>
    private static bool IsPlainTextRange(int first, int end, List<SegmentKind> kinds, List<SegmentFlags> flags, List<int> starts, int[] endAdjustments)
    {
        for (int s = first; s < kinds.Count && starts[s] < end; s++)
        {
            if (kinds[s] != SegmentKind.Text || (s != first && (flags[s] & SegmentFlags.ItemStart) != 0)
                || (endAdjustments.Length != 0 && endAdjustments[s] < 0))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Where the text segmented again from a line start may stop: a breakable space (Blink's IsBreakableSpace: a line
    /// may end after it whatever came before, and a segment starts at it) or U+200B (UAX #14 LB8 breaks after it, and
    /// it ends ICU's dictionary range; Khmer text puts one between words: stopping there made Khmer prepare ~2x
    /// cheaper). Other hard breaks (U+2028...) stay inside the range: they end the line themselves.
    /// </summary>
    private static bool EndsWordRun(char c) => c is ' ' or '\t' or '\n' or ZeroWidthSpace;

    private const char ZeroWidthSpace = '\u200B';

    private static bool HasComplexContext(string norm)
    {
        for (int i = 0; i < norm.Length; i++)
        {
            char c = norm[i];
            if (MayBeComplexContext(c) && IsComplexContext(CodePointAt(norm, i)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether <paramref name="c"/> can be (or start) a character of line break class SA: Thai to Tai Tham
    /// (U+0E01-U+1AAF), Myanmar Extended-B to Tai Viet (U+A9E0-U+AADF), Ahom (U+11700-U+1174F, high surrogate U+D805).
    /// The property lookup for every character of a CJK text cost 6% of its prepare.
    /// </summary>
    private static bool MayBeComplexContext(char c) => c is (>= '\u0E01' and <= '\u1AAF') or (>= '\uA9E0' and <= '\uAADF') or '\uD805';

    private static bool IsComplexContext(int codePoint) => IcuCharProperties.LineBreak(codePoint) == IcuNative.LineBreakComplexContext;

    private static int CodePointAt(string norm, int offset)
        => char.IsHighSurrogate(norm[offset]) && offset + 1 < norm.Length && char.IsLowSurrogate(norm[offset + 1])
            ? char.ConvertToUtf32(norm[offset], norm[offset + 1])
            : norm[offset];

    private static int CodePointBefore(string norm, int offset)
        => offset >= 2 && char.IsLowSurrogate(norm[offset - 1]) && char.IsHighSurrogate(norm[offset - 2])
            ? char.ConvertToUtf32(norm[offset - 2], norm[offset - 1])
            : norm[offset - 1];
}

/// <summary>
/// The break opportunities of a word-run window segmented from its start (<see cref="LineBreakOpportunities.Compute"/>),
/// kept per language and word-break mode and looked up by the window's text, as the measurer keeps a word's shaping:
/// ICU's dictionary run from each grapheme of a Thai, Lao, Khmer or Myanmar word is most of what preparing such text
/// costs (a warm prepare of the Thai corpus 3.8 -> 20.6 ms with it), and the same words come back. Bounded: emptied
/// when it holds <see cref="MaxEntries"/> windows or about <see cref="MaxBytes"/> (a window is at most 256 units);
/// TextLayoutEngine.ClearCache empties it.
/// </summary>
internal static class RestartedSegmentationCache
{
    /// <summary>Windows kept at most before the cache starts over.</summary>
    internal const int MaxEntries = 65_536;

    /// <summary>Estimated bytes kept at most before the cache starts over (a window: its text, its bits, a dictionary node).</summary>
    internal const long MaxBytes = 16L << 20;

    private const int EntryOverheadBytes = 112; // string and array headers, the node

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(string? Lang, WordBreak WordBreak), System.Collections.Concurrent.ConcurrentDictionary<string, ulong[]>> s_byStyle = new();
    private static int s_count;
    private static long s_bytes;

    /// <summary>Windows held now.</summary>
    internal static int Count => Volatile.Read(ref s_count);

    /// <summary>As <see cref="LineBreakOpportunities.Compute"/>, with <paramref name="result"/> holding only Allowed and None.</summary>
    internal static void Compute(ReadOnlySpan<char> window, string? lang, WordBreak wordBreak, Span<BreakOpportunity> result)
    {
        var entries = s_byStyle.GetOrAdd((lang, wordBreak), static _ => new System.Collections.Concurrent.ConcurrentDictionary<string, ulong[]>(StringComparer.Ordinal));
        var lookup = entries.GetAlternateLookup<ReadOnlySpan<char>>();
        if (!lookup.TryGetValue(window, out ulong[]? bits))
        {
            LineBreakOpportunities.Compute(window, lang, wordBreak, result);
            bits = new ulong[(result.Length + 63) >> 6];
            for (int i = 0; i < result.Length; i++)
            {
                if (result[i] != BreakOpportunity.None)
                {
                    bits[i >> 6] |= 1UL << (i & 63);
                    result[i] = BreakOpportunity.Allowed;
                }
            }

            long bytes = EntryOverheadBytes + (2L * window.Length) + (8L * bits.Length);
            if (Interlocked.Increment(ref s_count) > MaxEntries || Interlocked.Add(ref s_bytes, bytes) > MaxBytes)
            {
                Clear();
            }

            entries.TryAdd(window.ToString(), bits);
            return;
        }

        for (int i = 0; i < result.Length; i++)
        {
            result[i] = (bits[i >> 6] & (1UL << (i & 63))) != 0 ? BreakOpportunity.Allowed : BreakOpportunity.None;
        }
    }

    /// <summary>Empties the cache.</summary>
    internal static void Clear()
    {
        Volatile.Write(ref s_count, 0);
        Volatile.Write(ref s_bytes, 0);
        s_byStyle.Clear();
    }
}
