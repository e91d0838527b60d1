// Stage: Shaping (CSS text-spacing-trim, initial value). Decides which fullwidth CJK punctuation Chromium sets
// half-width because of its neighbour, and asks HarfBuzz for 'halt' on exactly those characters.
// Input: the paragraph, a shaping run's range, the face and language. Output: 'halt' feature ranges.
// Spec: CSS Text 4 "Fullwidth Punctuation Collapsing" and its character classes; Blink's han_kerning.cc
// behaviour (classes of dots, colons and quotes decided from glyph bounds per font and language; the start of
// a line and the end of a line are not trimmed in a line that fits).

using System.Collections.Concurrent;
using Foretext.Text;
using CharType = Foretext.Text.HanKerningCharType;
using HarfBuzzSharp;
using HbBuffer = HarfBuzzSharp.Buffer;

namespace Foretext.HarfBuzz;

internal static class HanKerning
{
    internal readonly record struct FontData(bool Applies, CharType Dot, CharType Colon, CharType Semicolon, bool QuoteFullwidth);

    private static readonly Tag s_halt = new('h', 'a', 'l', 't');
    private static readonly ConcurrentDictionary<(int FaceId, string? Lang, int Scale), FontData> s_fontData = new();

    // The probe characters, in this order: four dots, colon, semicolon, four quotes (from index QUOTES).
    private const string PROBE = "\u3001\u3002\uFF0C\uFF0E\uFF1A\uFF1B\u201C\u2018\u201D\u2019";
    private const int QUOTES = 6;

    // Bounds the per-size font data a service fed ever-new sizes could grow.
    private const int MaxCachedFontData = 4096;

    /// <summary>
    /// Appends 'halt' features for the run [start, end) of <paramref name="text"/>; with <paramref name="applyEnd"/>
    /// (Blink's han_kerning_end) the last character of the run gets 'halt' whatever follows.
    /// </summary>
    public static void AddFeatures(ReadOnlySpan<char> text, int start, int end, ShapingFace face, Font font, string? lang, bool applyEnd, List<Feature> features)
    {
        bool any = false;
        for (int i = start; i < end && !any; i++)
        {
            any = HanKerningClasses.Classify(text[i]) != CharType.Other;
        }

        if (!any || !face.HasHalt)
        {
            return;
        }

        font.GetScale(out int scale, out _);
        if (!s_fontData.TryGetValue((face.Id, lang, scale), out FontData data))
        {
            if (s_fontData.Count >= MaxCachedFontData)
            {
                s_fontData.Clear();
            }

            data = s_fontData.GetOrAdd((face.Id, lang, scale), Compute(face, font, lang, scale / 65536.0));
        }
        if (!data.Applies)
        {
            return;
        }

        CharType last = start > 0 ? Resolve(HanKerningClasses.Classify(text[start - 1]), data) : CharType.Other;
        for (int i = start; i < end; i++)
        {
            CharType type = Resolve(HanKerningClasses.Classify(text[i]), data);
            if (i > start && ShouldKernLast(type, last))
            {
                features.Add(new Feature(s_halt, 1, (uint)(i - 1), (uint)i));
            }
            else if ((i > start || start > 0) && ShouldKern(type, last))
            {
                features.Add(new Feature(s_halt, 1, (uint)i, (uint)(i + 1)));
            }

            last = type;
        }

        if (applyEnd)
        {
            features.Add(new Feature(s_halt, 1, (uint)(end - 1), (uint)end));
        }
        else if (end < text.Length && ShouldKernLast(Resolve(HanKerningClasses.Classify(text[end]), data), last))
        {
            features.Add(new Feature(s_halt, 1, (uint)(end - 1), (uint)end));
        }
    }

    private static bool ShouldKern(CharType type, CharType last) =>
        type == CharType.Open && last is CharType.Open or CharType.Middle or CharType.Close or CharType.OpenNarrow;

    private static bool ShouldKernLast(CharType type, CharType last) =>
        last == CharType.Close && type is CharType.Close or CharType.Middle or CharType.CloseNarrow;

    private static CharType Resolve(CharType type, FontData data) => type switch
    {
        CharType.Dot => data.Dot,
        CharType.Colon => data.Colon,
        CharType.Semicolon => data.Semicolon,
        CharType.OpenQuote => data.QuoteFullwidth ? CharType.Open : CharType.OpenNarrow,
        CharType.CloseQuote => data.QuoteFullwidth ? CharType.Close : CharType.CloseNarrow,
        _ => type,
    };

