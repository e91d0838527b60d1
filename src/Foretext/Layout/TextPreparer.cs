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

internal static partial class TextPreparer
{
    private const char SoftHyphen = '\u00AD';
    private const char ReplacementCharacter = '\uFFFD';

    public static PreparedText Prepare(string text, string font, PrepareOptions options, ITextMeasurer measurer, bool keepLevels = false)
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

        // A chosen soft hyphen draws U+2010 when the primary font has it, else '-' (ComputedStyle::HyphenString);
        // in CJK fonts U+2010 can be much wider than '-'. It is shaped on its own (its own item result), and
        // without letter spacing: Chromium draws the generated hyphen 4.969px wide at 16px Noto Serif with 1px
        // spacing, as without (a typed U+2010 gets the spacing: 5.969).
        string hyphen = measurer is ILineEdgeMeasurer edges ? edges.HyphenString(style) : "-";
        int hyphenWidth = (int)PreparedText.CeilToLayoutUnits(MeasureFixed(hyphen, style, measurer));
        double spaceWidth = (MeasureFixed(" ", style, measurer) + spacing) / FixedOne;

        int length = norm.Length;
        var fixedAdvances = new int[length];
        var graphemeStarts = new ulong[(length + 63) >> 6];
        var kinds = new List<SegmentKind>();
        var flags = new List<SegmentFlags>();
        var widths = new List<long>();
        var starts = new List<int>();
        byte[] levels = new byte[length];
        int[] endAdjustments = [];
        int[] startAdjustments = [];
        int[] graphemeEndOffsets = [];
        int[] graphemeEndGains = [];
        int[] graphemeStartOffsets = [];
        int[] graphemeStartGains = [];
        RestartedBreaks restarted = RestartedBreaks.Empty;

        if (length > 0)
        {
            BidiResolver.Resolve(norm, options.Direction, levels);
            MarkGraphemes(norm, graphemeStarts);
            List<int> itemStarts = SplitItems(norm, preWrap, levels);
            double[] measured = ArrayPool<double>.Shared.Rent(length);
            BreakOpportunity[] rented = ArrayPool<BreakOpportunity>.Shared.Rent(length + 1);
            try
            {
                // Blink's ScriptRunIterator runs over the whole paragraph, so the script run crosses bidi items.
                int runScript = spacing != 0 ? FirstStrongScript(norm, 0, length) : CommonScript;
                bool breakWord = options.OverflowWrap == OverflowWrap.BreakWord;
                ulong[]? unsafeBreaks = measurer is IBreakSafetyMeasurer ? new ulong[graphemeStarts.Length] : null;
                for (int k = 0; k < itemStarts.Count; k++)
                {
                    int itemStart = itemStarts[k];
                    int itemEnd = k + 1 < itemStarts.Count ? itemStarts[k + 1] : length;
                    MeasureItem(norm, itemStart, itemEnd, style, measurer, spacing, graphemeStarts, measured, fixedAdvances, unsafeBreaks, ref runScript);
                }

                Span<BreakOpportunity> opportunities = rented.AsSpan(0, length + 1);
                LineBreakOpportunities.Compute(norm, options.Lang, options.WordBreak, opportunities);
                var builder = new SegmentBuilder(norm, preWrap, fixedAdvances, itemStarts, kinds, flags, widths, starts);
                builder.Build(opportunities);
                MarkLineStartContext(norm, options, graphemeStarts, kinds, flags, starts);
                endAdjustments = MeasureLineEndTrims(norm, style, measurer, measured, kinds, flags, starts, 0, kinds.Count);
                endAdjustments = AddLineEndReshapes(endAdjustments, MeasureLineEndReshapes(norm, style, measurer, measured, graphemeStarts, unsafeBreaks, kinds, flags, starts, 0, kinds.Count));
                startAdjustments = MeasureLineStarts(norm, style, measurer, measured, graphemeStarts, kinds, starts, 0, kinds.Count);
                if (breakWord)
                {
                    var lineStartOffsets = new List<int>();
                    var lineStartGains = new List<int>();
                    (graphemeEndOffsets, graphemeEndGains) = MeasureGraphemeLineEnds(
                        norm, style, measurer, measured, graphemeStarts, unsafeBreaks, kinds, starts, 0, kinds.Count, lineStartOffsets, lineStartGains);
                    (graphemeStartOffsets, graphemeStartGains) = ([.. lineStartOffsets], [.. lineStartGains]);
                }

                restarted = SegmentAgainFromLineStarts(norm, options, opportunities, graphemeStarts, kinds, flags, starts, endAdjustments);
            }
            finally
            {
                ArrayPool<double>.Shared.Return(measured);
                ArrayPool<BreakOpportunity>.Shared.Return(rented);
            }
        }

