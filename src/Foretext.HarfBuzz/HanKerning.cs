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
    private static readonly ConcurrentDictionary<(int FaceId, string? Lang), FontData> s_fontData = new();

    // The probe characters, in this order: four dots, colon, semicolon, four quotes.
    private const string PROBE = "\u3001\u3002\uFF0C\uFF0E\uFF1A\uFF1B\u201C\u2018\u201D\u2019";

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

        FontData data = s_fontData.GetOrAdd((face.Id, lang), static (key, state) => Compute(state.font, key.Lang), (font, face));
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

    private static FontData Compute(Font font, string? lang)
    {
        using var buffer = new HbBuffer();
        buffer.AddUtf16(PROBE);
        buffer.Direction = Direction.LeftToRight;
        buffer.Script = Script.Han;
        if (lang is not null)
        {
            buffer.Language = new Language(lang);
        }

        font.Shape(buffer);
        ReadOnlySpan<GlyphInfo> infos = buffer.GetGlyphInfoSpan();
        ReadOnlySpan<GlyphPosition> positions = buffer.GetGlyphPositionSpan();
        if (infos.Length != PROBE.Length)
        {
            return default;
        }

        Span<float> advance = stackalloc float[PROBE.Length];
        Span<float> left = stackalloc float[PROBE.Length];
        Span<float> right = stackalloc float[PROBE.Length];
        Span<bool> present = stackalloc bool[PROBE.Length];
        for (int i = 0; i < infos.Length; i++)
        {
            if (infos[i].Cluster != i)
            {
                return default;
            }

            present[i] = infos[i].Codepoint != 0 && font.TryGetGlyphExtents(infos[i].Codepoint, out GlyphExtents e);
            font.TryGetGlyphExtents(infos[i].Codepoint, out GlyphExtents ext);
            advance[i] = positions[i].XAdvance;
            left[i] = ext.XBearing + positions[i].XOffset;
            right[i] = left[i] + ext.Width;
        }

        CharType dot = GroupType(0, 4, advance, left, right, present);
        CharType colon = GroupType(4, 1, advance, left, right, present);
        CharType semicolon = GroupType(5, 1, advance, left, right, present);
        bool quoteFullwidth = GroupType(6, 2, advance, left, right, present) == CharType.Open &&
            GroupType(8, 2, advance, left, right, present) == CharType.Close;
        return new FontData(true, dot, colon, semicolon, quoteFullwidth);
    }

    // A group takes the type of its first present glyph if all share its advance and type, else Other.
    private static CharType GroupType(int from, int count, Span<float> advance, Span<float> left, Span<float> right, Span<bool> present)
    {
        CharType type0 = CharType.Other;
        float advance0 = 0;
        bool found = false;
        for (int i = from; i < from + count; i++)
        {
            if (!present[i])
            {
                continue;
            }

            if (!found)
            {
                found = true;
                advance0 = advance[i];
                type0 = FromBounds(advance0 / 2, left[i], right[i]);
                continue;
            }

            if (advance[i] != advance0 || FromBounds(advance0 / 2, left[i], right[i]) != type0)
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

        return right - left <= halfEm && left >= halfEm / 2 ? CharType.Middle : CharType.Other;
    }
}
