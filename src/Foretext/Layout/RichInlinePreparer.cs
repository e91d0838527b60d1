// Stage: Layout, the prepare phase for rich inline flow (Pretext's prepareRichInline). Input: items (text, CSS font,
// letter spacing, atomic or not, extra width), paragraph options and a measurer. Output: a PreparedRichInline.
// Model: Chromium laying out `<div style="white-space: normal; overflow-wrap: break-word"><span style="font: ...">a</span>
// <span ...>b</span>...</div>`, where an atomic item is a `display: inline-block; white-space: nowrap` span and the
// extra width is the span's horizontal padding. The items' texts are joined (an atomic item as U+FFFC, the object
// replacement character Blink puts in the paragraph's text for an atomic inline), so white space collapses across
// item boundaries and break opportunities come from the joined text; items are measured in their own fonts (runs of
// items in one font shaped together, as Blink shapes them), and each item boundary is an item boundary for the line
// walker (earlier items on a line count at their widths rounded up to LayoutUnits). RESEARCH.md, "Rich inline flow".

using System.Buffers;
using System.Text;
using Foretext.Shaping;
using Foretext.Text;
using Foretext.Text.Bidi;
using Foretext.Text.Segmentation;

namespace Foretext.Layout;

internal static class RichInlinePreparer
{
    /// <summary>U+FFFC OBJECT REPLACEMENT CHARACTER: an atomic inline in the paragraph's text (Blink's InlineItemsBuilder).</summary>
    private const char ObjectReplacement = '\uFFFC';

    public static PreparedRichInline Prepare(IReadOnlyList<RichInlineItem> items, PrepareOptions options, ITextMeasurer measurer)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(measurer);
        if (options.WhiteSpace != WhiteSpace.Normal)
        {
            throw new NotSupportedException("Rich inline flow is modelled for white-space: normal only.");
        }

        RichInlineItem[] copy = Validate(items, options);

        // The joined source text; an atomic item is one U+FFFC, an empty item nothing.
        var source = new StringBuilder();
        var itemSourceStarts = new int[copy.Length + 1];
        var atomicStarts = new int[copy.Length];
        var atomicEnds = new int[copy.Length];
        for (int k = 0; k < copy.Length; k++)
        {
            RichInlineItem item = copy[k];
            itemSourceStarts[k] = source.Length;
            atomicStarts[k] = -1;
            if (item.Break == RichInlineBreak.Never && (item.Text.Length > 0 || item.ExtraWidth > 0))
            {
                int first = 0;
                int last = item.Text.Length;
                while (first < last && TextPreparer.IsCollapsibleWhiteSpace(item.Text[first]))
                {
                    first++;
                }

                while (last > first && TextPreparer.IsCollapsibleWhiteSpace(item.Text[last - 1]))
                {
                    last--;
                }

                atomicStarts[k] = first;
                atomicEnds[k] = last;
                source.Append(ObjectReplacement);
            }
            else
            {
                source.Append(item.Text);
            }
        }

        itemSourceStarts[copy.Length] = source.Length;
        string sourceText = source.ToString();
        var mapNormStart = new List<int>();
        var mapDelta = new List<int>();
        string norm = TextPreparer.ProcessWhiteSpace(sourceText, false, mapNormStart, mapDelta);
        int length = norm.Length;

        // The item of each processed unit: a space kept where two items' spaces collapsed belongs to the first.
        var unitItems = new int[length];
        {
            int map = 0;
            int item = 0;
            for (int i = 0; i < length; i++)
            {
                while (map + 1 < mapNormStart.Count && mapNormStart[map + 1] <= i)
                {
                    map++;
                }

                int sourceOffset = i + mapDelta[map];
                while (item + 1 < copy.Length && itemSourceStarts[item + 1] <= sourceOffset)
                {
                    item++;
                }

                unitItems[i] = item;
            }
        }

        var fixedAdvances = new int[length];
        var graphemeStarts = new ulong[(length + 63) >> 6];
        var kinds = new List<SegmentKind>();
        var flags = new List<SegmentFlags>();
        var widths = new List<long>();
        var starts = new List<int>();
        var levels = new byte[length];
        int[] endAdjustments = [], startAdjustments = [], graphemeEndOffsets = [], graphemeEndGains = [];
        int hyphenWidth = 0;
        int[]? hyphenWidths = null;
        RichInlineItem? firstText = Array.Find(copy, i => i.Break == RichInlineBreak.Normal && i.Text.Length > 0);
        if (firstText is not null)
        {
            hyphenWidth = HyphenWidth(firstText, options, measurer);
        }

