// Stage: Layout. The output of PrepareRichInline: one paragraph's PreparedText over the items' joined text (an atomic
// item as one U+FFFC), measured in the items' fonts, plus what maps it back to the items. The line walker lays it out as any
// prepared text; the item boundaries are shaping-item boundaries in it. All reading of PreparedText's arrays for rich
// inline flow is in this file and RichInlinePreparer.cs.

using System.Collections.ObjectModel;

namespace Foretext.Layout;

/// <summary>
/// A rich inline paragraph prepared once for layout at any width (Pretext's <c>prepareRichInline</c>). Opaque and
/// immutable; lay it out with <see cref="TextLayout"/>'s <see cref="PreparedRichInline"/> overloads.
/// </summary>
public sealed class PreparedRichInline
{
    internal readonly PreparedText _flow;
    private readonly int[] _itemSourceStarts; // offset of each item in the joined source text, plus its length
    private readonly int[] _atomicStarts; // per item: first non-space unit of an atomic item's text, else -1
    private readonly int[] _atomicEnds; // per item: end of an atomic item's text without trailing spaces

    internal PreparedRichInline(PreparedText flow, RichInlineItem[] items, int[] itemSourceStarts, int[] atomicStarts, int[] atomicEnds)
    {
        _flow = flow;
        Items = new ReadOnlyCollection<RichInlineItem>(items);
        _itemSourceStarts = itemSourceStarts;
        _atomicStarts = atomicStarts;
        _atomicEnds = atomicEnds;
    }

    /// <summary>The items, as given.</summary>
    public IReadOnlyList<RichInlineItem> Items { get; }

    /// <summary>The paragraph's options.</summary>
    public PrepareOptions Options => _flow.Options;

    /// <summary>The cursor just past the paragraph's end.</summary>
    public LayoutCursor End => _flow.End;

    /// <summary>The item and offset in its text of the character at <paramref name="cursor"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The cursor is not inside this paragraph.</exception>
    public RichInlinePosition GetPosition(LayoutCursor cursor)
    {
        int norm = _flow.GetTextOffset(cursor);
        if (norm >= _flow._textLength)
        {
            return new RichInlinePosition(Items.Count, 0);
        }

        return PositionOfSource(_flow.NormToSource(norm));
    }

    private RichInlinePosition PositionOfSource(int source)
    {
        int item = ItemOfSource(source);
        return _atomicStarts[item] >= 0
            ? new RichInlinePosition(item, _atomicStarts[item])
            : new RichInlinePosition(item, source - _itemSourceStarts[item]);
    }

    /// <summary>The item whose text holds joined-source unit <paramref name="source"/> (empty items hold none).</summary>
    private int ItemOfSource(int source)
    {
        int index = Array.BinarySearch(_itemSourceStarts, 0, Items.Count, source);
        if (index < 0)
        {
            return ~index - 1;
        }

        while (index + 1 < Items.Count && _itemSourceStarts[index + 1] == source)
        {
            index++; // the last of the items starting here: the others are empty
        }

        return index;
    }

    /// <summary>Cuts a line range into per-item fragments with their text, position and width.</summary>
    internal RichInlineLine Materialize(LayoutLineRange range)
    {
        PreparedText flow = _flow;
        int start = flow.GetTextOffset(range.Start);
        int end = flow.GetTextOffset(range.End);
        if (end < start)
        {
            throw new ArgumentOutOfRangeException(nameof(range), range, "The range ends before it starts.");
        }

        while (end > start && flow.TextAt(end - 1) == ' ')
        {
            end--; // hanging spaces at the line's end are drawn by no fragment
        }

        var fragments = new List<RichInlineFragment>();
        long x = 0; // LayoutUnits
        int from = start;
        while (from < end)
        {
            int firstSource = flow.NormToSource(from);
            int item = ItemOfSource(firstSource);
            int to = from + 1;
            while (to < end && flow.NormToSource(to) < _itemSourceStarts[item + 1])
            {
                to++;
            }

            long width = PreparedText.CeilToLayoutUnits(flow.SumAdvances(from, to));
            int sourceStart, sourceEnd;
            string fragmentText;
            if (_atomicStarts[item] >= 0)
            {
                sourceStart = _atomicStarts[item];
                sourceEnd = _atomicEnds[item];
                fragmentText = Items[item].Text[sourceStart..sourceEnd];
            }
            else
            {
                sourceStart = firstSource - _itemSourceStarts[item];
                sourceEnd = flow.NormToSource(to - 1) + 1 - _itemSourceStarts[item];
                fragmentText = flow.TextSlice(from, to);
            }

            if (range.EndsWithHyphen && to == end)
            {
                fragmentText = string.Concat(fragmentText.AsSpan(0, fragmentText.Length - 1), "-");
            }

            fragments.Add(new RichInlineFragment(item, sourceStart, sourceEnd, PreparedText.ToPixels(x), PreparedText.ToPixels(width), fragmentText));
            x += width;
            from = to;
        }

        return new RichInlineLine(fragments, range.Width, range.Start, range.End);
    }
}
