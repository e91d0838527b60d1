// Stage: Layout. The output of Prepare and the only input of the line walker.
// Struct-of-arrays, immutable after construction, safe to share between threads. The walker reads the
// "output of measuring" group only; the rest serves cursors, offsets and line text.

using System.Numerics;
using Foretext.Text;

namespace Foretext.Layout;

/// <summary>
/// Text prepared once for layout at any width: white space processed, segmented at the browser's break
/// opportunities and measured with the real font. Opaque and immutable; lay it out with <see cref="TextLayout"/>.
/// </summary>
public class PreparedText
{
    // Input, kept for line text and offsets.
    internal readonly string _sourceText;
    // The text after white-space processing (all segment offsets index it), kept only when it is the source text
    // itself; otherwise its characters are derived from the source through the offset map (TextAt, TextSlice), which
    // saves a second copy of every text whose white space changed (prepared Gatsby: 0.54 MB).
    private readonly string? _text;
    internal readonly int _textLength;
    internal readonly int[] _mapNormStart; // source offset = norm offset + _mapDelta[k] for the last k with _mapNormStart[k] <= norm
    internal readonly int[] _mapDelta;

    // Output of measuring (input to line breaking).
    internal readonly SegmentFlags[] _flags; // each segment's flags and, in the same byte, its kind (SegmentFlags.Kind)
    // Exact 16.16 (1/65536 px) width of each segment (0 for tabs: their width depends on the line position): an int
    // each, or, when some segment is wider than an int holds (32,768 px), a long each.
    private readonly int[]? _widths;
    private readonly long[]? _wideWidths;
    internal readonly int[] _segmentStarts; // norm offsets, one more than the segment count
    // 16.16 fixed-point advance of each UTF-16 unit (a cluster's on its first unit), letter spacing included. A text
    // has few distinct advances (one per glyph and spacing), so each unit keeps a byte index into _advancePalette;
    // a text with more than 256 distinct advances keeps them as ints in _wideAdvances instead.
    internal readonly byte[]? _advanceCodes;
    internal readonly int[] _advancePalette;
    internal readonly int[]? _wideAdvances;
    internal readonly ulong[] _graphemeStarts; // bit per UTF-16 unit: a grapheme cluster starts there
    internal readonly int[] _graphemeRanks; // grapheme starts before each block of 16 words (1,024 units), for cursor lookups
    internal readonly int _hyphenWidth; // LayoutUnits
    internal readonly int[] _hyphenWidths; // LayoutUnits, the hyphen of each segment's item (rich inline items in other fonts); empty when all are _hyphenWidth
    internal readonly int[] _endAdjustments; // 16.16 (negative) a segment loses when a line ends right after it (line-end HanKerning); empty when all zero
    internal readonly int[] _startAdjustments; // 16.16 (positive) a segment gains when a line starts with it (no HanKerning at a line start); empty when all zero
    internal readonly long[] _itemPositions; // 16.16 position of each segment's start from the start of its shaping item; only with _endAdjustments
    internal readonly int[] _graphemeEndOffsets; // sorted units whose grapheme gains width when a break-anywhere line ends after it (reshaped alone); ~unit keys (negative, first) hold a closing mark's line-end trim
    internal readonly int[] _graphemeEndGains; // 16.16, parallel to _graphemeEndOffsets; both empty unless break-word and some gain
    internal readonly int[] _graphemeStartOffsets; // sorted units inside segments where a break-anywhere line start gains width (reshaped alone)
    internal readonly int[] _graphemeStartGains; // 16.16, parallel to _graphemeStartOffsets; both empty unless break-word and some gain
    // Opportunities of the segmentation restarted at a line start inside an SA word, where they differ from the
    // paragraph's (TextPreparer.SegmentAgainFromLineStarts; RestartedBreaks says how to read them); empty arrays unless some do.
    internal readonly int[] _restartOffsets; // sorted grapheme starts
    internal readonly int[] _restartEnds; // per offset: the segment start from which the paragraph's opportunities apply again
    internal readonly int[] _restartBreakIndex; // per offset, its first index into _restartBreaks; one more entry last
    internal readonly int[] _restartBreaks; // ascending per offset, each before its end
    // Bit per UTF-16 unit: a line starting there inside a segment has restarted opportunities or a start gain; empty when
    // none does. Most lines that start inside a word have neither, and this spares them two binary searches (a layout
    // sweep of the Thai corpus over 196 widths was 15% slower than before the line-start data without it, 2-9% with it).
    internal readonly ulong[] _insideWordStarts;
    internal readonly double _spaceWidth; // px, for tab stops
    internal readonly byte[] _levels; // UAX #9 embedding level per UTF-16 unit, kept only by PrepareWithSegments (renderers)
    internal readonly bool _collapseSpaces;
    internal readonly bool _breakWord;