        starts.Add(length);
        return new PreparedText(
            text, norm, mapNormStart.ToArray(), mapDelta.ToArray(),
            kinds.ToArray(), flags.ToArray(), widths.ToArray(), starts.ToArray(),
            fixedAdvances, graphemeStarts, hyphenWidth, spaceWidth, font, options, keepLevels ? levels : [], endAdjustments, startAdjustments, graphemeEndOffsets, graphemeEndGains, graphemeStartOffsets, graphemeStartGains, restarted);
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

        // Most texts need no white-space change: keep one copy of them, not two.
        return builder.Equals(source.AsSpan()) ? source : builder.ToString();

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

    internal static long ToFixed(double px) => (long)Math.Round(px * FixedOne);

    internal static long MeasureFixed(string text, in MeasureStyle style, ITextMeasurer measurer)
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
    internal static void MeasureItem(
        string norm, int start, int end, in MeasureStyle style, ITextMeasurer measurer, long spacing,
        ulong[] graphemeStarts, double[] measured, int[] advances, ulong[]? unsafeBreaks, ref int runScript)
    {
        if (norm[start] is '\n' or '\t')
        {
            advances[start] = 0; // a tab's width comes from its position on the line, not from a glyph
            return;
        }

        Span<double> itemAdvances = measured.AsSpan(start, end - start);
        itemAdvances.Clear();
        if (unsafeBreaks is not null)
        {
            bool[] unsafeToBreak = ArrayPool<bool>.Shared.Rent(end - start);
            try
            {
                Span<bool> flagged = unsafeToBreak.AsSpan(0, end - start);
                flagged.Clear();
                ((IBreakSafetyMeasurer)measurer).MeasureAdvances(norm.AsSpan(start, end - start), style, itemAdvances, flagged);
                for (int i = 0; i < flagged.Length; i++)
                {
                    if (flagged[i])
                    {
                        unsafeBreaks[(start + i) >> 6] |= 1UL << ((start + i) & 63);
                    }
                }
            }
            finally
            {
                ArrayPool<bool>.Shared.Return(unsafeToBreak);
            }
        }
        else
        {
            measurer.MeasureAdvances(norm.AsSpan(start, end - start), style, itemAdvances);
        }

        bool[]? clusterStarts = null;
        if (spacing != 0 && measurer is IClusterMeasurer clusters)
        {
            // Chromium spaces letters once per shaping cluster, whatever the graphemes: a Myanmar syllable of two
            // graphemes gets one spacing, a Devanagari conjunct of one grapheme and two clusters (a half form and a
            // consonant) gets two (RESEARCH.md "Letter spacing is per shaping cluster, not per grapheme").
            clusterStarts = new bool[end - start];
            clusters.GetClusterStarts(norm.AsSpan(start, end - start), style, clusterStarts);
        }

        // CSS Text 3 letter-spacing: not applied to letters of cursive scripts. Chromium decides per character of
        // the script run: Arabic letters and the punctuation and digits in their run get none, spaces still do
        // (RESEARCH.md "Letter spacing in a cursive script run").
        for (int i = start; i < end; i++)
        {
            double advance = itemAdvances[i - start];
            if (!double.IsFinite(advance))
            {
                throw new InvalidOperationException($"The measurer returned a non-finite advance ({advance}) at offset {i}.");
            }

            char c = norm[i];
            advances[i] = IsInvisibleControl(c) ? 0 : (int)ToFixed(advance);
            if (spacing != 0 && (clusterStarts is null ? (graphemeStarts[i >> 6] & (1UL << (i & 63))) != 0 : clusterStarts[i - start]) && !IsInvisibleControl(c))
            {
                int codePoint = char.IsHighSurrogate(c) && i + 1 < end ? char.ConvertToUtf32(c, norm[i + 1]) : c;
                int script = BidiResolver.Script(codePoint);
                if (script is CommonScript or InheritedScript)
                {
                    // Blink's ScriptRunIterator: Common and Inherited characters join the script run they are in, so
                    // punctuation and digits after Arabic letters are unspaced too; spaces keep their spacing.
                    script = c == ' ' ? CommonScript : runScript;
                }
                else
                {
                    runScript = script;
                }

                if (!IsCursiveScript(script) && !IsZeroWidthIgnorable(codePoint))
                {
                    advances[i] += (int)spacing;
                }
            }
        }
    }