        if (length > 0)
        {
            BidiResolver.Resolve(norm, options.Direction, levels);
            TextPreparer.MarkGraphemes(norm, graphemeStarts);

            // Shaping items: a new one where the rich item or the bidi level changes.
            var itemStarts = new List<int> { 0 };
            for (int i = 1; i < length; i++)
            {
                if (unitItems[i] != unitItems[i - 1] || levels[i] != levels[i - 1])
                {
                    itemStarts.Add(i);
                }
            }

            double[] measured = ArrayPool<double>.Shared.Rent(length);
            BreakOpportunity[] rented = ArrayPool<BreakOpportunity>.Shared.Rent(length + 1);
            try
            {
                // HarfBuzz's unsafe-to-break flags decide where a break-anywhere line end is reshaped (as in Prepare).
                ulong[]? unsafeBreaks = measurer is IBreakSafetyMeasurer ? new ulong[graphemeStarts.Length] : null;
                bool anySpacing = Array.Exists(copy, i => i.LetterSpacing != 0);
                int runScript = anySpacing ? TextPreparer.FirstStrongScript(norm, 0, length) : 0;
                var atomicWidths = new Dictionary<int, long>();
                for (int s = 0; s < itemStarts.Count;)
                {
                    int start = itemStarts[s];
                    RichInlineItem item = copy[unitItems[start]];
                    if (atomicStarts[unitItems[start]] >= 0)
                    {
                        fixedAdvances[start] = (int)AtomicWidth(item, options, measurer);
                        s++;
                        continue;
                    }

                    // One shaping range for consecutive items Blink shapes together (InlineNode::ShapeText).
                    int next = s + 1;
                    while (next < itemStarts.Count && ShapesWith(copy, atomicStarts, unitItems, levels, itemStarts[next]))
                    {
                        next++;
                    }

                    int end = next < itemStarts.Count ? itemStarts[next] : length;
                    var style = new MeasureStyle(item.Font, options.Lang, item.LetterSpacing);
                    TextPreparer.MeasureItem(norm, start, end, style, measurer, TextPreparer.ToFixed(item.LetterSpacing), graphemeStarts, measured, fixedAdvances, unsafeBreaks, ref runScript);
                    AddHanKerningContext(norm, start, end, style, measurer, measured, fixedAdvances);

                    s = next;
                }

                AddPadding(copy, atomicStarts, unitItems, fixedAdvances);
                Span<BreakOpportunity> opportunities = rented.AsSpan(0, length + 1);
                LineBreakOpportunities.Compute(norm, options.Lang, options.WordBreak, opportunities);
                AddAtomicOpportunities(norm, atomicStarts, unitItems, opportunities);
                new SegmentBuilder(norm, false, fixedAdvances, itemStarts, kinds, flags, widths, starts).Build(opportunities);
                (endAdjustments, startAdjustments, graphemeEndOffsets, graphemeEndGains) =
                    MeasureLineEdges(norm, copy, atomicStarts, unitItems, options, measurer, measured, graphemeStarts, unsafeBreaks, kinds, flags, starts);
                hyphenWidths = SegmentHyphenWidths(copy, atomicStarts, unitItems, options, measurer, hyphenWidth, flags, starts);
            }
            finally
            {
                ArrayPool<double>.Shared.Return(measured);
                ArrayPool<BreakOpportunity>.Shared.Return(rented);
            }
        }

