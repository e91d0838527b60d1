// Stage: Shaping. A face loaded into HarfBuzz with Chromium's advance model.
// Input: a FontFace and a size. Output: HarfBuzz fonts whose glyph advances equal Chromium's (Skia over
// FreeType, unhinted, 16.16 fixed point).
// Spec: FreeType FT_Get_Advance without hinting: round(units * x_scale / 64) with
// x_scale = round((trunc(size * 64) << 16) / units_per_em); Skia hands that 16.16 value to HarfBuzz unchanged.

using System.Collections.Concurrent;
using HarfBuzzSharp;
using Foretext.Fonts;

namespace Foretext.HarfBuzz;

internal sealed class ShapingFace : IDisposable
{
    // Chromium gives Noto Color Emoji (bitmap strikes) the strike's advance scaled to the size (136/109 em), and
    // whole px when the CSS names the font (measure-cases.txt emoji rows at 12-40px pin both).
    private static readonly FontFunctions s_funcs = CreateFunctions();

    private readonly Blob _blob;
    private readonly Face _face;
    private readonly Font _base;
    private readonly int _upem;
    private readonly int _bitmapStrikePpem;
    private readonly ConcurrentDictionary<(double, bool), Font> _sized = new();

    public ShapingFace(FontFace fontFace, int id)
    {
        FontFace = fontFace;
        Id = id;
        byte[] data = fontFace.ReadData();
        // The bytes may come from disk again (a system font) and may have changed since discovery: check them here, at
        // the gate to native code.
        OpenTypeFile.Validate(data, fontFace.FaceIndex, fontFace.ToString());
        try
        {
            unsafe
            {
                var handle = System.Runtime.InteropServices.GCHandle.Alloc(data, System.Runtime.InteropServices.GCHandleType.Pinned);
                _blob = new Blob(handle.AddrOfPinnedObject(), data.Length, MemoryMode.ReadOnly, () => handle.Free());
            }

            _blob.MakeImmutable();
            if (fontFace.FaceIndex >= Math.Max(1, _blob.FaceCount))
            {
                throw new FontFileException($"font has no face {fontFace.FaceIndex}: {fontFace}");
            }

            _face = new Face(_blob, fontFace.FaceIndex);
            _upem = _face.UnitsPerEm;
            if (_upem <= 0 || _face.GlyphCount <= 0)
            {
                throw new FontFileException($"font file is corrupt or not a font: {fontFace}");
            }

            _base = new Font(_face);
            _bitmapStrikePpem = ReadFirstStrikePpem(_face);
            HasColorTable = HasTable(_face, "CBDT") || HasTable(_face, "COLR") || HasTable(_face, "sbix") || HasTable(_face, "SVG ");
            HasHalt = HasGposFeature(_face, "halt");
            HasChws = HasGposFeature(_face, "chws");
        }
        catch (Exception e) when (e is not FontFileException)
        {
            throw new FontFileException($"cannot load font {fontFace}: {e.Message}", e);
        }
    }

    // The BMP's nominal-glyph answers, filled on use: bit set in _nominalKnown when asked, in _nominalHas when the cmap
    // has the character. Written with Interlocked.Or so two threads filling one word lose nothing.
    private readonly long[] _nominalKnown = new long[0x10000 / 64];
    private readonly long[] _nominalHas = new long[0x10000 / 64];

    /// <summary>Whether the face's cmap maps <paramref name="codePoint"/> (HarfBuzz's nominal glyph), cached for the BMP.</summary>
    public bool HasNominalGlyph(Font font, int codePoint)
    {
        if ((uint)codePoint > 0xFFFF)
        {
            return font.TryGetNominalGlyph(codePoint, out _);
        }

        int word = codePoint >> 6;
        long bit = 1L << (codePoint & 63);
        if ((Volatile.Read(ref _nominalKnown[word]) & bit) != 0)
        {
            return (Volatile.Read(ref _nominalHas[word]) & bit) != 0;
        }

        bool has = font.TryGetNominalGlyph(codePoint, out _);
        if (has)
        {
            Interlocked.Or(ref _nominalHas[word], bit);
        }

        Interlocked.Or(ref _nominalKnown[word], bit);
        return has;
    }

    /// <summary>
    /// A glyph's left and right ink edges at a size as Skia reports glyph bounds on Linux: FreeType's control box, each
    /// edge scaled to 1/64 px (FT_MulFix with the size's x scale) and rounded out to whole pixels.
    /// </summary>
    public (int Left, int Right) PixelBounds(uint glyph, double sizePx)
    {
        if (!_base.TryGetGlyphExtents(glyph, out GlyphExtents units))
        {
            return (0, 0);
        }

        long xScale = FreeTypeXScale(sizePx);
        long left = MulFix(units.XBearing, xScale);
        long right = MulFix(units.XBearing + units.Width, xScale);
        return ((int)Math.Floor(left / 64.0), (int)Math.Ceiling(right / 64.0));
    }

    public FontFace FontFace { get; }

    public int Id { get; }

    /// <summary>The HarfBuzz face, for reading tables (vertical metrics).</summary>
    public Face HarfBuzzFace => _face;

    public int UnitsPerEm => _upem;

    /// <summary>The face has OpenType 'halt' (alternate half widths), the precondition of Blink's HanKerning.</summary>
    public bool HasHalt { get; }

    /// <summary>The face has OpenType 'chws' (contextual half widths), which Blink uses for text-spacing-trim.</summary>
    public bool HasChws { get; }

    /// <summary>The face has colour glyphs (CBDT, COLR, sbix or SVG), so it draws emoji presentation.</summary>
    public bool HasColorTable { get; }