    /// <summary>
    /// What a break-anywhere line ending right after each grapheme of a text segment gains (16.16) over the in-context
    /// advances: Blink's ShapingLineBreaker::ShapeLine reshapes a line end that is not safe to break, from the last
    /// safe-to-break offset before it, so a kerned pair split by the break loses its kerning. `https:/` is 74.59px
    /// inside `https://mouth` (the first '/' kerned to 6.48px against the second) but 76.56px alone (24px "Noto Serif
    /// CJK SC"), and Chromium does not end a 75px line after it. A boundary HarfBuzz leaves safe to break is not
    /// reshaped (<see cref="IBreakSafetyMeasurer"/>; without it every boundary is taken as unsafe); marks, cursive
    /// letters and CJK punctuation keep their context; a grapheme inside a shaping cluster already has the reshaped
    /// prefix's advance. Kept sparse: the grapheme starts that gain, in order. With <paramref name="lineStartOffsets"/>,
    /// the same walk also collects what a break-anywhere line starting at each grapheme gains (<see cref="LineStartGain"/>).
    /// </summary>
    internal static (int[] Offsets, int[] Gains) MeasureGraphemeLineEnds(
        string norm, in MeasureStyle style, ITextMeasurer measurer, double[] measured, ulong[] graphemeStarts, ulong[]? unsafeBreaks,
        List<SegmentKind> kinds, List<int> starts, int firstSegment, int endSegment, List<int>? lineStartOffsets = null, List<int>? lineStartGains = null)
    {
        var offsets = new List<int>();
        var gains = new List<int>();
        var trimOffsets = new List<int>();
        var trimGains = new List<int>();
        var edges = measurer as ILineEdgeMeasurer;
        Span<double> alone = stackalloc double[LineEndContext];
        for (int s = firstSegment; s < endSegment; s++)
        {
            if (kinds[s] != SegmentKind.Text)
            {
                continue;
            }

            int segmentStart = starts[s];
            int end = s + 1 < starts.Count ? starts[s + 1] : norm.Length;
            int offset = segmentStart;
            while (offset < end)
            {
                int next = offset + 1;
                while (next < end && !IsSet(graphemeStarts, next))
                {
                    next++;
                }

                if (next < end && next - offset == 1 && edges is not null && HanKerningClasses.MaybeClose(norm[offset]))
                {
                    // A closing bracket or quote ending a break-anywhere line inside a word: ShapeLine's HanKerning
                    // extension reshapes it with han_kerning_end (`shouldn’|t.` keeps `’` at half width in a Chinese
                    // font, where the quote is fullwidth). Kept apart (key ~offset): it applies only where the line
                    // would not fit otherwise, and only when the mark's line-end advance is narrower than alone.
                    int from = Math.Max(segmentStart, next - LineEndContext);
                    Span<double> window = alone[..(next - from)];
                    window.Clear();
                    edges.MeasureLineEndAdvances(norm.AsSpan(from, next - from), style, window);
                    long lineEnd = ToFixed(window[^1]);
                    window.Clear();
                    measurer.MeasureAdvances(norm.AsSpan(from, next - from), style, window);
                    if (lineEnd < ToFixed(window[^1]))
                    {
                        trimOffsets.Add(~offset);
                        trimGains.Add((int)(lineEnd - ToFixed(measured[offset])));
                    }
                }

                if (lineStartOffsets is not null && offset > segmentStart)
                {
                    long startGain = LineStartGain(norm, style, measurer, measured, graphemeStarts, unsafeBreaks, offset, end, alone);
                    if (startGain != 0)
                    {
                        lineStartOffsets.Add(offset);
                        lineStartGains!.Add((int)startGain);
                    }
                }

                // The segment's last grapheme ends at an ordinary opportunity (MeasureLineEndReshapes).
                if (next < end && next - offset <= LineEndContext && (unsafeBreaks is null || IsSet(unsafeBreaks, next))
                    && !IsMark(norm, offset) && !KeepsContextAtLineEnd(norm, offset))
                {
                    long gain = ReshapedGain(norm, style, measurer, measured, graphemeStarts, unsafeBreaks, segmentStart, offset, next, alone);
                    if (gain != 0)
                    {
                        offsets.Add(offset);
                        gains.Add((int)gain);
                    }
                }

                offset = next;
            }
        }

        // Trims first: their keys are negative, descending as offsets ascend, so reverse them to keep the keys sorted.
        trimOffsets.Reverse();
        trimGains.Reverse();
        return ([.. trimOffsets, .. offsets], [.. trimGains, .. gains]);
    }