    // Output of prepare for the line-count path only (LineCounter); null when the text does not qualify.
    internal readonly int[]? _pieces; // first segment of each piece (text between two opportunities), sign bit on pieces that need the exact per-segment rules; a sentinel last
    internal readonly long[]? _pieceEnds; // 16.16 width of the text up to the end of each plain piece's content; long.MaxValue for special pieces and the sentinel
    internal readonly int[]? _pieceContentWidths; // 16.16 width of each plain piece's content (its first segment), so a new line's base needs no segment lookup
    internal readonly int[]? _specialPieces; // the special pieces, in order
    internal readonly long[]? _specialPieceStarts; // 16.16 width of the text before each of them

    internal PreparedText(PreparedText other)
    {
        _sourceText = other._sourceText;
        _text = other._text;
        _textLength = other._textLength;
        _mapNormStart = other._mapNormStart;
        _mapDelta = other._mapDelta;
        _flags = other._flags;
        _widths = other._widths;
        _wideWidths = other._wideWidths;
        _specialPieces = other._specialPieces;
        _pieceContentWidths = other._pieceContentWidths;
        _specialPieceStarts = other._specialPieceStarts;
        _pieces = other._pieces;
        _pieceEnds = other._pieceEnds;
        _segmentStarts = other._segmentStarts;
        _advanceCodes = other._advanceCodes;
        _advancePalette = other._advancePalette;
        _wideAdvances = other._wideAdvances;
        _graphemeStarts = other._graphemeStarts;
        _graphemeRanks = other._graphemeRanks;
        _hyphenWidth = other._hyphenWidth;
        _hyphenWidths = other._hyphenWidths;
        _spaceWidth = other._spaceWidth;
        _levels = other._levels;
        _endAdjustments = other._endAdjustments;
        _startAdjustments = other._startAdjustments;
        _itemPositions = other._itemPositions;
        _graphemeEndOffsets = other._graphemeEndOffsets;
        _graphemeEndGains = other._graphemeEndGains;
        _graphemeStartOffsets = other._graphemeStartOffsets;
        _graphemeStartGains = other._graphemeStartGains;
        _restartOffsets = other._restartOffsets;
        _restartEnds = other._restartEnds;
        _restartBreakIndex = other._restartBreakIndex;
        _restartBreaks = other._restartBreaks;
        _insideWordStarts = other._insideWordStarts;
        _collapseSpaces = other._collapseSpaces;
        _breakWord = other._breakWord;
        Font = other.Font;
        Options = other.Options;
    }

