// Stage: Layout, the prepare phase. Input: text, a CSS font, options and a measurer.
// Output: a PreparedText. Steps: white-space processing (CSS Text 3 section 4.1) with a map back to source
// offsets; break opportunities (Text/Segmentation, Chromium-tailored UAX #14); grapheme clusters (UAX #29);
// one measurer call per inline run between forced breaks and tabs (browsers shape a run in context);
// segments = text between opportunities, split into content and hanging white space.

using System.Buffers;
using System.Text;
using Foretext.Shaping;
using Foretext.Text;
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

        double hyphenWidth = MeasureSingle("-", style, measurer) + options.LetterSpacing;
        double spaceWidth = MeasureSingle(" ", style, measurer) + options.LetterSpacing;

        int length = norm.Length;
        var advances = new float[length];
        var positions = new float[length + 1];
        var graphemeStarts = new ulong[(length + 63) >> 6];
        var kinds = new List<SegmentKind>();
        var flags = new List<SegmentFlags>();
        var widths = new List<double>();
        var starts = new List<int>();

        if (length > 0)
        {
            MeasureRuns(norm, style, measurer, advances);
            MarkGraphemes(norm, options.LetterSpacing, advances, graphemeStarts);
            AccumulatePositions(norm, advances, positions);

            BreakOpportunity[] rented = ArrayPool<BreakOpportunity>.Shared.Rent(length + 1);
            try
            {
                Span<BreakOpportunity> opportunities = rented.AsSpan(0, length + 1);
                LineBreakOpportunities.Compute(norm, options.Lang, options.WordBreak, opportunities);
                BuildSegments(norm, preWrap, opportunities, positions, kinds, flags, widths, starts);
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
            positions, graphemeStarts, hyphenWidth, spaceWidth, font, options);
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

    private static double MeasureSingle(string text, in MeasureStyle style, ITextMeasurer measurer)
    {
        Span<double> advances = stackalloc double[text.Length];
        measurer.MeasureAdvances(text, style, advances);
        double sum = 0;
        foreach (double advance in advances)
        {
            sum += advance;
        }

        return sum;
    }

    /// <summary>One measurer call per run between line feeds and tabs (a tab's width comes from its position, not its glyph).</summary>
    private static void MeasureRuns(string norm, in MeasureStyle style, ITextMeasurer measurer, float[] advances)
    {
        double[] buffer = ArrayPool<double>.Shared.Rent(norm.Length);
        try
        {
            int runStart = 0;
            for (int i = 0; i <= norm.Length; i++)
            {
                if (i < norm.Length && norm[i] != '\n' && norm[i] != '\t')
                {
                    continue;
                }

                if (i > runStart)
                {
                    Span<double> runAdvances = buffer.AsSpan(0, i - runStart);
                    runAdvances.Clear();
                    measurer.MeasureAdvances(norm.AsSpan(runStart, i - runStart), style, runAdvances);
                    for (int j = 0; j < runAdvances.Length; j++)
                    {
                        double advance = runAdvances[j];
                        if (!double.IsFinite(advance))
                        {
                            throw new InvalidOperationException($"The measurer returned a non-finite advance ({advance}) at offset {runStart + j}.");
                        }

                        advances[runStart + j] = IsInvisibleControl(norm[runStart + j]) ? 0f : (float)advance;
                    }
                }

                runStart = i + 1;
            }
        }
        finally
        {
            ArrayPool<double>.Shared.Return(buffer);
        }
    }

    /// <summary>Marks grapheme cluster starts (UAX #29, ICU) and adds letter spacing after every visible cluster.</summary>
    private static void MarkGraphemes(string norm, double letterSpacing, float[] advances, ulong[] graphemeStarts)
    {
        var starts = new List<int>(norm.Length);
        GraphemeClusters.GetStarts(norm, starts);
        foreach (int start in starts)
        {
            graphemeStarts[start >> 6] |= 1UL << (start & 63);
            char c = norm[start];
            if (letterSpacing != 0 && c != '\n' && c != '\t' && !IsInvisibleControl(c))
            {
                advances[start] += (float)letterSpacing;
            }
        }
    }

    /// <summary>
    /// Pen positions as Chromium's ShapeResult has them: a float32 running sum of advances from the start of each
    /// shaping item. A preserved tab or line feed is an item of its own, so the text after it starts again at 0;
    /// at such a unit the array holds the end of the item before it.
    /// </summary>
    private static void AccumulatePositions(string norm, float[] advances, float[] positions)
    {
        float x = 0;
        for (int i = 0; i < norm.Length; i++)
        {
            positions[i] = x;
            if (norm[i] is '\n' or '\t')
            {
                x = 0;
                continue;
            }

            x += advances[i];
        }

        positions[norm.Length] = x;
    }

    /// <summary>
    /// Cuts the text at every break opportunity; each piece becomes its content (a Text segment) followed by its
    /// trailing white space (Space and Tab segments, which hang) and, in pre-wrap, a HardBreak for a line feed.
    /// The last segment of a piece carries BreakAfter.
    /// </summary>
    private static void BuildSegments(
        string norm, bool preWrap, ReadOnlySpan<BreakOpportunity> opportunities, float[] positions,
        List<SegmentKind> kinds, List<SegmentFlags> flags, List<double> widths, List<int> starts)
    {
        int pieceStart = 0;
        for (int i = 1; i <= norm.Length; i++)
        {
            if (opportunities[i] == BreakOpportunity.None && i < norm.Length)
            {
                continue;
            }

            int pieceEnd = i;
            bool hardBreak = preWrap && norm[pieceEnd - 1] == '\n';
            int whiteEnd = hardBreak ? pieceEnd - 1 : pieceEnd;
            int contentEnd = whiteEnd;
            while (contentEnd > pieceStart && (norm[contentEnd - 1] == ' ' || (preWrap && norm[contentEnd - 1] == '\t')))
            {
                contentEnd--;
            }

            if (contentEnd > pieceStart)
            {
                Add(SegmentKind.Text, pieceStart, contentEnd, norm[contentEnd - 1] == SoftHyphen ? SegmentFlags.SoftHyphen : SegmentFlags.None);
            }

            int run = contentEnd;
            while (run < whiteEnd)
            {
                if (norm[run] == '\t')
                {
                    Add(SegmentKind.Tab, run, run + 1, SegmentFlags.None);
                    run++;
                    continue;
                }

                int spaceEnd = run;
                while (spaceEnd < whiteEnd && norm[spaceEnd] == ' ')
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

            flags[^1] |= SegmentFlags.BreakAfter;
            pieceStart = pieceEnd;
        }

        void Add(SegmentKind kind, int start, int end, SegmentFlags segmentFlags)
        {
            double width = kind is SegmentKind.Text or SegmentKind.Space ? positions[end] - positions[start] : 0;

            kinds.Add(kind);
            flags.Add(segmentFlags);
            widths.Add(width);
            starts.Add(start);
        }
    }
}