    /// <summary>
    /// What a break-anywhere line that starts at grapheme start <paramref name="g"/> inside a text segment (ending at
    /// <paramref name="end"/>) gains (16.16) over the in-context advances: Blink's ShapingLineBreaker::ShapeLine reshapes
    /// a line start that is not safe to break, from the line start to the first safe-to-break offset, and the line's
    /// available width changes by the difference. HarfBuzz puts a dotted circle (U+25CC) before a Myanmar vowel sign or
    /// visarga that starts the reshaped text: `\u102C` is 10.92px in context and 25.18px alone (24px Noto Sans Myanmar),
    /// and Chromium's line holding only it is 25.19px wide (`sweep-100`). A boundary HarfBuzz leaves safe to break is
    /// not reshaped (<see cref="IBreakSafetyMeasurer"/>; without it every boundary is taken as unsafe); cursive letters
    /// and CJK punctuation keep their context (Blink reshapes with the text around it). Only the first grapheme's
    /// change counts (the reshaped range may end at an unsafe boundary when no safe one is near: counting the whole
    /// range put a Latin soft-hyphen case one letter short).
    /// </summary>
    private static long LineStartGain(
        string norm, in MeasureStyle style, ITextMeasurer measurer, double[] measured, ulong[] graphemeStarts, ulong[]? unsafeBreaks,
        int g, int end, Span<double> alone)
    {
        // Only a grapheme with no advance of its own in context (inside a cluster HarfBuzz merged with the text before: a
        // ligature, a Myanmar syllable) or one that starts with a mark (a dotted circle) can change: kerning moves the
        // glyph before the boundary, not this one. Reshaping every unsafe boundary cost a tenth of an English prepare.
        if ((unsafeBreaks is not null && !IsSet(unsafeBreaks, g)) || (measured[g] != 0 && !IsMark(norm, g)) || KeepsContextAtLineEnd(norm, g))
        {
            return 0;
        }

        int safe = g + 1;
        while (safe < end && safe - g < LineEndContext && (!IsSet(graphemeStarts, safe) || unsafeBreaks is null || IsSet(unsafeBreaks, safe)))
        {
            safe++;
        }

        Span<double> own = alone[..(safe - g)];
        own.Clear();
        measurer.MeasureAdvances(norm.AsSpan(g, safe - g), style, own);
        long gain = 0;
        for (int i = g; i < safe && (i == g || !IsSet(graphemeStarts, i)); i++)
        {
            gain += ToFixed(own[i - g]) - ToFixed(measured[i]);
        }

        return gain;
    }

    /// <summary>
    /// What grapheme [<paramref name="offset"/>, <paramref name="next"/>) gains (16.16) when a line ends right after it
    /// and ShapeLine reshapes the line end: reshaped from the last safe boundary before it (at most LineEndContext units
    /// back; the segment start is safe, a space precedes it), the grapheme's own advances compared. Summing the whole
    /// reshaped range instead put 4 Myanmar sweep cases one syllable short (RESEARCH.md), so the earlier graphemes of
    /// the range are taken as unchanged.
    /// </summary>
    private static long ReshapedGain(
        string norm, in MeasureStyle style, ITextMeasurer measurer, double[] measured, ulong[] graphemeStarts, ulong[]? unsafeBreaks,
        int segmentStart, int offset, int next, Span<double> alone)
    {
        int from = offset;
        while (from > segmentStart && next - from < LineEndContext && (unsafeBreaks is null || IsSet(unsafeBreaks, from) || !IsSet(graphemeStarts, from)))
        {
            from--;
        }

        while (from < offset && !IsSet(graphemeStarts, from))
        {
            from++;
        }

        Span<double> own = alone[..(next - from)];
        own.Clear();
        measurer.MeasureAdvances(norm.AsSpan(from, next - from), style, own);
        long inContext = 0;
        long reshaped = 0;
        for (int i = offset; i < next; i++)
        {
            inContext += ToFixed(measured[i]);
            reshaped += ToFixed(own[i - from]);
        }

        return reshaped - inContext;
    }

