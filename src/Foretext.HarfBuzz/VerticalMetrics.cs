// Stage: Shaping. A face's vertical metrics as Chromium on Linux gets them: FreeType's face ascender, descender and
// height (from hhea; OS/2 typo, then OS/2 win when hhea has no ascender or descender), scaled by Skia to the text size
// in float (SkScalerContext_FreeType::generateFontMetrics), then rounded by Blink's SimpleFontData::PlatformInit
// (FontMetrics::AscentDescentWithHacks: SkScalarRoundToScalar of ascent and descent, and of the line gap).

using HarfBuzzSharp;
using Foretext.Shaping;

namespace Foretext.HarfBuzz;

internal static class VerticalMetrics
{
    /// <summary>The metrics Blink's FontMetrics holds for the face at <paramref name="sizePx"/>.</summary>
    public static FontLineMetrics At(Face face, int unitsPerEm, double sizePx)
    {
        (int ascender, int descender, int lineGap) = ReadDesignUnits(face);

        // Skia: -face->ascender / upem and (face->height + descender - ascender) / upem in float, times the text size.
        float size = (float)sizePx;
        float ascent = ascender / (float)unitsPerEm * size;
        float descent = -descender / (float)unitsPerEm * size;
        float leading = lineGap / (float)unitsPerEm * size;
        return new FontLineMetrics(RoundToScalar(ascent), RoundToScalar(descent), RoundToScalar(leading));
    }

    /// <summary>SkScalarRoundToScalar: floor(x + 0.5) in float.</summary>
    private static float RoundToScalar(float x) => MathF.Floor(x + 0.5f);

    /// <summary>FreeType's ascender, descender (negative below the baseline) and line gap in font units.</summary>
    private static (int Ascender, int Descender, int LineGap) ReadDesignUnits(Face face)
    {
        using Blob hhea = face.ReferenceTable(new Tag('h', 'h', 'e', 'a'));
        ReadOnlySpan<byte> h = hhea.AsSpan();
        int ascender = 0, descender = 0, lineGap = 0;
        if (h.Length >= 10)
        {
            ascender = Int16(h, 4);
            descender = Int16(h, 6);
            lineGap = Int16(h, 8);
        }

        if (ascender != 0 || descender != 0)
        {
            return (ascender, descender, lineGap);
        }

        // FreeType (sfobjs.c): no hhea ascender and descender, so the OS/2 typographic values, then the Windows ones.
        using Blob os2 = face.ReferenceTable(new Tag('O', 'S', '/', '2'));
        ReadOnlySpan<byte> o = os2.AsSpan();
        if (o.Length >= 78)
        {
            int typoAscender = Int16(o, 68);
            int typoDescender = Int16(o, 70);
            if (typoAscender != 0 || typoDescender != 0)
            {
                return (typoAscender, typoDescender, Int16(o, 72));
            }

            return ((o[74] << 8) | o[75], -((o[76] << 8) | o[77]), 0);
        }

        return (0, 0, 0);
    }

    private static short Int16(ReadOnlySpan<byte> data, int offset) => (short)((data[offset] << 8) | data[offset + 1]);
}
