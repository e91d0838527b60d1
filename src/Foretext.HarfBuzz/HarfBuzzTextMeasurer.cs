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
public sealed class HarfBuzzTextMeasurer : ITextMeasurer, IMeasurementCache, IDisposable
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

    private readonly FontResolver _resolver;
    private readonly int _maxCachedChunks;
    private readonly ConcurrentDictionary<string, CssFont> _parsedFonts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<FontFace, ShapingFace> _faces = new();
    private readonly ConcurrentDictionary<string, Language> _languages = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Font, string? Lang, bool NoLigatures), Dictionary<string, double[]>> _chunks = new();
    private readonly object _chunkLock = new();
    private int _chunkCount;
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
        _resolver = new FontResolver(options.UserFonts, options.SystemFonts);
        _maxCachedChunks = options.MaxCachedChunks;
    }

    /// <summary>The font resolver (matching and fallback) this measurer uses.</summary>
    public FontResolver Resolver => _resolver;

    /// <inheritdoc/>
    /// <exception cref="FontParseException">The font string cannot be parsed.</exception>
    /// <exception cref="FontFileException">A font file needed for the text is missing or corrupt.</exception>
    public void MeasureAdvances(ReadOnlySpan<char> text, in MeasureStyle style, Span<double> advances)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(advances.Length, text.Length, nameof(advances));
        ObjectDisposedException.ThrowIf(_disposed, this);
        CssFont font = GetFont(style.Font);
        bool noLigatures = style.LetterSpacing != 0;
        int start = 0;
        while (start < text.Length)
        {
            // A chunk is a word plus the spaces after it: browsers do not kern or shape across a space.
            int end = start;
            while (end < text.Length && text[end] != ' ')
            {
                end++;
            }

            while (end < text.Length && text[end] == ' ')
            {
                end++;
            }

            // One character of lookahead: some fonts (Liberation Serif) kern a space with the next letter, and
            // HarfBuzz puts that kerning on the space (measure-cases.txt "AWAY Tyrannosaurus").
            int lookahead = Math.Min(end + 1, text.Length);
            MeasureChunk(text[start..lookahead], end - start, font, style, noLigatures, advances[start..end]);
            start = end;
        }
    }

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
        MeasureCore(text, font, style.Lang, style.LetterSpacing != 0, advances, clusterStarts, runKeys);
        MeasureAdvances(text, style, advances);
        Script[] scripts = new Script[text.Length];
        foreach ((int start, int end, Script script) in ScriptRuns(text))
        {
            scripts.AsSpan(start, end - start).Fill(script);
        }

        // Chromium sums the fragment's glyph advances in float and rounds the text fragment's width up to a
        // LayoutUnit once (measured: per-run rounding overshoots on 18 mixed-font rows of measure-cases.txt).
        float sum = 0;
        for (int i = 0; i < text.Length; i++)
        {
            if (clusterStarts[i])
            {
                sum += (float)advances[i] + (IsCursive(scripts[i]) ? 0 : (float)style.LetterSpacing);
            }
        }

        return Math.Ceiling(sum * LAYOUT_UNIT_PER_PX) / LAYOUT_UNIT_PER_PX;
    }

    /// <summary>Empties the shaped-chunk cache (fonts stay loaded).</summary>
    public void ClearCache()
    {
        lock (_chunkLock)
        {
            _chunks.Clear();
            _chunkCount = 0;
        }
    }

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
        return _parsedFonts.TryGetValue(font, out CssFont? parsed) ? parsed : _parsedFonts.GetOrAdd(font, CssFont.Parse(font));
    }

    private void MeasureChunk(ReadOnlySpan<char> chunk, int measuredLength, CssFont font, in MeasureStyle style, bool noLigatures, Span<double> advances)
    {
        var key = (style.Font, style.Lang, noLigatures);
        lock (_chunkLock)
        {
            if (_chunks.TryGetValue(key, out Dictionary<string, double[]>? byText) &&
                byText.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(chunk, out double[]? cached))
            {
                cached.AsSpan(0, measuredLength).CopyTo(advances);
                return;
            }
        }

        Scratch scratch = t_scratch ??= new Scratch();
        scratch.Ensure(chunk.Length);
        double[] all = new double[chunk.Length];
        MeasureCore(chunk, font, style.Lang, noLigatures, all, scratch.ClusterStarts.AsSpan(0, chunk.Length), scratch.RunKeys.AsSpan(0, chunk.Length));
        all.AsSpan(0, measuredLength).CopyTo(advances);
        if (_maxCachedChunks == 0)
        {
            return;
        }

        lock (_chunkLock)
        {
            if (_chunkCount >= _maxCachedChunks)
            {
                _chunks.Clear();
                _chunkCount = 0;
            }

            if (!_chunks.TryGetValue(key, out Dictionary<string, double[]>? byText))
            {
                _chunks[key] = byText = new Dictionary<string, double[]>(StringComparer.Ordinal);
            }

            if (byText.TryAdd(chunk.ToString(), all))
            {
                _chunkCount++;
            }
        }
    }

    private void MeasureCore(ReadOnlySpan<char> text, CssFont font, string? lang, bool noLigatures, Span<double> advances, Span<bool> clusterStarts, Span<int> runKeys)
    {
        advances.Clear();
        clusterStarts.Clear();
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

        var job = new ShapeJob(this, font, lang, noLigatures, (float)font.SizePx, list, named);
        char[] rented = System.Buffers.ArrayPool<char>.Shared.Rent(text.Length);
        try
        {
            text.CopyTo(rented);
            int runIndex = 0;
            foreach ((int start, int end, Script script) in ScriptRuns(text))
            {
                job.ShapeWithFallback(rented, text.Length, start, end, script, runIndex++, 0, advances, clusterStarts, runKeys);
            }
        }
        finally
        {
            System.Buffers.ArrayPool<char>.Shared.Return(rented);
        }
    }

    // Script itemization as Blink's ScriptRunIterator does it in the simple case: Common and Inherited characters
    // join the run around them, so punctuation and spaces do not split a run.
    private static List<(int Start, int End, Script Script)> ScriptRuns(ReadOnlySpan<char> text)
    {
        var runs = new List<(int, int, Script)>();
        Script current = Script.Common;
        int runStart = 0;
        for (int i = 0; i < text.Length;)
        {
            System.Text.Rune.DecodeFromUtf16(text[i..], out System.Text.Rune rune, out int used);
            Script script = UnicodeFunctions.Default.GetScript((uint)rune.Value);
            if (script != Script.Common && script != Script.Inherited && script != Script.Unknown && script != current)
            {
                if (current == Script.Common)
                {
                    current = script;
                }
                else
                {
                    runs.Add((runStart, i, current));
                    runStart = i;
                    current = script;
                }
            }

            i += used;
        }

        runs.Add((runStart, text.Length, current));
        return runs;
    }

    // Chromium does not letter-space cursive scripts (measure-cases.txt "letterSpacing=1" Arabic row); the layout
    // engine must skip them too.
    private static bool IsCursive(Script script) =>
        script == Script.Arabic || script == Script.Syriac || script == Script.Mongolian || script == Script.Nko ||
        script == Script.PhagsPa || script == Script.Mandaic || script == Script.Manichaean || script == Script.PsalterPahlavi ||
        script == Script.HanifiRohingya || script == Script.Sogdian;

    private ShapingFace GetShapingFace(FontFace face) =>
        _faces.GetOrAdd(face, static (f, self) => new ShapingFace(f, Interlocked.Increment(ref self._nextFaceId)), this);

    private Language GetLanguage(string lang) => _languages.GetOrAdd(lang, static l => new Language(l));

    private sealed class Scratch
    {
        public HbBuffer Buffer { get; } = new();

        public bool[] ClusterStarts { get; private set; } = new bool[256];

        public int[] RunKeys { get; private set; } = new int[256];

        public List<(int Start, int End)> Holes { get; } = [];

        public void Ensure(int length)
        {
            if (ClusterStarts.Length < length)
            {
                ClusterStarts = new bool[length * 2];
                RunKeys = new int[length * 2];
            }
        }
    }

    private readonly struct ShapeJob(
        HarfBuzzTextMeasurer owner, CssFont font, string? lang, bool noLigatures, float sizePx, IReadOnlyList<ResolvedFace> list, int named)
    {
        public void ShapeWithFallback(char[] text, int length, int start, int end, Script script, int runIndex, int stage,
            Span<double> advances, Span<bool> clusterStarts, Span<int> runKeys)
        {
            // Stages: 0..named-1 the named families; named: the emoji font (emoji-presentation clusters only);
            // named+1..list.Count: the standard font; after that, per-character system fallback.
            ResolvedFace? face = null;
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
                    ShapeWithFallback(text, length, start, end, script, runIndex, nextStage, advances, clusterStarts, runKeys);
                    return;
                }
            }
            else if (stage <= list.Count)
            {
                face = list[stage - 1];
            }
            else
            {
                int hint = FirstCodePoint(piece);
                face = owner._resolver.GetFallbackFace(hint, lang?.ToLowerInvariant() ?? CHROMIUM_DEFAULT_LOCALE, font);
                isLast = true;
                if (face is null)
                {
                    face = list.Count > 0 ? list[0] : null;
                }

                if (face is null)
                {
                    return;
                }
            }

            ShapingFace shaping = owner.GetShapingFace(face.Value.Face);
            Font hbFont = shaping.GetFont(sizePx, face.Value.IsNamedFamily);
            if (!isLast && !MayDrawAny(hbFont, piece))
            {
                // Shaping would give .notdef for every cluster, i.e. one hole covering the whole piece, which the
                // next font reshapes anyway. On the 500-text batch, 12,375 of 21,187 shaping calls were such.
                ShapeWithFallback(text, length, start, end, script, runIndex, nextStage, advances, clusterStarts, runKeys);
                return;
            }

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

            // Sum each cluster's glyphs and find .notdef clusters (holes).
            Span<float> clusterAdvance = end - start <= 512 ? stackalloc float[end - start] : new float[end - start];
            Span<bool> isCluster = end - start <= 512 ? stackalloc bool[end - start] : new bool[end - start];
            Span<bool> isHole = end - start <= 512 ? stackalloc bool[end - start] : new bool[end - start];
            clusterAdvance.Clear();
            isCluster.Clear();
            isHole.Clear();
            for (int g = 0; g < infos.Length; g++)
            {
                int c = (int)infos[g].Cluster - start;
                isCluster[c] = true;
                clusterAdvance[c] += positions[g].XAdvance / 65536f;
                if (infos[g].Codepoint == 0)
                {
                    isHole[c] = true;
                }
            }

            int runKey = (shaping.Id << 12) ^ runIndex;
            int holeStart = -1;
            bool holeOpen = false;
            for (int i = 0; i <= end - start; i++)
            {
                bool atCluster = i == end - start || isCluster[i];
                if (!atCluster)
                {
                    continue;
                }

                bool hole = i < end - start && isHole[i] && !isLast;
                if (holeOpen && !hole)
                {
                    ShapeWithFallback(text, length, start + holeStart, start + i, script, runIndex, nextStage, advances, clusterStarts, runKeys);
                    holeOpen = false;
                }

                if (i == end - start)
                {
                    break;
                }

                if (hole)
                {
                    if (!holeOpen)
                    {
                        holeStart = i;
                        holeOpen = true;
                    }

                    continue;
                }

                advances[start + i] = clusterAdvance[i];
                clusterStarts[start + i] = true;
                runKeys[start + i] = runKey;
            }
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
                }
                else
                {
                    int before = features?.Count ?? 0;
                    features ??= [];
                    HanKerning.AddFeatures(text, start, end, face, hbFont, lang, features);
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
        private static bool MayDrawAny(Font font, ReadOnlySpan<char> piece)
        {
            for (int i = 0; i < piece.Length;)
            {
                System.Text.Rune.DecodeFromUtf16(piece[i..], out System.Text.Rune rune, out int used);
                int cp = rune.Value;
                if (font.TryGetNominalGlyph(cp, out _) || IsDefaultIgnorable(cp) || (cp >= 0x2000 && cp <= 0x206F) || cp == 0x2215 ||
                    System.Text.Rune.GetUnicodeCategory(rune) == System.Globalization.UnicodeCategory.SpaceSeparator)
                {
                    return true;
                }

                i += used;
            }

            return !piece.IsNormalized(System.Text.NormalizationForm.FormC) || !piece.IsNormalized(System.Text.NormalizationForm.FormD);
        }

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