    internal PreparedText(
        string sourceText, string text, int[] mapNormStart, int[] mapDelta,
        SegmentKind[] kinds, SegmentFlags[] flags, long[] widths, int[] segmentStarts,
        int[] advances, ulong[] graphemeStarts, int hyphenWidth, double spaceWidth,
        string font, PrepareOptions options, byte[] levels, int[] endAdjustments, int[] startAdjustments, int[] graphemeEndOffsets, int[] graphemeEndGains,
        int[] graphemeStartOffsets, int[] graphemeStartGains, RestartedBreaks restarted, int[]? hyphenWidths = null)
    {
        _graphemeStartOffsets = graphemeStartOffsets;
        _graphemeStartGains = graphemeStartGains;
        (_restartOffsets, _restartEnds, _restartBreakIndex, _restartBreaks) = restarted;
        _insideWordStarts = BuildInsideWordStarts(text.Length, _restartOffsets, graphemeStartOffsets);
        _graphemeEndOffsets = graphemeEndOffsets;
        _graphemeEndGains = graphemeEndGains;
        _startAdjustments = startAdjustments;
        _endAdjustments = endAdjustments;
        _itemPositions = endAdjustments.Length == 0 && (graphemeEndOffsets.Length == 0 || graphemeEndOffsets[0] >= 0) ? [] : BuildItemPositions(flags, widths);
        _levels = levels;
        _sourceText = sourceText;
        _text = ReferenceEquals(text, sourceText) ? text : null;
        _textLength = text.Length;
        _mapNormStart = mapNormStart;
        _mapDelta = mapDelta;
        _flags = flags;
        for (int i = 0; i < flags.Length; i++)
        {
            _flags[i] |= SegmentFlagsExtensions.Of(kinds[i]);
        }
        if (Array.TrueForAll(widths, w => w is >= int.MinValue and <= int.MaxValue))
        {
            _widths = Array.ConvertAll(widths, w => (int)w);
        }
        else
        {
            _wideWidths = widths;
        }
        _segmentStarts = segmentStarts;
        (_advanceCodes, _advancePalette, _wideAdvances) = CompressAdvances(advances);
        _graphemeStarts = graphemeStarts;
        _graphemeRanks = BuildRanks(graphemeStarts);
        _hyphenWidth = hyphenWidth;
        _hyphenWidths = hyphenWidths ?? [];
        _spaceWidth = spaceWidth;
        _collapseSpaces = options.WhiteSpace == WhiteSpace.Normal;
        _breakWord = options.OverflowWrap == OverflowWrap.BreakWord;
        Font = font;
        Options = options;
        (_pieces, _pieceEnds, _pieceContentWidths, _specialPieces, _specialPieceStarts) = LineCounter.BuildPieces(this);
    }

    /// <summary>The CSS font the text was measured with.</summary>
    public string Font { get; }

    /// <summary>The options the text was prepared with.</summary>
    public PrepareOptions Options { get; }

    /// <summary>The original text.</summary>
    public string SourceText => _sourceText;

    /// <summary>Number of segments.</summary>
    public int SegmentCount => _flags.Length;

    /// <summary>The cursor just past the last segment.</summary>
    public LayoutCursor End => new(_flags.Length, 0);

    /// <summary>UTF-16 offset in <see cref="SourceText"/> of the character at <paramref name="cursor"/> (the text length at the end).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The cursor is not inside this text.</exception>
    public int GetSourceOffset(LayoutCursor cursor) => NormToSource(GetTextOffset(cursor));

    internal int GetTextOffset(LayoutCursor cursor)
    {
        int segment = cursor.SegmentIndex;
        if ((uint)segment > (uint)_flags.Length || cursor.GraphemeIndex < 0 || (segment == _flags.Length && cursor.GraphemeIndex != 0))
        {
            throw new ArgumentOutOfRangeException(nameof(cursor), cursor, "The cursor is outside the prepared text.");
        }

        if (segment == _flags.Length)
        {
            return _textLength;
        }

        int offset = GraphemeOffset(segment, cursor.GraphemeIndex);
        if (offset < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(cursor), cursor, "The grapheme index is past the end of its segment.");
        }