    /// <summary>
    /// Per segment, what a line ending at its opportunity gains (16.16, positive only) because the opportunity sits
    /// between two text segments of one shaping item where HarfBuzz flags the boundary unsafe to break (a kerned pair
    /// with no space between, as CJK text breaks): ShapeLine reshapes that line end and, when it no longer fits, tries
    /// the opportunity before. `リリー|ス` (16px Noto Sans CJK JP): `ー` is 15.2px kerned against `ス`, 16px reshaped alone,
    /// and Chromium ends a 180px line after `リリ` (app-cjk-02). Only with an <see cref="IBreakSafetyMeasurer"/>.
    /// </summary>
    internal static int[] MeasureLineEndReshapes(
        string norm, in MeasureStyle style, ITextMeasurer measurer, double[] measured, ulong[] graphemeStarts, ulong[]? unsafeBreaks,
        List<SegmentKind> kinds, List<SegmentFlags> flags, List<int> starts, int firstSegment, int endSegment)
    {
        if (unsafeBreaks is null)
        {
            return [];
        }

        int[]? reshapes = null;
        Span<double> alone = stackalloc double[LineEndContext];
        for (int s = firstSegment; s < endSegment && s + 1 < kinds.Count; s++)
        {
            int end = starts[s + 1];
            // A text segment kerned with the space after it (Liberation Serif's `Y` + space) keeps the gain on that space
            // segment: the walker applies it only to a line that started inside the shaping item (see LineWalker).
            bool beforeSpace = kinds[s + 1] == SegmentKind.Space;
            if (kinds[s] != SegmentKind.Text || !(kinds[s + 1] == SegmentKind.Text || beforeSpace)
                || (!beforeSpace && (flags[s] & SegmentFlags.BreakAfter) == 0)
                || (flags[s + 1] & SegmentFlags.ItemStart) != 0 || !IsSet(unsafeBreaks, end))
            {
                continue;
            }

            // A soft hyphen or zero width space ending the segment draws nothing; the grapheme before it is the one whose
            // shaping the text after it changed: HarfBuzz (and LayoutNG, which shapes the item with the soft hyphen in
            // it) kerns `r` with `a` across the soft hyphen in `gr\u00AD|aphi` (Noto Serif CJK SC), and the hyphenated
            // line end `phalo\u00ADgr` is reshaped without the `a`, 0.1px wider. (PreparedText.LastVisibleGraphemeStart
            // finds the same grapheme at layout.)
            int offset = PreparedText.PreviousGraphemeStart(graphemeStarts, end, starts[s]);
            while (offset > starts[s] && PreparedText.IsInvisibleBreak(norm[offset]))
            {
                offset = PreparedText.PreviousGraphemeStart(graphemeStarts, offset, starts[s]);
            }

            if (end - offset > LineEndContext || IsMark(norm, offset) || KeepsContextAtLineEnd(norm, offset))
            {
                continue;
            }

            long gain = ReshapedGain(norm, style, measurer, measured, graphemeStarts, unsafeBreaks, starts[s], offset, end, alone);
            if (gain > 0)
            {
                reshapes ??= new int[kinds.Count];
                reshapes[beforeSpace ? s + 1 : s] = (int)gain;
            }
        }

        return reshapes ?? [];
    }

    /// <summary>Adds line-end reshape gains (positive) to the line-end trims (negative); a segment with a trim keeps it.</summary>
    internal static int[] AddLineEndReshapes(int[] trims, int[] reshapes)
    {
        if (reshapes.Length == 0)
        {
            return trims;
        }

        if (trims.Length == 0)
        {
            return reshapes;
        }

        for (int i = 0; i < trims.Length; i++)
        {
            if (trims[i] == 0)
            {
                trims[i] = reshapes[i];
            }
        }

        return trims;
    }

    private static bool IsSet(ulong[] bits, int index) => (bits[index >> 6] & (1UL << (index & 63))) != 0;