    /// <summary>
    /// Whether the face serves <paramref name="baseCodePoint"/> followed by VS15/VS16 with the asked presentation,
    /// as Blink's HarfBuzzGetGlyph decides (FontVariationSequences and SystemFallbackEmojiVSSupport on): a cmap
    /// format 14 entry for the sequence, or the base glyph in a face whose colour tables match the presentation
    /// (colour for VS16, none for VS15). Otherwise Blink reports a missing glyph and tries the next font.
    /// </summary>
    public bool ServesEmojiVariation(int baseCodePoint, int variationSelector)
    {
        if (_base.TryGetVariationGlyph((uint)baseCodePoint, (uint)variationSelector, out _))
        {
            return true;
        }

        return _base.TryGetNominalGlyph((uint)baseCodePoint, out _) && HasColorTable == (variationSelector == EmojiPresentation.VS16);
    }

    /// <summary>
    /// The HarfBuzz font for a size. Up to <paramref name="maxCachedSizes"/> sizes are kept; past that the font is
    /// made for this call and <paramref name="owned"/> tells the caller to dispose it, so ever-new sizes (a service
    /// fed 16.001px, 16.002px...) cannot grow native memory without bound.
    /// </summary>
    public Font GetFont(double sizePx, bool namedFamily, int maxCachedSizes, out bool owned)
    {
        bool wholePx = namedFamily && _bitmapStrikePpem > 0;
        var key = (sizePx, wholePx);
        if (_sized.TryGetValue(key, out Font? font))
        {
            owned = false;
            return font;
        }

        font = CreateSized(sizePx, wholePx);
        if (_sized.Count >= maxCachedSizes)
        {
            owned = true;
            return font;
        }

        Font kept = _sized.GetOrAdd(key, font);
        if (!ReferenceEquals(kept, font))
        {
            font.Dispose(); // another thread added this size first
        }

        owned = false;
        return kept;
    }

    public void Dispose()
    {
        foreach (Font font in _sized.Values)
        {
            font.Dispose();
        }

        _base.Dispose();
        _face.Dispose();
        _blob.Dispose();
    }

    private Font CreateSized(double sizePx, bool wholePx)
    {
        var font = new Font(_base);
        long xScale = FreeTypeXScale(sizePx);
        font.SetFontFunctions(s_funcs, new AdvanceModel(_base, xScale, sizePx, _upem, _bitmapStrikePpem, wholePx));
        int scale = (int)Math.Round(sizePx * 65536);
        font.SetScale(scale, scale);
        return font;
    }

    // FreeType's x_scale for a size (16.16, font units to 1/64 px), as FT_Set_Char_Size computes it.
    private long FreeTypeXScale(double sizePx) =>
        (long)Math.Round((double)((long)Math.Truncate(sizePx * 64) << 16) / _upem, MidpointRounding.AwayFromZero);

    // FT_MulFix: a * b / 65536, rounded half away from zero.
    private static long MulFix(long a, long b)
    {
        long product = a * b;
        return product >= 0 ? (product + 0x8000) >> 16 : -((-product + 0x8000) >> 16);
    }

    private static FontFunctions CreateFunctions()
    {
        var funcs = new FontFunctions();
        funcs.SetHorizontalGlyphAdvanceDelegate(static (Font font, object fontData, uint glyph) => ((AdvanceModel)fontData).Advance(glyph));
        funcs.MakeImmutable();
        return funcs;
    }

    private static int ReadFirstStrikePpem(Face face)
    {
        using Blob cblc = face.ReferenceTable(new Tag('C', 'B', 'L', 'C'));
        ReadOnlySpan<byte> data = cblc.AsSpan();
        // CBLC header (8 bytes) then BitmapSize records; ppemX is byte 44 of a record.
        return data.Length >= 8 + 48 ? data[8 + 44] : 0;
    }

    private static bool HasTable(Face face, string tag)
    {
        using Blob table = face.ReferenceTable(new Tag(tag[0], tag[1], tag[2], tag[3]));
        return table.Length > 0;
    }

    private static bool HasGposFeature(Face face, string tag)
    {
        using Blob gpos = face.ReferenceTable(new Tag('G', 'P', 'O', 'S'));
        ReadOnlySpan<byte> d = gpos.AsSpan();
        if (d.Length < 10)
        {
            return false;
        }

        int featureList = (d[6] << 8) | d[7];
        if (featureList + 2 > d.Length)
        {
            return false;
        }

        int count = (d[featureList] << 8) | d[featureList + 1];
        for (int i = 0; i < count; i++)
        {
            int rec = featureList + 2 + (i * 6);
            if (rec + 4 > d.Length)
            {
                return false;
            }

            if (d[rec] == tag[0] && d[rec + 1] == tag[1] && d[rec + 2] == tag[2] && d[rec + 3] == tag[3])
            {
                return true;
            }
        }

        return false;
    }

    private sealed class AdvanceModel(Font unscaled, long xScale, double sizePx, int upem, int strikePpem, bool wholePx)
    {
        public int Advance(uint glyph)
        {
            int units = unscaled.GetHorizontalGlyphAdvance(glyph);
            if (strikePpem > 0)
            {
                double strikeAdvance = Math.Round((double)units * strikePpem / upem, MidpointRounding.AwayFromZero);
                double px = sizePx * strikeAdvance / strikePpem;
                if (wholePx)
                {
                    px = Math.Round(px, MidpointRounding.AwayFromZero);
                }

                return (int)Math.Round(px * 65536);
            }

            // FT_MulDiv(units, x_scale, 64), rounding half away from zero.
            long product = units * xScale;
            return (int)(product >= 0 ? (product + 32) >> 6 : -((-product + 32) >> 6));
        }
    }
}