        return offset;
    }

    internal int NormToSource(int normOffset)
    {
        if (normOffset >= _textLength)
        {
            return _sourceText.Length;
        }

        return normOffset + _mapDelta[MapIndex(normOffset)];
    }

    private int MapIndex(int normOffset)
    {
        int index = Array.BinarySearch(_mapNormStart, normOffset);
        return index < 0 ? ~index - 1 : index;
    }

    /// <summary>The processed text's character at <paramref name="offset"/>.</summary>
    internal char TextAt(int offset) => _text is { } text ? text[offset] : ProcessedChar(offset + _mapDelta[MapIndex(offset)]);

    /// <summary>The processed text's units [<paramref name="start"/>, <paramref name="end"/>).</summary>
    internal string TextSlice(int start, int end)
    {
        if (_text is { } text)
        {
            return text.Substring(start, end - start);
        }

        return string.Create(end - start, (Prepared: this, Start: start), static (chars, state) =>
        {
            PreparedText p = state.Prepared;
            int k = chars.Length > 0 ? p.MapIndex(state.Start) : 0;
            for (int i = 0; i < chars.Length; i++)
            {
                int offset = state.Start + i;
                while (k + 1 < p._mapNormStart.Length && p._mapNormStart[k + 1] <= offset)
                {
                    k++;
                }

                chars[i] = p.ProcessedChar(offset + p._mapDelta[k]);
            }
        });
    }

    /// <summary>The whole processed text (a new string unless it is the source text).</summary>
    internal string ProcessedText => _text ?? TextSlice(0, _textLength);

    /// <summary>
    /// What white-space processing (TextPreparer.ProcessWhiteSpace) turned the source character at
    /// <paramref name="sourceOffset"/> into, for one it kept: a lone surrogate becomes U+FFFD; white-space: normal
    /// keeps one character of each run of collapsible white space, as a space; pre-wrap turns a lone CR into a line
    /// feed (of CR LF it keeps the LF).
    /// </summary>
    private char ProcessedChar(int sourceOffset)
    {
        string source = _sourceText;
        char c = source[sourceOffset];
        if (char.IsSurrogate(c))
        {
            bool paired = char.IsHighSurrogate(c)
                ? sourceOffset + 1 < source.Length && char.IsLowSurrogate(source[sourceOffset + 1])
                : sourceOffset > 0 && char.IsHighSurrogate(source[sourceOffset - 1]);
            return paired ? c : '\uFFFD';
        }

        if (_collapseSpaces)
        {
            return TextPreparer.IsCollapsibleWhiteSpace(c) ? ' ' : c;
        }

        return c == '\r' ? '\n' : c;
    }

    /// <summary>Each segment's 16.16 position from the start of its shaping item (the trimmed line end test needs the
    /// positions Blink's ShapeResult reports, which start at the item).</summary>
    private static long[] BuildItemPositions(SegmentFlags[] flags, long[] widths)
    {
        var positions = new long[flags.Length];
        long position = 0;
        for (int i = 0; i < flags.Length; i++)
        {
            if ((flags[i] & SegmentFlags.ItemStart) != 0)
            {
                position = 0;
            }

            positions[i] = position;
            position += widths[i];
        }

        return positions;
    }

    /// <summary>Norm offset of grapheme <paramref name="grapheme"/> of a segment, or -1 when the segment has fewer.</summary>
    internal int GraphemeOffset(int segment, int grapheme)
    {
        // A rank directory over the grapheme bitmap (set bits before every 1,024 units) finds the g-th grapheme
        // start after the segment's in O(log n) plus a 16-word scan, so cursors deep inside a very long word
        // (overflow-wrap lines of a 1 MB token) cost the same as cursors near its start.
        int offset = _segmentStarts[segment];
        int end = _segmentStarts[segment + 1];
        if (grapheme == 0)
        {
            return offset;
        }

        // The wanted start has exactly this many starts before it. A segment may begin inside a cluster (an item
        // boundary cuts it), where the first start after it is grapheme 1.
        bool startsCluster = (_graphemeStarts[offset >> 6] & (1UL << (offset & 63))) != 0;
        long target = Rank(offset) + grapheme - (startsCluster ? 0 : 1);
        int[] ranks = _graphemeRanks;
        int low = offset >> BlockShift;
        int high = ranks.Length - 1;
        while (low < high)
        {
            int middle = (low + high + 1) >> 1;
            if (ranks[middle] <= target)
            {
                low = middle;
            }
            else
            {
                high = middle - 1;
            }
        }

        ulong[] words = _graphemeStarts;
        long seen = ranks[low];
        for (int w = low << (BlockShift - 6); w < words.Length; w++)
        {
            int count = BitOperations.PopCount(words[w]);
            if (seen + count > target)
            {
                ulong word = words[w];
                for (long skip = target - seen; skip > 0; skip--)
                {
                    word &= word - 1;
                }

                int unit = (w << 6) + BitOperations.TrailingZeroCount(word);
                return unit < end ? unit : -1;
            }

            seen += count;
        }

        return -1;
    }

    /// <summary>Grapheme starts strictly before <paramref name="unit"/>.</summary>
    private long Rank(int unit)
    {
        ulong[] words = _graphemeStarts;
        long rank = _graphemeRanks[unit >> BlockShift];
        for (int w = (unit >> BlockShift) << (BlockShift - 6); w < unit >> 6; w++)
        {
            rank += BitOperations.PopCount(words[w]);
        }

        if ((unit & 63) != 0)
        {
            rank += BitOperations.PopCount(words[unit >> 6] & ((1UL << (unit & 63)) - 1));
        }

        return rank;
    }

    private const int BlockShift = 10; // 1,024 units a block

    private static int[] BuildRanks(ulong[] words)
    {
        int blocks = (words.Length << 6 >> BlockShift) + 2;
        var ranks = new int[blocks];
        int rank = 0;
        for (int w = 0; w < words.Length; w++)
        {
            if ((w & ((1 << (BlockShift - 6)) - 1)) == 0)
            {
                ranks[w >> (BlockShift - 6)] = rank;
            }

            rank += BitOperations.PopCount(words[w]);
        }

        for (int b = ((words.Length + (1 << (BlockShift - 6)) - 1) >> (BlockShift - 6)); b < blocks; b++)
        {
            ranks[b] = rank;
        }

        return ranks;
    }

    /// <summary>
    /// The start of the last visible grapheme before <paramref name="end"/>, not before <paramref name="floor"/>: a
    /// soft hyphen or zero width space or joiner ending the text is passed over (it draws nothing).
    /// </summary>
    internal int LastVisibleGraphemeStart(int floor, int end)
    {
        int unit = PreviousGraphemeStart(end, floor);
        while (unit > floor && IsInvisibleBreak(TextAt(unit)))
        {
            unit = PreviousGraphemeStart(unit, floor);
        }

        return Math.Max(unit, floor);
    }

    /// <summary>A soft hyphen, zero width space, word joiner or zero width no-break space: it draws nothing at a line end.</summary>
    internal static bool IsInvisibleBreak(char c) => c is '\u00AD' or '\u200B' or '\u2060' or '\uFEFF';

    /// <summary>The grapheme index in segment <paramref name="segment"/> of the grapheme start <paramref name="unit"/> (the inverse of <see cref="GraphemeOffset"/>).</summary>
    internal int GraphemeIndex(int segment, int unit)
    {
        int offset = _segmentStarts[segment];
        bool startsCluster = (_graphemeStarts[offset >> 6] & (1UL << (offset & 63))) != 0;
        return (int)(Rank(unit) - Rank(offset)) + (startsCluster ? 0 : 1);
    }

    /// <summary>The last grapheme start before <paramref name="offset"/>, not before <paramref name="floor"/>.</summary>
    internal int PreviousGraphemeStart(int offset, int floor) => PreviousGraphemeStart(_graphemeStarts, offset, floor);

    /// <summary>The last set bit of <paramref name="graphemeStarts"/> before <paramref name="offset"/>, not before <paramref name="floor"/> (prepare's bitmap too).</summary>
    internal static int PreviousGraphemeStart(ulong[] graphemeStarts, int offset, int floor)
    {
        int unit = offset - 1;
        while (unit > floor && (graphemeStarts[unit >> 6] & (1UL << (unit & 63))) == 0)
        {
            unit--;
        }

        return unit;
    }

    /// <summary>The next grapheme start after <paramref name="offset"/>, capped at <paramref name="limit"/>.</summary>
    internal int NextGraphemeStart(int offset, int limit)
    {
        int unit = offset + 1;
        while (unit < limit)
        {
            ulong word = _graphemeStarts[unit >> 6] >> (unit & 63);
            if (word != 0)
            {
                int next = unit + BitOperations.TrailingZeroCount(word);
                return next < limit ? next : limit;
            }

            unit = (unit | 63) + 1;
        }

        return limit;
    }

    /// <summary>Exact 16.16 width of segment <paramref name="segment"/>.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    internal long Width(int segment) => _widths is { } widths ? widths[segment] : _wideWidths![segment];

    /// <summary>Identifies the segment widths (shared by a PreparedTextWithSegments made from this text).</summary>
    internal object WidthsIdentity => (object?)_widths ?? _wideWidths!;

    /// <summary>The 16.16 width segment <paramref name="segment"/> loses (a negative number) when a line ends right after it.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    internal long EndAdjustment(int segment) => _endAdjustments.Length == 0 ? 0 : _endAdjustments[segment];

    /// <summary>
    /// The width in LayoutUnits of the hyphen a soft hyphen in segment <paramref name="segment"/> draws: Blink takes it from
    /// the style of the item the soft hyphen is in (LineBreaker::AddHyphen), so rich inline items differ.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    internal int HyphenWidth(int segment) => _hyphenWidths.Length == 0 ? _hyphenWidth : _hyphenWidths[segment];

    /// <summary>The 16.16 width segment <paramref name="segment"/> gains when a line starts with it.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    internal long StartAdjustment(int segment) => _startAdjustments.Length == 0 ? 0 : _startAdjustments[segment];

    /// <summary>
    /// The (negative) 16.16 change of the closing bracket or quote at <paramref name="offset"/> when a break-anywhere line
    /// ends right after it inside a word and ShapeLine's HanKerning extension sets it half width; 0 when none.
    /// </summary>
    internal long GraphemeEndTrim(int offset)
    {
        if (_graphemeEndOffsets.Length == 0 || _graphemeEndOffsets[0] >= 0)
        {
            return 0;
        }

        int index = Array.BinarySearch(_graphemeEndOffsets, ~offset);
        return index >= 0 ? _graphemeEndGains[index] : 0;
    }

    /// <summary>The 16.16 width the grapheme starting at <paramref name="offset"/> gains when a break-anywhere line ends right after it.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    internal long GraphemeEndAdjustment(int offset)
    {
        // Sparse: only graphemes kerned against what follows gain anything, and only the break-anywhere pass asks.
        if (_graphemeEndOffsets.Length == 0)
        {
            return 0;
        }

        int index = Array.BinarySearch(_graphemeEndOffsets, offset);
        return index >= 0 ? _graphemeEndGains[index] : 0;
    }

    /// <summary>Whether a line starting at unit <paramref name="offset"/> inside a segment has restarted opportunities or a start gain.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    internal bool HasInsideWordStart(int offset)
        => _insideWordStarts.Length != 0 && (_insideWordStarts[offset >> 6] & (1UL << (offset & 63))) != 0;

    private static ulong[] BuildInsideWordStarts(int length, int[] restartOffsets, int[] startGainOffsets)
    {
        if (restartOffsets.Length == 0 && startGainOffsets.Length == 0)
        {
            return [];
        }

        var bits = new ulong[(length + 63) >> 6];
        foreach (int offset in restartOffsets)
        {
            bits[offset >> 6] |= 1UL << (offset & 63);
        }

        foreach (int offset in startGainOffsets)
        {
            bits[offset >> 6] |= 1UL << (offset & 63);
        }

        return bits;
    }

    /// <summary>The 16.16 width a line gains when it starts at the grapheme start <paramref name="offset"/> inside a segment (reshaped from there).</summary>
    internal long GraphemeStartAdjustment(int offset)
    {
        if (!HasInsideWordStart(offset) || _graphemeStartOffsets.Length == 0)
        {
            return 0;
        }

        int index = Array.BinarySearch(_graphemeStartOffsets, offset);
        return index >= 0 ? _graphemeStartGains[index] : 0;
    }

    /// <summary>Exact 16.16 width of text units [<paramref name="start"/>, <paramref name="end"/>).</summary>
    internal long SumAdvances(int start, int end) => SumAdvancesCapped(start, end, long.MaxValue);

    /// <summary>
    /// Exact 16.16 width of units [<paramref name="start"/>, <paramref name="end"/>), or the first partial sum past
    /// <paramref name="cap"/>: enough to know that the rest of a long word does not fit without summing all of it.
    /// </summary>
    internal long SumAdvancesCapped(int start, int end, long cap)
    {
        long sum = 0;
        if (_advanceCodes is { } codes)
        {
            int[] palette = _advancePalette;
            for (int i = start; i < end && sum <= cap; i++)
            {
                sum += palette[codes[i]];
            }
        }
        else
        {
            int[] advances = _wideAdvances!;
            for (int i = start; i < end && sum <= cap; i++)
            {
                sum += advances[i];
            }
        }

        return sum;
    }

    /// <summary>Byte codes into a palette of the distinct advances, or the advances themselves when there are more than 256.</summary>
    private static (byte[]? Codes, int[] Palette, int[]? Wide) CompressAdvances(int[] advances)
    {
        // Distinct advances in an open-addressing table on the stack (at most 256 entries in 1,024 slots): a
        // Dictionary per text cost about 10 us a short text (profile, batch-500), more than all the rest of Prepare's
        // own work on it.
        Span<int> keys = stackalloc int[PaletteSlots];
        Span<short> codePlusOne = stackalloc short[PaletteSlots]; // 0: empty slot
        Span<int> palette = stackalloc int[byte.MaxValue + 1];
        int count = 0;
        var codes = new byte[advances.Length];
        for (int i = 0; i < advances.Length; i++)
        {
            int advance = advances[i];
            int slot = (int)((uint)(advance * -1640531535) >> (32 - PaletteSlotBits)); // Fibonacci hashing
            while (true)
            {
                int stored = codePlusOne[slot];
                if (stored == 0)
                {
                    if (count > byte.MaxValue)
                    {
                        return (null, [], advances);
                    }

                    keys[slot] = advance;
                    palette[count] = advance;
                    codePlusOne[slot] = (short)++count;
                    codes[i] = (byte)(count - 1);
                    break;
                }

                if (keys[slot] == advance)
                {
                    codes[i] = (byte)(stored - 1);
                    break;
                }

                slot = (slot + 1) & (PaletteSlots - 1);
            }
        }

        return (codes, palette[..count].ToArray(), null);
    }

    private const int PaletteSlotBits = 10, PaletteSlots = 1 << PaletteSlotBits;

    /// <summary>16.16 fixed-point units per CSS px: Chromium keeps glyph advances as InlineLayoutUnit.</summary>
    internal const int FixedPerPixel = 65536;

    /// <summary>16.16 units per LayoutUnit (1/64 px).</summary>
    internal const int FixedPerLayoutUnit = 1024;

    /// <summary>A fixed-point width as LayoutUnits, rounded up (ShapeResult::SnappedWidth).</summary>
    internal static long CeilToLayoutUnits(long fixedPoint) => (fixedPoint + FixedPerLayoutUnit - 1) >> 10;

    internal static double FixedToPixels(long fixedPoint) => fixedPoint / (double)FixedPerPixel;

    /// <summary>LayoutUnits (1/64 px, Chromium's LayoutUnit) per CSS px.</summary>
    internal const int LayoutUnitsPerPixel = 64;

    internal static double ToPixels(long layoutUnits) => layoutUnits / (double)LayoutUnitsPerPixel;
}