    /// <summary>
    /// Flags the segments whose closing opportunity depends on the text before their last grapheme
    /// (<see cref="SegmentFlags.NoBreakAfterAtLineStart"/>): a line that starts there (after an overflow-wrap break)
    /// is broken by Blink's LazyLineBreakIterator from the line start, with no prior context. Measured:
    /// `7:00-9:00` breaks after `-` inside a paragraph, but a line starting at that `-` runs on into `9:0`
    /// (sweep-121, 24px, 48px), as does `-लल` (sweep-084); `-bbbb` still breaks after `-`. Each candidate segment (two
    /// graphemes or more, text directly after it) is segmented again from its last grapheme.
    /// </summary>
    private static void MarkLineStartContext(
        string norm, PrepareOptions options, ulong[] graphemeStarts, List<SegmentKind> kinds, List<SegmentFlags> flags, List<int> starts)
    {
        Span<BreakOpportunity> local = stackalloc BreakOpportunity[LineStartContext + 2];
        for (int s = 0; s + 1 < kinds.Count; s++)
        {
            if (kinds[s] != SegmentKind.Text || kinds[s + 1] != SegmentKind.Text || (flags[s] & SegmentFlags.BreakAfter) == 0
                || (flags[s + 1] & SegmentFlags.ItemStart) != 0)
            {
                continue;
            }

            int end = starts[s + 1];
            int last = end - 1;
            while (last > starts[s] && (graphemeStarts[last >> 6] & (1UL << (last & 63))) == 0)
            {
                last--;
            }

            if (last == starts[s] || end - last != 1 || IcuCharProperties.LineBreak(norm[last]) is not (HyphenClass or BreakAfterClass or BreakBothClass))
            {
                // One grapheme: the line would start at the segment itself, where context is the same. Otherwise only
                // a hyphen or dash (UAX #14 HY, BA, B2) ends a segment with an opportunity that depends on what came
                // before it (the minus-sign and LB20a rules); segmenting every word again cost an eighth of a batch.
                continue;
            }

            int limit = Math.Min(norm.Length, end + (LineStartContext / 2));
            Span<BreakOpportunity> opportunities = local[..(limit - last + 1)];
            LineBreakOpportunities.Compute(norm.AsSpan(last, limit - last), options.Lang, options.WordBreak, opportunities);
            if (opportunities[end - last] == BreakOpportunity.None)
            {
                flags[s] |= SegmentFlags.NoBreakAfterAtLineStart;
            }
        }
    }

    private const int BreakBothClass = 3; // ULineBreak B2
    private const int BreakAfterClass = 4; // BA
    private const int HyphenClass = 13; // HY

    /// <summary>UTF-16 units segmented again for a line that starts inside a word.</summary>
    private const int LineStartContext = 16;

    /// <summary>UTF-16 units reshaped for a break-anywhere line end: the grapheme and the text just before it.</summary>
    private const int LineEndContext = 8;

    /// <summary>
    /// Characters whose line-end reshape keeps what follows: cursive joining (HarfBuzz sees the text around the
    /// reshaped range, so a medial form stays medial) and CJK punctuation (Blink's HanKerning reads the next
    /// character): Arabic and `\u3002\u300D` lines ended up one grapheme short when these were reshaped alone.
    /// </summary>
    private static bool KeepsContextAtLineEnd(string norm, int offset)
    {
        int codePoint = char.ConvertToUtf32(norm, offset);
        return IsCursiveScript(BidiResolver.Script(codePoint)) || codePoint is (>= 0x3000 and <= 0x303F) or (>= 0xFF00 and <= 0xFFEF);
    }

    private static bool IsMark(string norm, int offset)
        => System.Globalization.CharUnicodeInfo.GetUnicodeCategory(norm, offset) is
            System.Globalization.UnicodeCategory.NonSpacingMark or System.Globalization.UnicodeCategory.SpacingCombiningMark or System.Globalization.UnicodeCategory.EnclosingMark;

    /// <summary>
    /// Default-ignorable format characters (Unicode Default_Ignorable_Code_Point, less the Hangul fillers, which
    /// have visible advances). HarfBuzz draws them with no advance and Chromium gives them no letter spacing
    /// either: with 1px spacing `a\u00ADb`, `a\u200Bb` and `a\u2060b` are as wide as `ab` (16px Noto Serif, 20.84375).
    /// </summary>
    internal static bool IsZeroWidthIgnorable(int codePoint) => codePoint is
        0x00AD or 0x034F or 0x061C or (>= 0x17B4 and <= 0x17B5) or (>= 0x180B and <= 0x180F) or
        (>= 0x200B and <= 0x200F) or (>= 0x202A and <= 0x202E) or (>= 0x2060 and <= 0x206F) or
        (>= 0xFE00 and <= 0xFE0F) or 0xFEFF or (>= 0xFFF0 and <= 0xFFF8) or (>= 0x1BCA0 and <= 0x1BCA3) or
        (>= 0x1D173 and <= 0x1D17A) or (>= 0xE0000 and <= 0xE0FFF);