        starts.Add(length);
        string font = copy.Length > 0 ? copy[0].Font : string.Empty;
        var flow = new PreparedText(
            sourceText, norm, mapNormStart.ToArray(), mapDelta.ToArray(),
            kinds.ToArray(), flags.ToArray(), widths.ToArray(), starts.ToArray(),
            fixedAdvances, graphemeStarts, hyphenWidth, 0, font, options, [], endAdjustments, startAdjustments, graphemeEndOffsets, graphemeEndGains, [], [], RestartedBreaks.Empty,
            hyphenWidths);
        return new PreparedRichInline(flow, copy, itemSourceStarts, atomicStarts, atomicEnds);
    }

    /// <summary>
    /// The width in LayoutUnits of the hyphen Blink draws for a soft hyphen chosen in <paramref name="item"/>: U+2010 in the
    /// item's primary font when it has one, else '-', without letter spacing (RESEARCH.md "Letter spacing skips
    /// default-ignorable characters").
    /// </summary>
    private static int HyphenWidth(RichInlineItem item, PrepareOptions options, ITextMeasurer measurer)
    {
        string hyphen = measurer is ILineEdgeMeasurer edges ? edges.HyphenString(new MeasureStyle(item.Font, options.Lang, item.LetterSpacing)) : "-";
        return (int)PreparedText.CeilToLayoutUnits(TextPreparer.MeasureFixed(hyphen, new MeasureStyle(item.Font, options.Lang, 0), measurer));
    }

    /// <summary>
    /// The hyphen width of each segment's item, when a soft hyphen sits in an item whose hyphen differs from the first text
    /// item's (null otherwise: the paragraph's one width serves). Blink's LineBreaker::AddHyphen shapes the hyphen in the
    /// style of the item the soft hyphen is in: `hy\u00AD` in 16px Noto Serif after a 22px Liberation Serif item ends a
    /// line that the larger hyphen would overflow (rich-shy-kern@112).
    /// </summary>
    private static int[]? SegmentHyphenWidths(
        RichInlineItem[] items, int[] atomicStarts, int[] unitItems, PrepareOptions options, ITextMeasurer measurer, int paragraphHyphen,
        List<SegmentFlags> flags, List<int> starts)
    {
        int[]? byItem = null;
        bool differs = false;
        for (int segment = 0; segment < flags.Count; segment++)
        {
            if ((flags[segment] & SegmentFlags.SoftHyphen) != 0)
            {
                differs |= ItemHyphen(unitItems[starts[segment]]) != paragraphHyphen;
            }
        }

        if (!differs)
        {
            return null;
        }

        var widths = new int[flags.Count];
        for (int segment = 0; segment < flags.Count; segment++)
        {
            widths[segment] = ItemHyphen(unitItems[starts[segment]]);
        }

        return widths;

        int ItemHyphen(int item)
        {
            if (atomicStarts[item] >= 0)
            {
                return paragraphHyphen; // an atomic item breaks only around itself; it draws no hyphen
            }

            byItem ??= new int[items.Length];
            if (byItem[item] == 0)
            {
                byItem[item] = HyphenWidth(items[item], options, measurer) + 1; // +1: 0 means not measured yet
            }

            return byItem[item] - 1;
        }
    }

    /// <summary>
    /// The line-edge widths plain Prepare measures with the paragraph's font (line-end and line-start text-spacing-trim,
    /// the reshaped break-anywhere line end), measured here item by item in each item's font: every segment lies in
    /// one item, and each item is shaped alone, so its edges are its own.
    /// </summary>
    private static (int[] End, int[] Start, int[] GraphemeOffsets, int[] GraphemeGains) MeasureLineEdges(
        string norm, RichInlineItem[] items, int[] atomicStarts, int[] unitItems, PrepareOptions options, ITextMeasurer measurer,
        double[] measured, ulong[] graphemeStarts, ulong[]? unsafeBreaks, List<SegmentKind> kinds, List<SegmentFlags> flags, List<int> starts)
    {
        int[]? end = null, start = null;
        var graphemeOffsets = new List<int>();
        var graphemeGains = new List<int>();
        for (int first = 0; first < kinds.Count;)
        {
            int item = unitItems[starts[first]];
            int last = first + 1;
            while (last < kinds.Count && unitItems[starts[last]] == item)
            {
                last++;
            }

            if (atomicStarts[item] < 0)
            {
                var style = new MeasureStyle(items[item].Font, options.Lang, items[item].LetterSpacing);
                int[] trims = TextPreparer.MeasureLineEndTrims(norm, style, measurer, measured, kinds, flags, starts, first, last);
                Merge(ref end, TextPreparer.AddLineEndReshapes(trims, TextPreparer.MeasureLineEndReshapes(norm, style, measurer, measured, graphemeStarts, unsafeBreaks, kinds, flags, starts, first, last)));
                Merge(ref start, TextPreparer.MeasureLineStarts(norm, style, measurer, measured, graphemeStarts, kinds, starts, first, last));
                if (options.OverflowWrap == OverflowWrap.BreakWord)
                {
                    (int[] offsets, int[] gains) = TextPreparer.MeasureGraphemeLineEnds(norm, style, measurer, measured, graphemeStarts, unsafeBreaks, kinds, starts, first, last);
                    graphemeOffsets.AddRange(offsets);
                    graphemeGains.AddRange(gains);
                }
            }

            first = last;
        }

        return (end ?? [], start ?? [], graphemeOffsets.ToArray(), graphemeGains.ToArray());

        static void Merge(ref int[]? into, int[] part)
        {
            if (part.Length == 0)
            {
                return;
            }

            into ??= new int[part.Length];
            for (int i = 0; i < part.Length; i++)
            {
                if (part[i] != 0)
                {
                    into[i] = part[i];
                }
            }
        }
    }

    /// <summary>
    /// Whether the shaping item starting at <paramref name="unit"/> is shaped together with the one before it. Blink's
    /// InlineNode::ShapeText shapes a run of text items in one HarfBuzz call while the font (family, size, weight, style,
    /// letter spacing) and the direction stay the same and no box with inline padding, border or margin opens or closes
    /// between them (ShouldBreakShapingBeforeText, ShouldBreakShapingBeforeBox); each item then keeps its own part of
    /// the result, which the line breaker still fits item by item. So `AV` + `AWAY` in one font kern across the items
    /// (`rich-shy-kern`: `AVAWAY` fits 88 px in Chromium only with the V-A kern).
    /// </summary>
    private static bool ShapesWith(RichInlineItem[] items, int[] atomicStarts, int[] unitItems, byte[] levels, int unit)
    {
        int k = unitItems[unit];
        int previous = unitItems[unit - 1];
        if (k == previous)
        {
            return false; // a bidi level change inside one item
        }

        RichInlineItem a = items[previous], b = items[k];
        return atomicStarts[k] < 0 && atomicStarts[previous] < 0 && levels[unit] == levels[unit - 1]
            && a.ExtraWidth == 0 && b.ExtraWidth == 0 && a.LetterSpacing == b.LetterSpacing && string.Equals(a.Font, b.Font, StringComparison.Ordinal);
    }

    /// <summary>
    /// Blink's HanKerning reads the characters around a shaping range in the paragraph's text, so adjacent fullwidth
    /// punctuation trims across a boundary between items in different fonts as inside one range: in the recorded
    /// `rich-ja-brackets`, an ideographic comma (U+3001) ending a 16px "Noto Serif CJK JP" item halves the fullwidth
    /// opening parenthesis (U+FF08) that starts the next, 14px "Noto Sans CJK JP" item; without this 16 of its 31 widths
    /// differ. Each range is measured alone, so where its first or last character is such punctuation next to another
    /// one across the boundary, that character is measured again as a pair with its neighbour (in this range's font)
    /// and the difference applied; shaping is otherwise unchanged (no kerning crosses ranges).
    /// </summary>
    private static void AddHanKerningContext(string norm, int start, int end, in MeasureStyle style, ITextMeasurer measurer, double[] measured, int[] advances)
    {
        if (start > 0 && TextPreparer.MayTrimAtLineStart(norm[start]) && TextPreparer.MayTrimAtLineStart(norm[start - 1]))
        {
            ApplyNeighbour(norm, start - 1, 1, style, measurer, measured, advances);
        }

        if (end < norm.Length && end - 1 > start && TextPreparer.MayTrimAtLineStart(norm[end - 1]) && TextPreparer.MayTrimAtLineStart(norm[end]))
        {
            ApplyNeighbour(norm, end - 1, 0, style, measurer, measured, advances);
        }
    }

    /// <summary>Measures the pair at <paramref name="pairStart"/> and moves unit <paramref name="which"/> of it to its width in the pair.</summary>
    private static void ApplyNeighbour(string norm, int pairStart, int which, in MeasureStyle style, ITextMeasurer measurer, double[] measured, int[] advances)
    {
        Span<double> pair = stackalloc double[2];
        Span<double> alone = stackalloc double[1];
        int offset = pairStart + which;
        measurer.MeasureAdvances(norm.AsSpan(pairStart, 2), style, pair);
        measurer.MeasureAdvances(norm.AsSpan(offset, 1), style, alone);
        long delta = TextPreparer.ToFixed(pair[which]) - TextPreparer.ToFixed(alone[0]);
        if (delta != 0)
        {
            advances[offset] += (int)delta;
            measured[offset] += pair[which] - alone[0];
        }
    }

    private static RichInlineItem[] Validate(IReadOnlyList<RichInlineItem> items, PrepareOptions options)
    {
        var copy = new RichInlineItem[items.Count];
        long total = 0;
        for (int k = 0; k < copy.Length; k++)
        {
            RichInlineItem? item = items[k];
            if (item is null)
            {
                throw new ArgumentException($"Item {k} is null.", nameof(items));
            }

            if (item.Text is null || item.Font is null)
            {
                throw new ArgumentException($"Item {k} has no {(item.Text is null ? "text" : "font")}.", nameof(items));
            }

            if (!double.IsFinite(item.LetterSpacing))
            {
                throw new ArgumentOutOfRangeException(nameof(items), item.LetterSpacing, $"Item {k}: LetterSpacing must be a finite number of px.");
            }

            if (!double.IsFinite(item.ExtraWidth) || item.ExtraWidth < 0 || item.ExtraWidth > MaxExtraWidth)
            {
                throw new ArgumentOutOfRangeException(nameof(items), item.ExtraWidth, $"Item {k}: ExtraWidth must be a finite number of px from 0 to {MaxExtraWidth}.");
            }

            if (item.Break is not (RichInlineBreak.Normal or RichInlineBreak.Never))
            {
                throw new ArgumentOutOfRangeException(nameof(items), item.Break, $"Item {k}: Break is not a RichInlineBreak value.");
            }

            total += item.Text.Length;
            copy[k] = item;
        }

        if (total > options.MaxTextLength)
        {
            throw new ArgumentOutOfRangeException(nameof(items), total, $"The items hold {total} UTF-16 code units; the limit (PrepareOptions.MaxTextLength) is {options.MaxTextLength}.");
        }

        return copy;
    }

    /// <summary>
    /// CSS Text 3 section 5.1: "there is a soft wrap opportunity before and after each replaced element or other atomic
    /// inline, even when adjacent to a character that would normally suppress them". UAX #14 alone keeps U+FFFC with a
    /// following `.` or `,` (LB13) and a preceding `(` (LB14); Chromium breaks there (`rich-chips@200`: `.` alone on a
    /// line after a chip; `rich-chips-tight@60`: `(` ends a line before a chip). Never before a space: the opportunity
    /// is after it, where the space hangs.
    /// </summary>
    private static void AddAtomicOpportunities(string norm, int[] atomicStarts, int[] unitItems, Span<BreakOpportunity> opportunities)
    {
        for (int i = 0; i < norm.Length; i++)
        {
            if (atomicStarts[unitItems[i]] < 0)
            {
                continue;
            }

            if (i > 0 && opportunities[i] == BreakOpportunity.None)
            {
                opportunities[i] = BreakOpportunity.Allowed;
            }

            if (i + 1 < norm.Length && norm[i + 1] != ' ' && opportunities[i + 1] == BreakOpportunity.None)
            {
                opportunities[i + 1] = BreakOpportunity.Allowed;
            }
        }
    }

    /// <summary>The largest extra width accepted, px: a 16.16 advance must stay within an int.</summary>
    private const double MaxExtraWidth = 10_000;

    /// <summary>
    /// An atomic item's width in 16.16 (whole LayoutUnits): its text laid out alone on one line (the inline-block's
    /// max-content width, rounded up to a LayoutUnit), plus its padding on both sides.
    /// </summary>
    private static long AtomicWidth(RichInlineItem item, PrepareOptions options, ITextMeasurer measurer)
    {
        PreparedText own = TextPreparer.Prepare(item.Text, item.Font, options with { LetterSpacing = item.LetterSpacing, OverflowWrap = OverflowWrap.Normal }, measurer);
        long content = 0;
        LayoutCursor cursor = default;
        while (LineWalker.NextLine(own, cursor, double.PositiveInfinity, out LayoutLineRange line))
        {
            content = Math.Max(content, (long)Math.Round(line.Width * PreparedText.LayoutUnitsPerPixel));
            cursor = line.End;
        }

        long width = (content + (2 * PaddingLayoutUnits(item.ExtraWidth))) * PreparedText.FixedPerLayoutUnit;
        if (width > int.MaxValue)
        {
            // One unit's 16.16 advance holds it: up to 32,767 px.
            throw new ArgumentOutOfRangeException(nameof(item), PreparedText.FixedToPixels(width), "An atomic item is wider than 32,767 px.");
        }

        return width;
    }

    /// <summary>One side's padding (half the extra width) in LayoutUnits, truncated as Blink converts a px length.</summary>
    private static long PaddingLayoutUnits(double extraWidth) => (long)(extraWidth / 2 * PreparedText.LayoutUnitsPerPixel);

    /// <summary>
    /// A breakable item's padding: the start half on its first unit, the end half on its last. Both are whole LayoutUnits,
    /// so folding them into the item's exact 16.16 run gives the sums and roundings that Blink's separate open and close
    /// tag items give.
    /// </summary>
    private static void AddPadding(RichInlineItem[] items, int[] atomicStarts, int[] unitItems, int[] advances)
    {
        for (int i = 0; i < unitItems.Length; i++)
        {
            int k = unitItems[i];
            if (atomicStarts[k] >= 0 || items[k].ExtraWidth == 0)
            {
                continue;
            }

            int pad = (int)(PaddingLayoutUnits(items[k].ExtraWidth) * PreparedText.FixedPerLayoutUnit);
            if (i == 0 || unitItems[i - 1] != k)
            {
                advances[i] += pad;
            }

            if (i + 1 == unitItems.Length || unitItems[i + 1] != k)
            {
                advances[i] += pad;
            }
        }
    }
}
