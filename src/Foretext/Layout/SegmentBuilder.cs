// Stage: Layout, inside prepare. Input: processed text, break opportunities, item boundaries and LayoutUnit
// positions. Output: segments. Text between two opportunities is split into its content (Text), its trailing
// white space (Space, Tab: they hang) and a preserved line feed (HardBreak); a piece that crosses a shaping item
// boundary is cut there too, without an opportunity, and flagged, since the line breaker measures per item.

using Foretext.Text.Segmentation;

namespace Foretext.Layout;

internal readonly ref struct SegmentBuilder
{
    private const char SoftHyphen = '\u00AD';

    private readonly string _text;
    private readonly bool _preWrap;
    private readonly int[] _advances;
    private readonly List<int> _itemStarts;
    private readonly List<SegmentKind> _kinds;
    private readonly List<SegmentFlags> _flags;
    private readonly List<long> _widths;
    private readonly List<int> _starts;

    public SegmentBuilder(
        string text, bool preWrap, int[] advances, List<int> itemStarts,
        List<SegmentKind> kinds, List<SegmentFlags> flags, List<long> widths, List<int> starts)
    {
        _text = text;
        _preWrap = preWrap;
        _advances = advances;
        _itemStarts = itemStarts;
        _kinds = kinds;
        _flags = flags;
        _widths = widths;
        _starts = starts;
    }

    public void Build(ReadOnlySpan<BreakOpportunity> opportunities)
    {
        string text = _text;
        int pieceStart = 0;
        for (int i = 1; i <= text.Length; i++)
        {
            if (opportunities[i] == BreakOpportunity.None && i < text.Length)
            {
                continue;
            }

            int pieceEnd = i;
            bool hardBreak = _preWrap && text[pieceEnd - 1] == '\n';
            int whiteEnd = hardBreak ? pieceEnd - 1 : pieceEnd;
            int contentEnd = whiteEnd;
            while (contentEnd > pieceStart && (text[contentEnd - 1] == ' ' || (_preWrap && text[contentEnd - 1] == '\t')))
            {
                contentEnd--;
            }

            if (contentEnd > pieceStart)
            {
                Add(SegmentKind.Text, pieceStart, contentEnd, text[contentEnd - 1] == SoftHyphen ? SegmentFlags.SoftHyphen : SegmentFlags.None);
            }

            int run = contentEnd;
            while (run < whiteEnd)
            {
                if (text[run] == '\t')
                {
                    Add(SegmentKind.Tab, run, run + 1, SegmentFlags.None);
                    run++;
                    continue;
                }

                int spaceEnd = run;
                while (spaceEnd < whiteEnd && text[spaceEnd] == ' ')
                {
                    spaceEnd++;
                }

                Add(SegmentKind.Space, run, spaceEnd, SegmentFlags.None);
                run = spaceEnd;
            }

            if (hardBreak)
            {
                Add(SegmentKind.HardBreak, whiteEnd, pieceEnd, SegmentFlags.None);
            }

            _flags[^1] |= SegmentFlags.BreakAfter;
            pieceStart = pieceEnd;
        }
    }

    /// <summary>Adds [start, end) as one segment per shaping item it touches; flags go on the last.</summary>
    private void Add(SegmentKind kind, int start, int end, SegmentFlags flags)
    {
        int item = ItemOf(start);
        while (true)
        {
            int itemEnd = item + 1 < _itemStarts.Count ? _itemStarts[item + 1] : _text.Length;
            int pieceEnd = Math.Min(end, itemEnd);
            long width = 0;
            if (kind is SegmentKind.Text or SegmentKind.Space)
            {
                for (int k = start; k < pieceEnd; k++)
                {
                    width += _advances[k];
                }
            }

            SegmentFlags pieceFlags = pieceEnd == end ? flags : SegmentFlags.None;
            if (start == _itemStarts[item])
            {
                pieceFlags |= SegmentFlags.ItemStart;
            }

            _kinds.Add(kind);
            _flags.Add(pieceFlags);
            _widths.Add(width);
            _starts.Add(start);
            if (pieceEnd == end)
            {
                return;
            }

            start = pieceEnd;
            item++;
        }
    }

    private int ItemOf(int offset)
    {
        int index = _itemStarts.BinarySearch(offset);
        return index >= 0 ? index : ~index - 1;
    }
}
