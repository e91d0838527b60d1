// Stage: Layout, the prepare phase. Input: text, a CSS font, options and a measurer.
// Output: a PreparedText. Steps: white-space processing (CSS Text 3 section 4.1) with a map back to source
// offsets; break opportunities (Text/Segmentation, Chromium-tailored UAX #14); grapheme clusters (UAX #29);
// one measurer call per inline run between forced breaks and tabs (browsers shape a run in context);
// segments = text between opportunities, split into content and hanging white space.

using System.Buffers;
using System.Text;
using Foretext.Shaping;
using Foretext.Text;
using Foretext.Text.Bidi;
using Foretext.Text.Segmentation;

namespace Foretext.Layout;

internal static class TextPreparer
{
    private const char SoftHyphen = '\u00AD';
    private const char ReplacementCharacter = '\uFFFD';

    public static PreparedText Prepare(string text, string font, PrepareOptions options, ITextMeasurer measurer)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(font);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(measurer);
        if (text.Length > options.MaxTextLength)
        {
            throw new ArgumentOutOfRangeException(nameof(text), text.Length, $"The text has {text.Length} UTF-16 code units; the limit (PrepareOptions.MaxTextLength) is {options.MaxTextLength}.");
        }

        if (!double.IsFinite(options.LetterSpacing))
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.LetterSpacing, "LetterSpacing must be a finite number of px.");
        }

        bool preWrap = options.WhiteSpace == WhiteSpace.PreWrap;
        var mapNormStart = new List<int>();
        var mapDelta = new List<int>();
        string norm = ProcessWhiteSpace(text, preWrap, mapNormStart, mapDelta);
        var style = new MeasureStyle(font, options.Lang, options.LetterSpacing);
        long spacing = ToFixed(options.LetterSpacing);

        // A chosen soft hyphen draws U+2010 when the font has it, else '-' (Blink's Font::HyphenString);
        // both are one glyph of the same advance in the fonts measured so far, so '-' stands for both.
        int hyphenWidth = (int)CeilToLayoutUnits(MeasureFixed("-", style, measurer) + spacing);
        double spaceWidth = (MeasureFixed(" ", style, measurer) + spacing) / FixedOne;

        int length = norm.Length;
        var positions = new int[length];
        var graphemeStarts = new ulong[(length + 63) >> 6];
        var kinds = new List<SegmentKind>();
        var flags = new List<SegmentFlags>();
        var widths = new List<int>();
        var starts = new List<int>();
        byte[] levels = new byte[length];

        if (length > 0)
        {
            BidiResolver.Resolve(norm, options.Direction, levels);
            MarkGraphemes(norm, graphemeStarts);
            List<int> itemStarts = SplitItems(norm, preWrap, levels);
            var itemEnds = new int[itemStarts.Count]; // LayoutUnit position at each item's end
            long[] advances = ArrayPool<long>.Shared.Rent(length);
            double[] measured = ArrayPool<double>.Shared.Rent(length);
            try
            {
                for (int k = 0; k < itemStarts.Count; k++)
                {
                    int itemStart = itemStarts[k];
                    int itemEnd = k + 1 < itemStarts.Count ? itemStarts[k + 1] : length;
                    MeasureItem(norm, itemStart, itemEnd, style, measurer, spacing, graphemeStarts, measured, advances);
                    itemEnds[k] = PlaceItem(advances, itemStart, itemEnd, (levels[itemStart] & 1) != 0, positions);
                }
            }
            finally
            {
                ArrayPool<long>.Shared.Return(advances);
                ArrayPool<double>.Shared.Return(measured);
            }

            BreakOpportunity[] rented = ArrayPool<BreakOpportunity>.Shared.Rent(length + 1);
            try
            {
                Span<BreakOpportunity> opportunities = rented.AsSpan(0, length + 1);
                LineBreakOpportunities.Compute(norm, options.Lang, options.WordBreak, opportunities);
                var builder = new SegmentBuilder(norm, preWrap, positions, itemStarts, itemEnds, kinds, flags, widths, starts);
                builder.Build(opportunities);
            }
            finally
            {
                ArrayPool<BreakOpportunity>.Shared.Return(rented);
            }
        }

        starts.Add(length);
        return new PreparedText(
            text, norm, mapNormStart.ToArray(), mapDelta.ToArray(),
            kinds.ToArray(), flags.ToArray(), widths.ToArray(), starts.ToArray(),
            positions, graphemeStarts, hyphenWidth, spaceWidth, font, options, levels);
    }

    /// <summary>
    /// CSS Text 3 section 4.1. normal: every run of spaces, tabs and segment breaks becomes one space, and spaces
    /// at the start and end of the paragraph go (they would start or end a line). pre-wrap: everything is kept,
    /// CR LF is one segment break and a lone CR is one too. Either way a lone surrogate becomes U+FFFD, as the
    /// browser draws it, so offsets still line up with the source.
    /// </summary>
    internal static string ProcessWhiteSpace(string source, bool preWrap, List<int> mapNormStart, List<int> mapDelta)
    {
        var builder = new StringBuilder(source.Length);
        int currentDelta = int.MinValue;

        void Emit(char c, int sourceIndex)
        {
            int delta = sourceIndex - builder.Length;
            if (delta != currentDelta)
            {
                mapNormStart.Add(builder.Length);
                mapDelta.Add(delta);
                currentDelta = delta;
            }

            builder.Append(c);
        }

        int pendingSpace = -1;
        for (int i = 0; i < source.Length; i++)
        {
            char c = source[i];
            if (char.IsSurrogate(c))
            {
                if (char.IsHighSurrogate(c) && i + 1 < source.Length && char.IsLowSurrogate(source[i + 1]))
                {
                    FlushSpace(ref pendingSpace);
                    Emit(c, i);
                    Emit(source[i + 1], i + 1);
                    i++;
                    continue;
                }

                c = ReplacementCharacter;
            }

            if (preWrap)
            {
                if (c == '\r')
                {
                    if (i + 1 < source.Length && source[i + 1] == '\n')
                    {
                        continue; // CR LF: the LF carries the break
                    }

                    c = '\n';
                }

                Emit(c, i);
                continue;
            }

            if (IsCollapsibleWhiteSpace(c))
            {
                if (pendingSpace < 0 && builder.Length > 0)
                {
                    pendingSpace = i;
                }

                continue;
            }

            FlushSpace(ref pendingSpace);
            Emit(c, i);
        }

        if (mapNormStart.Count == 0)
        {
            mapNormStart.Add(0);
            mapDelta.Add(0);
        }

        return builder.ToString();

        void FlushSpace(ref int pending)
        {
            if (pending >= 0)
            {
                Emit(' ', pending);
                pending = -1;
            }
        }
    }

    /// <summary>Document white space that white-space: normal collapses: space, tab, LF, CR, FF.</summary>
    internal static bool IsCollapsibleWhiteSpace(char c) => c is ' ' or '\t' or '\n' or '\r' or '\f';

    /// <summary>Zero-width controls: C0 and C1 controls other than tab and LF, and DEL. Browsers draw nothing for them.</summary>
    internal static bool IsInvisibleControl(char c) => (c < ' ' && c != '\t' && c != '\n') || (c >= '\u007F' && c <= '\u009F');

    /// <summary>16.16 fixed point: Chromium keeps glyph advances as InlineLayoutUnit (1/65536 px) and sums them exactly.</summary>
    private const double FixedOne = 65536;

    /// <summary>LayoutUnit is 1/64 px: 1024 fixed-point units.</summary>
    private const int FixedPerLayoutUnit = 1024;

    private static long ToFixed(double px) => (long)Math.Round(px * FixedOne);

    /// <summary>InlineLayoutUnit::ToCeil&lt;LayoutUnit&gt;: the LayoutUnit at or after a fixed-point position.</summary>
    internal static long CeilToLayoutUnits(long fixedPoint) => (fixedPoint + FixedPerLayoutUnit - 1) >> 10;

    /// <summary>The LayoutUnit at or before a fixed-point position.</summary>
    internal static long FloorToLayoutUnits(long fixedPoint) => fixedPoint >> 10;

    /// <summary>
    /// Positions are kept as int LayoutUnits that may wrap around on a paragraph longer than 2^25 px (where
    /// Chromium's own LayoutUnit saturates): only differences inside one segment are ever read, and those are exact.
    /// </summary>
    private static int Wrap(long layoutUnits) => unchecked((int)layoutUnits);

    private static long MeasureFixed(string text, in MeasureStyle style, ITextMeasurer measurer)
    {
        Span<double> advances = stackalloc double[text.Length];
        measurer.MeasureAdvances(text, style, advances);
        long sum = 0;
        foreach (double advance in advances)
        {
            sum += ToFixed(advance);
        }

        return sum;
    }

    /// <summary>
    /// Shaping items, as Chromium's inline items: a new item at every bidi level change (NGBidiParagraph runs
    /// are shaped apart), and each preserved line feed or tab is an item of its own (a control item).
    /// </summary>
    private static List<int> SplitItems(string norm, bool preWrap, byte[] levels)
    {
        var itemStarts = new List<int> { 0 };
        for (int i = 1; i < norm.Length; i++)
        {
            bool control = preWrap && norm[i] is '\n' or '\t';
            bool afterControl = preWrap && norm[i - 1] is '\n' or '\t';
            if (levels[i] != levels[i - 1] || control || afterControl)
            {
                itemStarts.Add(i);
            }
        }

        return itemStarts;
    }

    /// <summary>Measures one item's text in context and adds letter spacing, writing 16.16 advances.</summary>
    private static void MeasureItem(
        string norm, int start, int end, in MeasureStyle style, ITextMeasurer measurer, long spacing,
        ulong[] graphemeStarts, double[] measured, long[] advances)
    {
        if (norm[start] is '\n' or '\t')
        {
            advances[start] = 0; // a tab's width comes from its position on the line, not from a glyph
            return;
        }

        Span<double> itemAdvances = measured.AsSpan(start, end - start);
        itemAdvances.Clear();
        measurer.MeasureAdvances(norm.AsSpan(start, end - start), style, itemAdvances);

        // CSS Text 3 letter-spacing: not applied to cursive scripts; Chromium skips Arabic (measured: RESEARCH.md).
        int script = 0;
        for (int i = start; i < end; i++)
        {
            double advance = itemAdvances[i - start];
            if (!double.IsFinite(advance))
            {
                throw new InvalidOperationException($"The measurer returned a non-finite advance ({advance}) at offset {i}.");
            }

            char c = norm[i];
            advances[i] = IsInvisibleControl(c) ? 0 : ToFixed(advance);
            if (spacing != 0 && (graphemeStarts[i >> 6] & (1UL << (i & 63))) != 0 && !IsInvisibleControl(c))
            {
                int codePoint = char.IsHighSurrogate(c) && i + 1 < end ? char.ConvertToUtf32(c, norm[i + 1]) : c;
                int charScript = BidiResolver.Script(codePoint);
                if (charScript > ScriptInherited)
                {
                    script = charScript; // Common and Inherited take the script of the run around them
                }

                if (!IsCursiveScript(script))
                {
                    advances[i] += spacing;
                }
            }
        }
    }

    private const int ScriptInherited = 1;

    /// <summary>CSS Text 3 appendix: scripts whose letters join, so letter-spacing is not applied.</summary>
    private static bool IsCursiveScript(int script) => script is
        2 /* Arabic */ or 27 /* Mongolian */ or 34 /* Syriac */ or 84 /* Mandaic */ or 87 /* N'Ko */ or
        90 /* Phags-pa */ or 182 /* Hanifi Rohingya */;

    /// <summary>
    /// Positions as Chromium's ShapeResult::ComputePositionData keeps them: the exact 16.16 sum of advances from
    /// the item's visual left edge, rounded up to a LayoutUnit. Left-to-right: x[u] = ceil(T[u]). Right-to-left
    /// the sum runs from the item's logical end, so x[u] = -ceil(T[end] - T[u]), which keeps widths x[e] - x[s].
    /// Returns the position at the item's end.
    /// </summary>
    private static int PlaceItem(long[] advances, int start, int end, bool rightToLeft, int[] positions)
    {
        long total = 0;
        for (int i = start; i < end; i++)
        {
            total += advances[i];
        }

        long sum = 0;
        for (int i = start; i < end; i++)
        {
            // The edge of the item rounds up (CachedPositionForOffset returns the snapped width there); positions
            // inside it are truncated to LayoutUnits.
            positions[i] = Wrap(rightToLeft ? -(i == start ? CeilToLayoutUnits(total) : FloorToLayoutUnits(total - sum)) : FloorToLayoutUnits(sum));
            sum += advances[i];
        }

        return rightToLeft ? 0 : Wrap(CeilToLayoutUnits(total));
    }

    /// <summary>Marks grapheme cluster starts (UAX #29 as Chromium's ICU tailors it).</summary>
    private static void MarkGraphemes(string norm, ulong[] graphemeStarts)
    {
        var starts = new List<int>(norm.Length);
        GraphemeClusters.GetStarts(norm, starts);
        foreach (int start in starts)
        {
            graphemeStarts[start >> 6] |= 1UL << (start & 63);
        }
    }
}