    /// <summary>ICU UScriptCode USCRIPT_COMMON and USCRIPT_INHERITED.</summary>
    private const int CommonScript = 0, InheritedScript = 1;

    /// <summary>The script of the first character of [<paramref name="start"/>, <paramref name="end"/>) that is neither Common nor Inherited; Common when none is.</summary>
    internal static int FirstStrongScript(string norm, int start, int end)
    {
        for (int i = start; i < end; i++)
        {
            int script = BidiResolver.Script(char.IsHighSurrogate(norm[i]) && i + 1 < end ? char.ConvertToUtf32(norm[i], norm[i + 1]) : norm[i]);
            if (script is not (CommonScript or InheritedScript))
            {
                return script;
            }
        }

        return CommonScript;
    }

    /// <summary>CSS Text 3 appendix: scripts whose letters join, so letter-spacing is not applied.</summary>
    private static bool IsCursiveScript(int script) => script is
        2 /* Arabic */ or 27 /* Mongolian */ or 34 /* Syriac */ or 84 /* Mandaic */ or 87 /* N'Ko */ or
        90 /* Phags-pa */ or 182 /* Hanifi Rohingya */;

    /// <summary>
    /// Chromium's text-spacing-trim at a line end: a fullwidth closing punctuation that ends a segment may be set
    /// in half its width when the line would not hold it otherwise (ShapingLineBreaker::ShapeLine extends the
    /// candidate break with HanKerning, but only where the break iterator allows a break right after it: at the
    /// segment's own opportunity, or at any cluster boundary once overflow-wrap has switched to breaking anywhere,
    /// so segments that end before spaces get their trim too). Asks an <see cref="ILineEdgeMeasurer"/> for the last character's
    /// line-end advance; returns per segment the (negative) 16.16 change, or an empty array when none applies.
    /// </summary>
    internal static int[] MeasureLineEndTrims(
        string norm, in MeasureStyle style, ITextMeasurer measurer, double[] inContext,
        List<SegmentKind> kinds, List<SegmentFlags> flags, List<int> starts, int firstSegment, int endSegment)
    {
        if (measurer is not ILineEdgeMeasurer edges)
        {
            return [];
        }

        int[]? trims = null;
        double[]? lineEnd = null;
        try
        {
            for (int i = firstSegment; i < endSegment; i++)
            {
                int start = starts[i];
                int end = i + 1 < starts.Count ? starts[i + 1] : norm.Length;
                if (kinds[i] != SegmentKind.Text || !MayTrimAtLineEnd(norm[end - 1]))
                {
                    continue;
                }

                if (lineEnd is null || lineEnd.Length < end - start)
                {
                    if (lineEnd is not null)
                    {
                        ArrayPool<double>.Shared.Return(lineEnd);
                    }

                    lineEnd = ArrayPool<double>.Shared.Rent(Math.Max(end - start, 64));
                }

                Span<double> advances = lineEnd.AsSpan(0, end - start);
                advances.Clear();
                edges.MeasureLineEndAdvances(norm.AsSpan(start, end - start), style, advances);
                long trim = ToFixed(advances[^1]) - ToFixed(inContext[end - 1]);
                if (trim < 0)
                {
                    trims ??= new int[kinds.Count];
                    trims[i] = (int)trim;
                }
            }
        }
        finally
        {
            if (lineEnd is not null)
            {
                ArrayPool<double>.Shared.Return(lineEnd);
            }
        }

        return trims ?? [];
    }

    /// <summary>
    /// Chromium's text-spacing-trim at a line start: a fullwidth opening bracket that the punctuation before it
    /// trimmed in context (HanKerning collapses adjacent punctuation) starts a line at its full width, because
    /// ShapeLine reshapes the line start without what precedes it (is_line_start) and `normal` does not trim
    /// there. Returns per segment the (positive) 16.16 width the first character gains at a line start, or an
    /// empty array when none applies.
    /// </summary>
    internal static int[] MeasureLineStarts(
        string norm, in MeasureStyle style, ITextMeasurer measurer, double[] inContext, ulong[] graphemeStarts,
        List<SegmentKind> kinds, List<int> starts, int firstSegment, int endSegment)
    {
        int[]? gains = null;
        Span<double> alone = stackalloc double[8];
        for (int i = Math.Max(1, firstSegment); i < endSegment; i++)
        {
            int start = starts[i];
            if (kinds[i] != SegmentKind.Text || !MayTrimAtLineStart(norm[start]) || !MayTrimAtLineStart(norm[start - 1]))
            {
                continue; // only a punctuation mark right after another one can have been trimmed by it
            }

            int end = start + 1;
            while (end < norm.Length && end - start < alone.Length && (graphemeStarts[end >> 6] & (1UL << (end & 63))) == 0)
            {
                end++;
            }

            Span<double> first = alone[..(end - start)];
            first.Clear();
            measurer.MeasureAdvances(norm.AsSpan(start, end - start), style, first);
            long gain = 0;
            for (int k = start; k < end; k++)
            {
                gain += ToFixed(first[k - start]) - ToFixed(inContext[k]);
            }

            if (gain > 0)
            {
                gains ??= new int[kinds.Count];
                gains[i] = (int)gain;
            }
        }

        return gains ?? [];
    }

