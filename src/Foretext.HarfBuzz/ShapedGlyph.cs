// Stage: Shaping (inspection). One glyph of a shaped run, in CSS px.

namespace Foretext.HarfBuzz;

/// <summary>A glyph HarfBuzz produced, positioned the way the measurer measured it.</summary>
/// <param name="GlyphId">Glyph index in the run's face (0 is .notdef).</param>
/// <param name="Cluster">UTF-16 offset, in the shaped text, of the first character of the glyph's cluster.</param>
/// <param name="XAdvance">Horizontal advance in CSS px (Chromium's advance model, before letter spacing).</param>
/// <param name="XOffset">Horizontal offset from the pen position in CSS px.</param>
/// <param name="YOffset">Vertical offset from the baseline in CSS px, up positive (HarfBuzz convention).</param>
public readonly record struct ShapedGlyph(uint GlyphId, int Cluster, double XAdvance, double XOffset, double YOffset);
