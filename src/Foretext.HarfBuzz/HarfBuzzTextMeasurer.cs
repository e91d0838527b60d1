// Stage: Shaping. The HarfBuzz measurer behind the ITextMeasurer seam.
// Input: a paragraph (no hard breaks) and its computed style. Output: per UTF-16 code unit advances in CSS px,
// as Chromium shapes the inline run: split by script/direction, fonts chosen by Blink's fallback order on
// clusters the current font cannot draw, each piece shaped with HarfBuzz in context.
// Spec: Blink HarfBuzzShaper (shape, then reshape .notdef holes with the next fallback font), FontFeatures
// (ligatures off under letter-spacing), HanKerning (text-spacing-trim via 'chws'), FINDINGS.md advance model.

using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using Foretext.Fonts;
using Foretext.Shaping;
using HarfBuzzSharp;
using HbBuffer = HarfBuzzSharp.Buffer;

namespace Foretext.HarfBuzz;

/// <summary>
/// Measures text with HarfBuzz and system (fontconfig) or caller-supplied fonts, reproducing Chromium on
/// Linux: its font fallback order, its FreeType-derived glyph advances and its CJK punctuation trimming.
/// </summary>
/// <remarks>Thread-safe. Shaped chunks (text split after spaces, which browsers do not kern across) are
/// cached per font string, language and ligature setting; a cache hit allocates nothing.</remarks>
public sealed partial class HarfBuzzTextMeasurer : IBreakSafetyMeasurer, ITextMeasurer, ILineEdgeMeasurer, IClusterMeasurer, IMeasurementCache, IDisposable
{
    // Chromium rounds each shaped run's width up to this grid (LayoutUnit is 1/64 px). Pinned by every
    // measure-cases.txt row.
    private const double LAYOUT_UNIT_PER_PX = 64;

    // Blink resolves fallback for unlabelled content with the browser locale; headless Debian Chromium uses en-US.
    private const string CHROMIUM_DEFAULT_LOCALE = "en-us";


    [ThreadStatic]
    private static Scratch? t_scratch;

    private static readonly Feature[] s_noFeatures = [];
    private static readonly Tag s_chws = new('c', 'h', 'w', 's');
    private static readonly Tag s_halt = new('h', 'a', 'l', 't');

    // HarfBuzz interns every language string for the life of the process and keeps a shape plan per (face,
    // language); past this many distinct languages only the primary subtag is passed on, so hostile lang values
    // cannot grow native memory without bound (PLATFORM_BUGS.md "HarfBuzz language interning").
    private const int MAX_EXACT_LANGUAGES = 1024;

    // Longest BCP 47 tag worth honouring (RFC 5646 section 4.4.1 recommends buffers of 35).
    private const int MAX_LANGUAGE_LENGTH = 35;

    private readonly FontResolver _resolver;
    private readonly int _maxCachedFonts;
    private readonly int _maxCachedSizesPerFace;
    private readonly ConcurrentDictionary<string, CssFont> _parsedFonts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<FontFace, ShapingFace> _faces = new();
    private readonly ConcurrentDictionary<string, Language> _languages = new(StringComparer.Ordinal);
    private readonly ShapedChunkCache _chunks;
    private int _nextFaceId;
    private bool _disposed;

    /// <summary>Creates a measurer over the system's fonts.</summary>
    public HarfBuzzTextMeasurer()
        : this(new HarfBuzzMeasurerOptions())
    {
    }

    /// <summary>Creates a measurer that tries <paramref name="userFonts"/> before the system's fonts.</summary>
    /// <param name="userFonts">Fonts the caller supplies.</param>
    public HarfBuzzTextMeasurer(FontCollection userFonts)
        : this(new HarfBuzzMeasurerOptions { UserFonts = userFonts })
    {
    }

    /// <summary>Creates a measurer with explicit options.</summary>
    /// <param name="options">Fonts and cache bounds.</param>
    public HarfBuzzTextMeasurer(HarfBuzzMeasurerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegative(options.MaxCachedChunks);
        ArgumentOutOfRangeException.ThrowIfNegative(options.MaxCachedChunkBytes);
        ArgumentOutOfRangeException.ThrowIfNegative(options.MaxCachedFonts);
        ArgumentOutOfRangeException.ThrowIfNegative(options.MaxCachedSizesPerFace);
        _resolver = new FontResolver(options.UserFonts, options.SystemFonts, options.MaxCachedFonts);
        _maxCachedFonts = options.MaxCachedFonts;
        _maxCachedSizesPerFace = options.MaxCachedSizesPerFace;
        _chunks = new ShapedChunkCache(options.MaxCachedChunks, options.MaxCachedChunkBytes);
    }

    /// <summary>The font resolver (matching and fallback) this measurer uses.</summary>
    public FontResolver Resolver => _resolver;