    /// <summary>Fullwidth punctuation and quotes: the characters Blink's HanKerning may trim (Character::MaybeHanKerningClose is a subset).</summary>
    internal static bool MayTrimAtLineEnd(char c) => c is (>= '\u3001' and <= '\u303F') or (>= '\uFF01' and <= '\uFF65') or '\u2019' or '\u201D';

    /// <summary>
    /// What HanKerning may have trimmed next to other punctuation, for the line-start rule: the characters above and the
    /// opening quotes, fullwidth in Chinese fonts (`\uFF1A\u201C` sets the quote in half width in context; at a line
    /// start Chromium draws it whole).
    /// </summary>
    internal static bool MayTrimAtLineStart(char c) => MayTrimAtLineEnd(c) || c is '\u2018' or '\u201C';

    /// <summary>
    /// Marks grapheme cluster starts (UAX #29 as Chromium's ICU tailors it). A printable ASCII character after another
    /// one (or at the start) always starts a cluster (none is Extend, SpacingMark, ZWJ, Prepend or a control), so only
    /// the stretches around other characters go through ICU, each with one character of context on either side: on the
    /// 500-text batch ICU segmentation was a fifth of a warm Prepare.
    /// </summary>
    internal static void MarkGraphemes(string norm, ulong[] graphemeStarts)
    {
        var starts = new List<int>(64);
        if (CountOtherStretches(norm, MaxIcuStretches + 1) > MaxIcuStretches)
        {
            // Mostly non-ASCII (CJK with ASCII punctuation, mixed scripts): one ICU pass costs less than one per stretch
            // (ubrk_setText has a fixed cost).
            MarkIcuStarts(norm, 0, norm.Length, 0, norm.Length - 1, graphemeStarts, starts);
            return;
        }

        int i = 0;
        while (i < norm.Length)
        {
            if (IsPlainAscii(norm[i]))
            {
                if (i == 0 || IsPlainAscii(norm[i - 1]))
                {
                    graphemeStarts[i >> 6] |= 1UL << (i & 63);
                }

                i++;
                continue;
            }

            int end = i + 1;
            while (end < norm.Length && !IsPlainAscii(norm[end]))
            {
                end++;
            }

            // ICU over [i - 1, end + 1): it decides the boundaries at i .. end from their real neighbours.
            MarkIcuStarts(norm, Math.Max(0, i - 1), Math.Min(norm.Length, end + 1), i, Math.Min(end, norm.Length - 1), graphemeStarts, starts);
            i = end;
        }
    }

    /// <summary>Marks the cluster starts ICU finds in [<paramref name="from"/>, <paramref name="to"/>) that lie in [<paramref name="first"/>, <paramref name="last"/>].</summary>
    private static void MarkIcuStarts(string norm, int from, int to, int first, int last, ulong[] graphemeStarts, List<int> starts)
    {
        starts.Clear();
        GraphemeClusters.GetStarts(norm.AsSpan(from, to - from), starts);
        foreach (int start in starts)
        {
            int at = from + start;
            if (at >= first && at <= last)
            {
                graphemeStarts[at >> 6] |= 1UL << (at & 63);
            }
        }
    }

    private static bool IsPlainAscii(char c) => c is >= ' ' and <= '~';

    /// <summary>Stretches of other characters worth segmenting one by one; more take one pass over the whole text.</summary>
    private const int MaxIcuStretches = 4;

    private static int CountOtherStretches(string text, int limit)
    {
        int count = 0;
        bool inStretch = false;
        foreach (char c in text)
        {
            bool other = !IsPlainAscii(c);
            if (other && !inStretch && ++count >= limit)
            {
                return count;
            }

            inStretch = other;
        }

        return count;
    }
}