/// <summary>Per-segment bits the walker reads; bits 4 and 5 hold the segment's <see cref="SegmentKind"/>.</summary>
[Flags]
internal enum SegmentFlags : byte
{
    None = 0,

    /// <summary>A break opportunity follows the segment.</summary>
    BreakAfter = 1,

    /// <summary>The segment ends with a soft hyphen: breaking after it draws a hyphen whose width counts.</summary>
    SoftHyphen = 2,

    /// <summary>The segment starts a new shaping item (after a bidi level change, a tab or a line feed).</summary>
    ItemStart = 4,

    /// <summary>
    /// The opportunity after the segment is gone for a line that starts at the segment's last grapheme: Blink's break
    /// iterator sees no text before a line start, so `-` then a digit (`7:00-|9:00`, a break only after a letter or
    /// digit) or a word-initial hyphen before a letter (UAX #14 LB20a) hold together there.
    /// </summary>
    NoBreakAfterAtLineStart = 8,
}

internal static class SegmentFlagsExtensions
{
    private const int KindShift = 4;

    /// <summary>The kind kept in the flags byte (one byte a segment for both).</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public static SegmentKind Kind(this SegmentFlags flags) => (SegmentKind)((int)flags >> KindShift);

    public static SegmentFlags Of(SegmentKind kind) => (SegmentFlags)((int)kind << KindShift);
}