    /// <inheritdoc/>
    /// <exception cref="FontParseException">The font string cannot be parsed.</exception>
    /// <exception cref="FontFileException">A font file needed for the text is missing or corrupt.</exception>
    public void MeasureAdvances(ReadOnlySpan<char> text, in MeasureStyle style, Span<double> advances)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(advances.Length, text.Length, nameof(advances));
        MeasureChunks(text, style, advances, default);
    }

    /// <inheritdoc/>
    /// <remarks>Chunk boundaries (after spaces), font fallback and script run boundaries are safe: Blink shapes them apart too.</remarks>
    /// <exception cref="FontParseException">The font string cannot be parsed.</exception>
    /// <exception cref="FontFileException">A font file needed for the text is missing or corrupt.</exception>
    public void MeasureAdvances(ReadOnlySpan<char> text, in MeasureStyle style, Span<double> advances, Span<bool> unsafeToBreak)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(advances.Length, text.Length, nameof(advances));
        ArgumentOutOfRangeException.ThrowIfNotEqual(unsafeToBreak.Length, text.Length, nameof(unsafeToBreak));
        MeasureChunks(text, style, advances, unsafeToBreak);
    }

    // Both MeasureAdvances: each chunk from the cache or shaped, with its unsafe-to-break flags when asked for.
    private void MeasureChunks(ReadOnlySpan<char> text, in MeasureStyle style, Span<double> advances, Span<bool> unsafeToBreak)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        CssFont font = GetFont(style.Font);
        bool noLigatures = style.LetterSpacing != 0;
        for (var chunks = new ChunkCursor(text); chunks.MoveNext();)
        {
            // One character of lookahead: some fonts (Liberation Serif) kern a space with the next letter, and
            // HarfBuzz puts that kerning on the space (measure-cases.txt "AWAY Tyrannosaurus").
            MeasureChunk(text[chunks.Start..chunks.Lookahead], chunks.End - chunks.Start, font, style, noLigatures, lineEnd: false,
                chunks.Context, advances[chunks.Start..chunks.End], unsafeToBreak.IsEmpty ? default : unsafeToBreak[chunks.Start..chunks.End]);
            if (!unsafeToBreak.IsEmpty)
            {
                unsafeToBreak[chunks.Start] = false; // a chunk starts after spaces: safe
            }
        }
    }

    /// <inheritdoc/>
    /// <remarks>Shapes each chunk again (not cached): only chunks with a character past U+02FF, since with letter
    /// spacing ligatures are off and simpler text has one cluster per character.</remarks>
    /// <exception cref="FontParseException">The font string cannot be parsed.</exception>
    /// <exception cref="FontFileException">A font file needed for the text is missing or corrupt.</exception>
    public void GetClusterStarts(ReadOnlySpan<char> text, in MeasureStyle style, Span<bool> clusterStarts)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(clusterStarts.Length, text.Length, nameof(clusterStarts));
        ObjectDisposedException.ThrowIf(_disposed, this);
        CssFont font = GetFont(style.Font);
        bool noLigatures = style.LetterSpacing != 0;
        for (var chunks = new ChunkCursor(text); chunks.MoveNext();)
        {
            int start = chunks.Start;
            int end = chunks.End;
            if (text[start..end].ContainsAnyExceptInRange('\u0000', '\u02FF'))
            {
                int length = chunks.Lookahead - start;
                bool[] starts = new bool[length];
                MeasureCore(text[start..chunks.Lookahead], font, style.Lang, noLigatures, lineEnd: false, new double[length], starts, new int[length], context: chunks.Context);
                starts.AsSpan(0, end - start).CopyTo(clusterStarts[start..end]);
            }
            else
            {
                clusterStarts[start..end].Fill(true);
            }
        }
    }

    /// <inheritdoc/>
    /// <remarks>Only a trailing closing bracket or closing quote changes (Blink's ShapeLine extends a line only for
    /// Character::MaybeHanKerningClose); its 'halt' advance is used when the font has 'halt' and HanKerning applies to
    /// it for the language. Full stops, commas and colons keep their full width (measure-cases line-end rows).</remarks>
    /// <exception cref="FontParseException">The font string cannot be parsed.</exception>
    /// <exception cref="FontFileException">A font file needed for the text is missing or corrupt.</exception>
    public void MeasureLineEndAdvances(ReadOnlySpan<char> text, in MeasureStyle style, Span<double> advances)
    {
        MeasureAdvances(text, style, advances);
        if (text.IsEmpty || !Foretext.Text.HanKerningClasses.MaybeClose(text[^1]))
        {
            return;
        }

        // The last chunk (the text after the last space) is reshaped with the end trimmed, as ShapeLine reshapes from
        // the last safe-to-break offset with han_kerning_end.
        int start = text.LastIndexOf(' ') + 1;
        MeasureChunk(text[start..], text.Length - start, GetFont(style.Font), style, style.LetterSpacing != 0, lineEnd: true,
            LastStrongScript(text[..start], Script.Common), advances[start..]);
    }

    /// <inheritdoc/>
    /// <remarks>The primary font is the first face <see cref="FontResolver.GetFamilyFaces"/> lists: the first named
    /// family that exists, else the standard font.</remarks>
    /// <exception cref="FontParseException">The font string cannot be parsed.</exception>
    public string HyphenString(in MeasureStyle style)
    {
        IReadOnlyList<ResolvedFace> faces = _resolver.GetFamilyFaces(GetFont(style.Font));
        return faces.Count > 0 && faces[0].Face.HasCodePoint(HyphenCharacter) ? "\u2010" : "-";
    }

    /// <summary>U+2010 HYPHEN, which Blink draws for a chosen soft hyphen when the primary font has it.</summary>
    private const int HyphenCharacter = 0x2010;

    /// <summary>
    /// The width Chromium reports for the text as one line of an inline box: each run (one font, one script) is
    /// summed in float, letter spacing added per cluster, and rounded up to 1/64 px.
    /// </summary>
    /// <param name="text">Text without hard breaks.</param>
    /// <param name="style">Font, language and letter spacing.</param>
    /// <returns>The width in CSS px, a multiple of 1/64.</returns>
    public double MeasureWidth(ReadOnlySpan<char> text, in MeasureStyle style)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        CssFont font = GetFont(style.Font);
        double[] advances = new double[text.Length];
        bool[] clusterStarts = new bool[text.Length];
        int[] runKeys = new int[text.Length];
        MeasureCore(text, font, style.Lang, style.LetterSpacing != 0, lineEnd: false, advances, clusterStarts, runKeys);
        MeasureAdvances(text, style, advances);
        Script[] scripts = new Script[text.Length];
        foreach ((int start, int end, Script script) in ScriptRuns(text))
        {
            scripts.AsSpan(start, end - start).Fill(script);
        }

        // Chromium sums the fragment's glyph advances in float and rounds the text fragment's width up to a
        // LayoutUnit once (measured: per-run rounding overshoots on 18 mixed-font rows of measure-cases.txt).
        // MeasureAdvances spreads a cluster's advance over the graphemes inside it (a line may end between them),
        // so each cluster's pieces are added back together before the cluster joins the float sum.
        float sum = 0;
        double cluster = 0;
        float spacing = 0;
        for (int i = 0; i < text.Length; i++)
        {
            if (clusterStarts[i])
            {
                sum += (float)cluster + spacing;
                cluster = 0;
                // Blink's ShapeResultSpacing::ComputeSpacing: no spacing on a cursive run or a default-ignorable
                // character (a soft hyphen, ZWSP or ZWNJ is a HarfBuzz cluster of its own).
                int codePoint = i + 1 < text.Length && char.IsSurrogatePair(text[i], text[i + 1]) ? char.ConvertToUtf32(text[i], text[i + 1]) : text[i];
                spacing = IsCursive(scripts[i]) || Layout.TextPreparer.IsZeroWidthIgnorable(codePoint) ? 0 : (float)style.LetterSpacing;
            }

            cluster += advances[i];
        }

        sum += (float)cluster + spacing;
        return Math.Ceiling(sum * LAYOUT_UNIT_PER_PX) / LAYOUT_UNIT_PER_PX;
    }

    /// <summary>
    /// Shapes <paramref name="text"/> as <see cref="MeasureAdvances(ReadOnlySpan{char}, in MeasureStyle, Span{double})"/> does (each word with its trailing spaces on its
    /// own) and reports every run: the face that drew it, why (Chromium's fallback step) and its glyphs. For
    /// renderers and for explaining a measurement; not cached.
    /// </summary>
    /// <param name="text">Text without hard breaks.</param>
    /// <param name="style">Font, language and letter spacing (letter spacing only turns ligatures off here).</param>
    /// <returns>Runs ordered by <see cref="ShapedRun.Start"/>, tiling the text; offsets index <paramref name="text"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    /// <exception cref="FontParseException">The font string cannot be parsed.</exception>
    /// <exception cref="FontFileException">A font file needed for the text is missing or corrupt.</exception>
    public IReadOnlyList<ShapedRun> ShapeRuns(string text, in MeasureStyle style)
    {
        ArgumentNullException.ThrowIfNull(text);
        ObjectDisposedException.ThrowIf(_disposed, this);
        CssFont font = GetFont(style.Font);
        bool noLigatures = style.LetterSpacing != 0;
        var all = new List<ShapedRun>();
        var chunkRuns = new List<ShapedRun>();
        for (var chunks = new ChunkCursor(text); chunks.MoveNext();)
        {
            int start = chunks.Start;
            int length = chunks.End - start;
            chunkRuns.Clear();
            MeasureCore(text.AsSpan(start, length), font, style.Lang, noLigatures, lineEnd: false, new double[length], new bool[length], new int[length], chunkRuns, chunks.Context);
            foreach (ShapedRun run in chunkRuns)
            {
                var glyphs = new ShapedGlyph[run.Glyphs.Count];
                for (int g = 0; g < glyphs.Length; g++)
                {
                    glyphs[g] = run.Glyphs[g] with { Cluster = run.Glyphs[g].Cluster + start };
                }

                all.Add(run with { Start = run.Start + start, End = run.End + start, Glyphs = glyphs });
            }
        }

        all.Sort(static (a, b) => a.Start.CompareTo(b.Start));
        return all;
    }

    /// <summary>The outline of a glyph as SVG path data in CSS px: origin at the glyph's pen position on the baseline, y down.</summary>
    /// <param name="face">The face (from <see cref="ShapedRun.Face"/>).</param>
    /// <param name="glyphId">The glyph index.</param>
    /// <param name="sizePx">The font size in CSS px.</param>
    /// <returns>Path data, or an empty string for a glyph without outlines (a space, a bitmap emoji).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="face"/> is null.</exception>
    /// <exception cref="FontFileException">The font file is missing or corrupt.</exception>
    public string GetGlyphOutlinePath(FontFace face, uint glyphId, double sizePx)
    {
        ArgumentNullException.ThrowIfNull(face);
        ObjectDisposedException.ThrowIf(_disposed, this);
        Font hbFont = GetShapingFace(face).GetFont(sizePx, namedFamily: false, _maxCachedSizesPerFace, out bool owned);
        try
        {
            return GlyphOutline.ToSvgPath(hbFont, glyphId);
        }
        finally
        {
            if (owned)
            {
                hbFont.Dispose();
            }
        }
    }

    /// <summary>Empties the shaped-chunk cache and the parsed-font cache (fonts stay loaded).</summary>
    public void ClearCache()
    {
        _chunks.Clear();
        _parsedFonts.Clear();
    }

    /// <summary>Shaped chunks cached now.</summary>
    public long CachedChunkCount => _chunks.Count;

    /// <summary>Estimated bytes the shaped-chunk cache holds now.</summary>
    public long CachedChunkBytes => _chunks.Bytes;

    /// <summary>Releases the HarfBuzz fonts.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        foreach (ShapingFace face in _faces.Values)
        {
            face.Dispose();
        }

        _faces.Clear();
    }

    private CssFont GetFont(string font)
    {
        ArgumentNullException.ThrowIfNull(font);
        if (_parsedFonts.TryGetValue(font, out CssFont? parsed))
        {
            return parsed;
        }

        parsed = CssFont.Parse(font);
        if (_parsedFonts.Count >= _maxCachedFonts)
        {
            // Rare (a service fed ever-new font strings): starting over is cheaper than tracking recency per font.
            _parsedFonts.Clear();
        }

        return _maxCachedFonts == 0 ? parsed : _parsedFonts.GetOrAdd(font, parsed);
    }

    private void MeasureChunk(
        ReadOnlySpan<char> chunk, int measuredLength, CssFont font, in MeasureStyle style, bool noLigatures, bool lineEnd, Script context, Span<double> advances,
        Span<bool> unsafeBefore = default)
    {
        // A cached entry holds the chunk's advances, then a bitmap of the cluster starts HarfBuzz flags unsafe to
        // break, reinterpreted as ulongs (never read as numbers).
        var key = new ChunkStyle(style.Font, style.Lang, noLigatures, lineEnd, context);
        if (_chunks.TryGet(key, chunk, out double[]? cached))
        {
            cached.AsSpan(0, measuredLength).CopyTo(advances);
            ReadUnsafeBits(cached, chunk.Length, unsafeBefore[..Math.Min(unsafeBefore.Length, measuredLength)]);
            return;
        }

        Scratch scratch = t_scratch ??= new Scratch();
        scratch.Ensure(chunk.Length);
        double[] all = new double[ShapedChunkCache.EntryLength(chunk.Length)];
        Span<bool> unsafeStarts = scratch.UnsafeBefore.AsSpan(0, chunk.Length);
        MeasureCore(chunk, font, style.Lang, noLigatures, lineEnd, all.AsSpan(0, chunk.Length), scratch.ClusterStarts.AsSpan(0, chunk.Length), scratch.RunKeys.AsSpan(0, chunk.Length),
            context: context, unsafeBefore: unsafeStarts);
        Span<ulong> bits = System.Runtime.InteropServices.MemoryMarshal.Cast<double, ulong>(all.AsSpan(chunk.Length));
        for (int i = 0; i < chunk.Length; i++)
        {
            if (unsafeStarts[i])
            {
                bits[i >> 6] |= 1UL << (i & 63);
            }
        }

        SplitClustersAtGraphemes(chunk, scratch.ClusterStarts.AsSpan(0, chunk.Length), font, style.Lang, noLigatures, context, all.AsSpan(0, chunk.Length));
        all.AsSpan(0, measuredLength).CopyTo(advances);
        ReadUnsafeBits(all, chunk.Length, unsafeBefore[..Math.Min(unsafeBefore.Length, measuredLength)]);
        _chunks.Add(key, chunk.ToString(), all);
    }

    private static void ReadUnsafeBits(double[] entry, int chunkLength, Span<bool> unsafeBefore)
    {
        ReadOnlySpan<ulong> bits = System.Runtime.InteropServices.MemoryMarshal.Cast<double, ulong>(entry.AsSpan(chunkLength));
        for (int i = 0; i < unsafeBefore.Length; i++)
        {
            unsafeBefore[i] = (bits[i >> 6] & (1UL << (i & 63))) != 0;
        }
    }

    /// <summary>
    /// Gives each grapheme inside a HarfBuzz cluster that holds several of them the width it adds when the cluster is
    /// reshaped up to that grapheme's end, the last one the rest of the cluster. Blink's break-anywhere pass can end a
    /// line between such graphemes, and ShapingLineBreaker::ShapeLine then reshapes the line end, so the line is as wide
    /// as its text shaped alone. Measured (16px "DejaVu Sans", "Noto Sans Myanmar", 48px, break-word): Myanmar
    /// <c>\u100A\u103A\u1038</c> is one HarfBuzz cluster of two graphemes, 23.28px, and <c>\u100A\u103A</c> alone
    /// is 17.75px, so <c>\u101E\u1014\u100A\u103A</c> (44.91px) ends a line; <c>...\u101E\u102E</c> alone
    /// is 18.05px of <c>\u101E\u102E\u1038</c>'s 23.58px, so <c>\u1014\u103E\u102F\u1010\u103A\u101E\u102E</c>
    /// (50.28px) does not, where an equal share of the cluster (Blink's caret positions) would have fitted it.
    /// </summary>
    private void SplitClustersAtGraphemes(
        ReadOnlySpan<char> chunk, ReadOnlySpan<bool> clusterStarts, CssFont font, string? lang, bool noLigatures, Script context, Span<double> advances)
    {
        List<int>? graphemes = null;
        bool[]? starts = null;
        int clusterStart = -1;
        for (int i = 0; i <= chunk.Length; i++)
        {
            if (i < chunk.Length && !(starts is null ? clusterStarts[i] : starts[i]))
            {
                continue;
            }

            if (clusterStart >= 0 && i - clusterStart > 1)
            {
                if (graphemes is null)
                {
                    graphemes = [];
                    Text.Segmentation.GraphemeClusters.GetStarts(chunk, graphemes);
                    starts = clusterStarts.ToArray(); // measuring prefixes below reuses the scratch buffers
                }

                int first = graphemes.BinarySearch(clusterStart);
                int last = first;
                while (first >= 0 && last + 1 < graphemes.Count && graphemes[last + 1] < i)
                {
                    last++;
                }

                if (first >= 0 && last > first)
                {
                    double whole = advances[clusterStart];
                    double before = 0;
                    for (int g = first; g < last; g++)
                    {
                        int prefixEnd = graphemes[g + 1];
                        double prefix = MeasurePrefix(chunk[clusterStart..prefixEnd], font, lang, noLigatures, context);
                        advances[graphemes[g]] = prefix - before;
                        before = prefix;
                    }

                    advances[graphemes[last]] = whole - before;
                }
            }

            clusterStart = i;
        }
    }

    private double MeasurePrefix(ReadOnlySpan<char> text, CssFont font, string? lang, bool noLigatures, Script context)
    {
        double[] advances = new double[text.Length];
        MeasureCore(text, font, lang, noLigatures, lineEnd: false, advances, new bool[text.Length], new int[text.Length], context: context);
        double sum = 0;
        foreach (double advance in advances)
        {
            sum += advance;
        }

        return sum;
    }

    private void MeasureCore(ReadOnlySpan<char> text, CssFont font, string? lang, bool noLigatures, bool lineEnd, Span<double> advances, Span<bool> clusterStarts, Span<int> runKeys,
        List<ShapedRun>? runs = null, Script context = default, Span<bool> unsafeBefore = default)
    {
        advances.Clear();
        clusterStarts.Clear();
        unsafeBefore.Clear();
        if (text.IsEmpty)
        {
            return;
        }

        // The family list is looked up once per measured chunk, not once per fallback step: hashing the CssFont
        // key took a tenth of a cold Prepare of the 500-text batch (about five shaping steps per chunk there).
        IReadOnlyList<ResolvedFace> list = _resolver.GetFamilyFaces(font);
        int named = 0;
        while (named < list.Count && list[named].IsNamedFamily)
        {
            named++;
        }

        var job = new ShapeJob(this, font, lang, noLigatures, lineEnd, (float)font.SizePx, runs, list, named);
        char[] rented = System.Buffers.ArrayPool<char>.Shared.Rent(text.Length);
        try
        {
            text.CopyTo(rented);
            int runIndex = 0;
            foreach ((int start, int end, Script script) in ScriptRuns(text, context))
            {
                job.ShapeWithFallback(rented, text.Length, start, end, script, runIndex++, 0, advances, clusterStarts, runKeys, unsafeBefore);
            }
        }
        finally
        {
            System.Buffers.ArrayPool<char>.Shared.Return(rented);
        }
    }

    // Script itemization as Blink's ScriptRunIterator does it (Text/ScriptRuns.cs: Script_Extensions, paired brackets,
    // Common and Inherited characters joining the run they are in), so `「“q` shapes `“` apart from `q` as Chromium does.
    // A chunk measured apart from the text before it continues the run of that text's last strong character
    // (`context`): `…….” “도` after Hangul is shaped as Hangul, which in Noto Sans CJK KR with lang=ko selects the
    // Korean punctuation (ko-sonagi).
    private static List<(int Start, int End, Script Script)> ScriptRuns(ReadOnlySpan<char> text, Script context = default)
    {
        var icuRuns = new List<(int Start, int End, int Script)>();
        Foretext.Text.ScriptRuns.Split(text, context == default ? Foretext.Text.ScriptRuns.Common : ScriptMap.ToIcu(context), icuRuns);
        var runs = new List<(int, int, Script)>(icuRuns.Count);
        foreach ((int start, int end, int script) in icuRuns)
        {
            runs.Add((start, end, ScriptMap.ToHarfBuzz(script)));
        }

        return runs;
    }

    // A chunk is a word plus the spaces after it: browsers do not kern or shape across a space, so chunks are
    // shaped (and cached) apart. Returns the end of the chunk that starts at `start`. A "word" of thousands of units
    // (CJK prose has no spaces) is cut between two ideographs or kana: no kerning, ligature or HanKerning spans
    // such a pair, and shaping one buffer per paragraph with a HanKerning feature range per punctuation mark grew
    // quadratically (1 MB of Japanese: 4.5 s, 4,383 ns/byte against 547 at 100 KB).
    private static int ChunkEnd(ReadOnlySpan<char> text, int start)
    {
        int end = start;
        while (end < text.Length && text[end] != ' ')
        {
            if (end - start >= MaxChunkUnits && IsIdeographOrKana(text[end - 1]) && IsIdeographOrKana(text[end]))
            {
                return end;
            }

            end++;
        }

        while (end < text.Length && text[end] == ' ')
        {
            end++;
        }

        return end;
    }

    // Walks the chunks of a text with the script each starts in: the last strong script before it, and before the
    // first one the first strong script of the text (Blink's ScriptRunIterator gives leading Common characters the
    // script that follows them). Shared by measuring, cluster starts and run reports so they shape alike.
    private ref struct ChunkCursor(ReadOnlySpan<char> text)
    {
        private readonly ReadOnlySpan<char> _text = text;

        public int Start { get; private set; }

        public int End { get; private set; }

        public Script Context { get; private set; } = FirstStrongScript(text);

        /// <summary>The chunk's end plus one character of lookahead (see MeasureAdvances).</summary>
        public readonly int Lookahead => Math.Min(End + 1, _text.Length);

        public bool MoveNext()
        {
            if (End > Start)
            {
                Context = LastStrongScript(_text[Start..End], Context);
            }

            if (End >= _text.Length)
            {
                return false;
            }

            Start = End;
            End = ChunkEnd(_text, Start);
            return true;
        }
    }

    /// <summary>Chunks longer than this are cut at the next safe pair of ideographs or kana.</summary>
    private const int MaxChunkUnits = 512;

    // CJK Unified Ideographs (and Extension A), hiragana and katakana: letters with no contextual shaping between
    // them. Combining marks, punctuation and surrogate halves are never on either side of a cut.
    private static bool IsIdeographOrKana(char c) => c is (>= '\u4E00' and <= '\u9FFF') or (>= '\u3400' and <= '\u4DBF')
        or (>= '\u3041' and <= '\u3096') or (>= '\u30A1' and <= '\u30FA');

    private static Script FirstStrongScript(ReadOnlySpan<char> text)
    {
        for (int i = 0; i < text.Length;)
        {
            System.Text.Rune.DecodeFromUtf16(text[i..], out System.Text.Rune rune, out int used);
            Script script = StrongScript(rune.Value);
            if (script != Script.Common)
            {
                return script;
            }

            i += Math.Max(used, 1);
        }

        return Script.Common;
    }

    // The script a character commits a run to (Blink's ScriptRunIterator): its own, or for a Common character the
    // preferred script of its Script_Extensions (`「` is CJK), else Common.
    private static Script StrongScript(int codePoint)
    {
        if (codePoint < 0x80)
        {
            return char.IsAsciiLetter((char)codePoint) ? Script.Latin : Script.Common;
        }

        if (codePoint <= 0xFFFF)
        {
            // A P/Invoke a character was a fifth of a batch's time (chunk starts and ends scan for it): the BMP is cached.
            Script[] table = s_bmpStrongScripts;
            Script cached = table[codePoint];
            if (cached == default)
            {
                cached = StrongScriptUncached(codePoint);
                table[codePoint] = cached == default ? Script.Common : cached;
            }

            return cached;
        }

        return StrongScriptUncached(codePoint);
    }

    // Filled on use; a torn read only recomputes the same value. default(Script) marks an empty slot.
    private static readonly Script[] s_bmpStrongScripts = new Script[0x10000];

    private static Script StrongScriptUncached(int codePoint)
    {
        Script script = UnicodeFunctions.Default.GetScript((uint)codePoint);
        if (script != Script.Common && script != Script.Inherited && script != Script.Unknown)
        {
            return script;
        }

        int extension = Foretext.Text.ScriptRuns.StrongScript(codePoint);
        return extension == Foretext.Text.ScriptRuns.Common ? Script.Common : ScriptMap.ToHarfBuzz(extension);
    }

    // The script of the last character of `text` that commits a run to a script (see StrongScript), else `fallback`.
    private static Script LastStrongScript(ReadOnlySpan<char> text, Script fallback)
    {
        for (int i = text.Length; i > 0;)
        {
            System.Text.Rune.DecodeLastFromUtf16(text[..i], out System.Text.Rune rune, out int used);
            Script script = StrongScript(rune.Value);
            if (script != Script.Common)
            {
                return script;
            }

            i -= Math.Max(used, 1);
        }

        return fallback;
    }

    // Chromium does not letter-space cursive scripts (measure-cases.txt "letterSpacing=1" Arabic row); the layout
    // engine must skip them too.
    private static bool IsCursive(Script script) =>
        script == Script.Arabic || script == Script.Syriac || script == Script.Mongolian || script == Script.Nko ||
        script == Script.PhagsPa || script == Script.Mandaic || script == Script.Manichaean || script == Script.PsalterPahlavi ||
        script == Script.HanifiRohingya || script == Script.Sogdian;

    private ShapingFace GetShapingFace(FontFace face) =>
        _faces.GetOrAdd(face, static (f, self) => new ShapingFace(f, Interlocked.Increment(ref self._nextFaceId)), this);

    private Language GetLanguage(string lang)
    {
        if (_languages.TryGetValue(lang, out Language? language))
        {
            return language;
        }

        string tag = lang.Length > MAX_LANGUAGE_LENGTH ? lang[..MAX_LANGUAGE_LENGTH] : lang;
        if (_languages.Count >= MAX_EXACT_LANGUAGES)
        {
            int dash = tag.AsSpan().IndexOfAny('-', '_');
            tag = dash > 0 ? tag[..dash] : tag;
            tag = tag.Length > 8 ? tag[..8] : tag; // a primary subtag has at most 8 letters
            return _languages.TryGetValue(tag, out language) ? language : new Language(tag);
        }

        return _languages.GetOrAdd(lang, static (_, t) => new Language(t), tag);
    }

    private sealed class Scratch
    {
        public HbBuffer Buffer { get; } = new();

        public bool[] ClusterStarts { get; private set; } = new bool[256];

        public int[] RunKeys { get; private set; } = new int[256];

        public bool[] UnsafeBefore { get; private set; } = new bool[256];

        public List<(int Start, int End)> Holes { get; } = [];

        public void Ensure(int length)
        {
            if (ClusterStarts.Length < length)
            {
                ClusterStarts = new bool[length * 2];
                RunKeys = new int[length * 2];
                UnsafeBefore = new bool[length * 2];
            }
        }
    }

    private readonly struct ShapeJob(
        HarfBuzzTextMeasurer owner, CssFont font, string? lang, bool noLigatures, bool lineEnd, float sizePx, List<ShapedRun>? runs,
        IReadOnlyList<ResolvedFace> list, int named)
    {
        public void ShapeWithFallback(char[] text, int length, int start, int end, Script script, int runIndex, int stage,
            Span<double> advances, Span<bool> clusterStarts, Span<int> runKeys, Span<bool> unsafeBefore)
        {
            // Stages: 0..named-1 the named families; named: the emoji font (emoji-presentation clusters only);
            // named+1..list.Count: the standard font; list.Count+1: per-character system fallback; then the first
            // font again for .notdef.
            ResolvedFace? face = null;
            FontChoice choice = FontChoice.NamedFamily;
            int nextStage = stage + 1;
            bool isLast = false;
            ReadOnlySpan<char> piece = text.AsSpan(start, end - start);
            if (stage < named)
            {
                face = list[stage];
            }
            else if (stage == named)
            {
                if (EmojiPresentation.IsEmojiCluster(piece))
                {
                    face = owner._resolver.GetFallbackFace(FirstCodePoint(piece), FontResolver.EmojiLanguage, font);
                }

                if (face is null)
                {
                    ShapeWithFallback(text, length, start, end, script, runIndex, nextStage, advances, clusterStarts, runKeys, unsafeBefore);
                    return;
                }

                choice = FontChoice.EmojiFont;
            }
            else if (stage <= list.Count)
            {
                face = list[stage - 1];
                choice = FontChoice.StandardFont;
            }
            else if (stage == list.Count + 1)
            {
                int hint = FirstCodePoint(piece);
                face = owner._resolver.GetFallbackFace(hint, lang?.ToLowerInvariant() ?? CHROMIUM_DEFAULT_LOCALE, font);
                choice = FontChoice.SystemFallback;
                if (face is null)
                {
                    ShapeWithFallback(text, length, start, end, script, runIndex, nextStage, advances, clusterStarts, runKeys, unsafeBefore);
                    return;
                }
            }
            else
            {
                // Blink's FontFallbackIterator ends with its first candidate (the first font of the list) and draws
                // what nobody covers as that font's .notdef: `1` U+20E3 in DejaVu Sans is DejaVu's `1` plus its
                // .notdef (measure-cases.txt), not the system fallback font's.
                face = list.Count > 0 ? list[0] : null;
                isLast = true;
                choice = FontChoice.NoCoverage;
                if (face is null)
                {
                    return;
                }
            }

            ShapingFace shaping = owner.GetShapingFace(face.Value.Face);
            Font hbFont = shaping.GetFont(sizePx, face.Value.IsNamedFamily, owner._maxCachedSizesPerFace, out bool ownedFont);
            try
            {
                if (!isLast && !MayDrawAny(shaping, hbFont, piece))
                {
                    // Shaping would give .notdef for every cluster, i.e. one hole covering the whole piece, which the
                    // next font reshapes anyway. On the 500-text batch, 12,375 of 21,187 shaping calls were such.
                    ShapeWithFallback(text, length, start, end, script, runIndex, nextStage, advances, clusterStarts, runKeys, unsafeBefore);
                    return;
                }

                Shape(text, length, start, end, script, runIndex, stage, nextStage, named, isLast, face.Value, choice, piece, shaping, hbFont, advances, clusterStarts, runKeys, unsafeBefore);
            }
            finally
            {
                if (ownedFont)
                {
                    hbFont.Dispose();
                }
            }
        }

        private void Shape(char[] text, int length, int start, int end, Script script, int runIndex, int stage, int nextStage, int named, bool isLast,
            ResolvedFace face, FontChoice choice, ReadOnlySpan<char> piece, ShapingFace shaping, Font hbFont,
            Span<double> advances, Span<bool> clusterStarts, Span<int> runKeys, Span<bool> unsafeBefore)
        {
            HbBuffer buffer = (t_scratch ??= new Scratch()).Buffer;
            buffer.ClearContents();
            buffer.AddUtf16(text.AsSpan(0, length), start, end - start);
            buffer.Script = script;
            buffer.Direction = script.HorizontalDirection == Direction.RightToLeft ? Direction.RightToLeft : Direction.LeftToRight;
            // Blink shapes unlabelled text with the default locale (en-US in headless Debian Chromium): it keeps
            // Korean fonts on their default spaces (measure-cases.txt "Noto Sans CJK KR" row without lang).
            buffer.Language = owner.GetLanguage(lang ?? CHROMIUM_DEFAULT_LOCALE);
            hbFont.Shape(buffer, Features(shaping, text.AsSpan(0, length), start, end, hbFont));
            ReadOnlySpan<GlyphInfo> infos = buffer.GetGlyphInfoSpan();
            ReadOnlySpan<GlyphPosition> positions = buffer.GetGlyphPositionSpan();
            if (runs is not null)
            {
                // Reshaping a fallback hole below reuses this thread's buffer, which frees the native glyph arrays
                // these spans point into; the run recorder reads them afterwards.
                infos = infos.ToArray();
                positions = positions.ToArray();
            }

            // Sum each cluster's glyphs and find .notdef clusters (holes).
            Span<float> clusterAdvance = end - start <= 512 ? stackalloc float[end - start] : new float[end - start];
            Span<bool> isCluster = end - start <= 512 ? stackalloc bool[end - start] : new bool[end - start];
            Span<bool> isHole = end - start <= 512 ? stackalloc bool[end - start] : new bool[end - start];
            Span<bool> isUnsafe = unsafeBefore.IsEmpty ? default : end - start <= 512 ? stackalloc bool[end - start] : new bool[end - start];
            clusterAdvance.Clear();
            isCluster.Clear();
            isHole.Clear();
            isUnsafe.Clear();
            for (int g = 0; g < infos.Length; g++)
            {
                int c = (int)infos[g].Cluster - start;
                isCluster[c] = true;
                clusterAdvance[c] += positions[g].XAdvance / 65536f;
                if (infos[g].Codepoint == 0)
                {
                    isHole[c] = true;
                }

                if (!isUnsafe.IsEmpty && (infos[g].GlyphFlags & GlyphFlags.UnsafeToBreak) != 0)
                {
                    isUnsafe[c] = true; // breaking before this cluster changes the shaping on either side
                }
            }

            if (stage < named)
            {
                MarkUnservedEmojiVariations(shaping, piece, isCluster, isHole);
            }

            int runKey = (shaping.Id << 12) ^ runIndex;
            int holeStart = -1;
            bool holeOpen = false;
            int kept = 0; // start (relative) of the clusters this face keeps, for the run recorder
            for (int i = 0; i <= end - start; i++)
            {
                bool atCluster = i == end - start || isCluster[i];
                if (!atCluster)
                {
                    if (!isUnsafe.IsEmpty)
                    {
                        unsafeBefore[start + i] = true; // inside a cluster: the glyphs hold both sides
                    }

                    continue;
                }

                bool hole = i < end - start && isHole[i] && !isLast;
                if (holeOpen && !hole)
                {
                    ShapeWithFallback(text, length, start + holeStart, start + i, script, runIndex, nextStage, advances, clusterStarts, runKeys, unsafeBefore);
                    holeOpen = false;
                    kept = i;
                }

                if (i == end - start)
                {
                    Record(start + kept, end, face, choice, stage, script, buffer.Direction, infos, positions);
                    break;
                }

                if (hole)
                {
                    if (!holeOpen)
                    {
                        Record(start + kept, start + i, face, choice, stage, script, buffer.Direction, infos, positions);
                        holeStart = i;
                        holeOpen = true;
                    }

                    continue;
                }

                advances[start + i] = clusterAdvance[i];
                clusterStarts[start + i] = true;
                runKeys[start + i] = runKey;
                if (!isUnsafe.IsEmpty)
                {
                    unsafeBefore[start + i] = isUnsafe[i];
                }
            }
        }

        // Blink (FontVariationSequences, SystemFallbackEmojiVSSupport) treats an emoji variation sequence that a
        // font family does not serve with the asked presentation as a missing glyph, so U+26A0 U+FE0F skips a named text
        // font that has U+26A0 and reaches the emoji font (measure-cases.txt "Emoji presentation" rows). The check
        // stops at the named families: from the emoji font on Blink is in its system fallback stage, where the
        // fallback priority already picked a font of the right presentation.
        private static void MarkUnservedEmojiVariations(ShapingFace face, ReadOnlySpan<char> piece, Span<bool> isCluster, Span<bool> isHole)
        {
            int previous = -1;
            int previousAt = 0;
            for (int i = 0; i < piece.Length;)
            {
                if (System.Text.Rune.DecodeFromUtf16(piece[i..], out System.Text.Rune rune, out int used) != System.Buffers.OperationStatus.Done)
                {
                    previous = -1;
                    i += Math.Max(used, 1);
                    continue;
                }

                if (rune.Value is EmojiPresentation.VS15 or EmojiPresentation.VS16 && previous >= 0 &&
                    EmojiPresentation.IsEmoji(previous) && !face.ServesEmojiVariation(previous, rune.Value))
                {
                    int cluster = previousAt;
                    while (cluster > 0 && !isCluster[cluster])
                    {
                        cluster--;
                    }

                    isHole[cluster] = true;
                }

                previous = rune.Value;
                previousAt = i;
                i += used;
            }
        }

        private void Record(int start, int end, ResolvedFace face, FontChoice choice, int stage, Script script, Direction direction,
            ReadOnlySpan<GlyphInfo> infos, ReadOnlySpan<GlyphPosition> positions)
        {
            if (runs is null || end <= start)
            {
                return;
            }

            var glyphs = new List<ShapedGlyph>();
            for (int g = 0; g < infos.Length; g++)
            {
                int cluster = (int)infos[g].Cluster;
                if (cluster >= start && cluster < end)
                {
                    glyphs.Add(new ShapedGlyph(infos[g].Codepoint, cluster, positions[g].XAdvance / 65536.0,
                        positions[g].XOffset / 65536.0, positions[g].YOffset / 65536.0));
                }
            }

            runs.Add(new ShapedRun(start, end, face, choice, choice == FontChoice.NamedFamily ? stage : -1, script.ToString(),
                direction == Direction.RightToLeft, sizePx, glyphs));
        }

        private Feature[] Features(ShapingFace face, ReadOnlySpan<char> text, int start, int end, Font hbFont)
        {
            List<Feature>? features = null;
            if (noLigatures)
            {
                // Blink FontFeatures: non-zero letter-spacing turns off common and contextual ligatures.
                features = new List<Feature>(6);
                foreach (string tag in new[] { "liga", "clig", "dlig", "hlig", "calt" })
                {
                    features.Add(new Feature(Tag.Parse(tag), 0));
                }
            }

            if (face.HasHalt)
            {
                if (face.HasChws)
                {
                    (features ??= []).Add(new Feature(s_chws, 1));
                    if (lineEnd && end == text.Length && Foretext.Text.HanKerningClasses.MaybeClose(text[end - 1]))
                    {
                        features.Add(new Feature(s_halt, 1, (uint)(end - 1), (uint)end));
                    }
                }
                else
                {
                    int before = features?.Count ?? 0;
                    features ??= [];
                    HanKerning.AddFeatures(text, start, end, face, hbFont, lang, lineEnd && end == text.Length, features);
                    if (features.Count == 0)
                    {
                        features = null;
                    }
                }
            }

            return features is null ? s_noFeatures : [.. features];
        }

        /// <summary>
        /// False only when shaping <paramref name="piece"/> with <paramref name="font"/> must give .notdef for every
        /// character: none has a glyph, and none is something HarfBuzz draws without one (default ignorables are
        /// hidden, spaces and a few punctuation marks fall back to other glyphs, decomposition or composition may
        /// find glyphs for other code points).
        /// </summary>
        private static bool MayDrawAny(ShapingFace face, Font font, ReadOnlySpan<char> piece)
        {
            bool unaffectedByNormalization = true;
            for (int i = 0; i < piece.Length;)
            {
                if (System.Text.Rune.DecodeFromUtf16(piece[i..], out System.Text.Rune rune, out int used) != System.Buffers.OperationStatus.Done)
                {
                    return true; // a lone surrogate: let HarfBuzz decide (and normalization checks would throw)
                }

                int cp = rune.Value;
                unaffectedByNormalization &= NoCanonicalMapping(cp);
                if (face.HasNominalGlyph(font, cp) || IsDefaultIgnorable(cp) || (cp >= 0x2000 && cp <= 0x206F) || cp == 0x2215 ||
                    System.Text.Rune.GetUnicodeCategory(rune) == System.Globalization.UnicodeCategory.SpaceSeparator)
                {
                    return true;
                }

                i += used;
            }

            if (unaffectedByNormalization)
            {
                return false; // NFC and NFD leave the piece as it is: no other character for HarfBuzz to try
            }

            try
            {
                return !piece.IsNormalized(System.Text.NormalizationForm.FormC) || !piece.IsNormalized(System.Text.NormalizationForm.FormD);
            }
            catch (ArgumentException)
            {
                return true; // .NET refuses noncharacters such as U+FFFE here; let HarfBuzz decide (found by fuzzing)
            }
        }

        /// <summary>
        /// Characters that neither compose nor decompose canonically (so NFC and NFD keep them): ASCII, CJK punctuation,
        /// the unified ideographs and the fullwidth forms. The normalization checks of <see cref="MayDrawAny"/> were a
        /// tenth of a cold Prepare of the batch, mostly on CJK words tried in a Latin font first.
        /// </summary>
        private static bool NoCanonicalMapping(int cp) => cp is < 0x80 or (>= 0x3000 and <= 0x303F) or (>= 0x3400 and <= 0x4DBF)
            or (>= 0x4E00 and <= 0x9FFF) or (>= 0xFF01 and <= 0xFF60);

        /// <summary>Unicode 16 DerivedCoreProperties Default_Ignorable_Code_Point.</summary>
        private static bool IsDefaultIgnorable(int cp) => cp switch
        {
            0x00AD or 0x034F or 0x061C or 0x3164 or 0xFEFF or 0xFFA0 => true,
            >= 0x115F and <= 0x1160 => true,
            >= 0x17B4 and <= 0x17B5 => true,
            >= 0x180B and <= 0x180F => true,
            >= 0x200B and <= 0x200F => true,
            >= 0x202A and <= 0x202E => true,
            >= 0x2060 and <= 0x206F => true,
            >= 0xFE00 and <= 0xFE0F => true,
            >= 0xFFF0 and <= 0xFFF8 => true,
            >= 0x1BCA0 and <= 0x1BCA3 => true,
            >= 0x1D173 and <= 0x1D17A => true,
            >= 0xE0000 and <= 0xE0FFF => true,
            _ => false,
        };

        private static int FirstCodePoint(ReadOnlySpan<char> s) =>
            System.Text.Rune.DecodeFromUtf16(s, out System.Text.Rune r, out _) == System.Buffers.OperationStatus.Done ? r.Value : 0xFFFD;
    }
}