    // Blink's HanKerning::FontData, computed per font size as Blink computes it per SimpleFontData. The probe glyphs'
    // advances must equal the ideographic advance (U+6C34's, else the size) exactly, quotes too to be fullwidth, and
    // the classes come from Skia's glyph bounds, which on Linux are FreeType's control box rounded out to whole
    // pixels. So a class can depend on the size: in Noto Serif CJK SC `”` ends at 0.429 em, 4 px at 8px (the
    // half em is 3.99998, the advance being 7.99998), and `“` starts at 0.571 em, 6 px at 12px (half em 6.00005):
    // Chromium 156 sets `「“` trimmed (1.5 em) at 9, 11 and 13px and up but not at 8, 10 or 12px.
    private static FontData Compute(ShapingFace face, Font font, string? lang, double sizePx)
    {
        using var buffer = new HbBuffer();
        ReadOnlySpan<GlyphInfo> infos = Shape(buffer, font, PROBE, lang);
        if (infos.Length != PROBE.Length)
        {
            return default;
        }

        ReadOnlySpan<GlyphPosition> positions = buffer.GetGlyphPositionSpan();
        Span<int> advance = stackalloc int[PROBE.Length];
        Span<float> left = stackalloc float[PROBE.Length];
        Span<float> right = stackalloc float[PROBE.Length];
        for (int i = 0; i < infos.Length; i++)
        {
            if (infos[i].Cluster != i || infos[i].Codepoint == 0)
            {
                return default;
            }

            advance[i] = positions[i].XAdvance;
            (int l, int r) = face.PixelBounds(infos[i].Codepoint, sizePx);
            left[i] = l + (positions[i].XOffset / 65536f);
            right[i] = r + (positions[i].XOffset / 65536f);
        }

        int em = IdeographicAdvance(face, font, lang, buffer);
        for (int i = 0; i < QUOTES; i++)
        {
            if (advance[i] != em)
            {
                return default; // a dot, colon or semicolon not 1ic wide: HanKerning does not apply to the font
            }
        }

        bool quoteFullwidth = true;
        for (int i = QUOTES; i < PROBE.Length; i++)
        {
            quoteFullwidth &= advance[i] == em;
        }

        float halfEm = em / 65536f / 2;
        CharType dot = GroupType(0, 4, halfEm, left, right);
        CharType colon = GroupType(4, 1, halfEm, left, right);
        CharType semicolon = GroupType(5, 1, halfEm, left, right);
        quoteFullwidth = quoteFullwidth && GroupType(6, 2, halfEm, left, right) == CharType.Open &&
            GroupType(8, 2, halfEm, left, right) == CharType.Close;
        return new FontData(true, dot, colon, semicolon, quoteFullwidth);
    }

    // FontMetrics::IdeographicFullWidth: the advance of U+6C34, or the font size where the font lacks it (16.16 px).
    private static int IdeographicAdvance(ShapingFace face, Font font, string? lang, HbBuffer buffer)
    {
        ReadOnlySpan<GlyphInfo> infos = Shape(buffer, font, "\u6C34", lang);
        if (infos.Length == 1 && infos[0].Codepoint != 0)
        {
            return buffer.GetGlyphPositionSpan()[0].XAdvance;
        }

        font.GetScale(out int xScale, out _);
        return xScale;
    }

    private static ReadOnlySpan<GlyphInfo> Shape(HbBuffer buffer, Font font, string text, string? lang)
    {
        buffer.ClearContents();
        buffer.AddUtf16(text);
        buffer.Direction = Direction.LeftToRight;
        buffer.Script = Script.Han;
        if (lang is not null)
        {
            buffer.Language = new Language(lang);
        }

        font.Shape(buffer);
        return buffer.GetGlyphInfoSpan();
    }

    // A group takes its first glyph's type if all its glyphs have that type, else Other.
    private static CharType GroupType(int from, int count, float halfEm, Span<float> left, Span<float> right)
    {
        CharType type0 = FromBounds(halfEm, left[from], right[from]);
        for (int i = from + 1; i < from + count; i++)
        {
            if (FromBounds(halfEm, left[i], right[i]) != type0)
            {
                return CharType.Other;
            }
        }

        return type0;
    }

    private static CharType FromBounds(float halfEm, float left, float right)
    {
        if (right <= halfEm)
        {
            return CharType.Close;
        }

        if (left >= halfEm)
        {
            return CharType.Open;
        }

        return left >= halfEm / 2 && right - left <= halfEm ? CharType.Middle : CharType.Other;
    }
}
