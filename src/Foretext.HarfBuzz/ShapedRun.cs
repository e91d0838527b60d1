// Stage: Shaping (inspection). A run of text shaped with one face: what the measurer decided, for renderers and
// for explaining font choice. Input: HarfBuzzTextMeasurer.ShapeRuns. Output: faces, reasons and glyphs.

using Foretext.Fonts;

namespace Foretext.HarfBuzz;

/// <summary>A piece of text that one face shaped, with why that face was chosen.</summary>
/// <param name="Start">UTF-16 offset of the run's first character in the shaped text.</param>
/// <param name="End">UTF-16 offset just after the run.</param>
/// <param name="Face">The face and the synthesis Chromium applies to it.</param>
/// <param name="Choice">The fallback step that picked the face.</param>
/// <param name="FamilyIndex">For <see cref="FontChoice.NamedFamily"/>, the index of the face in
/// <see cref="FontResolver.GetFamilyFaces"/>; otherwise -1.</param>
/// <param name="Script">ISO 15924 tag of the run's script (Zyyy when only common characters).</param>
/// <param name="RightToLeft">True when HarfBuzz shaped the run right to left (glyphs are then in visual order).</param>
/// <param name="SizePx">The font size in CSS px the glyphs were shaped at.</param>
/// <param name="Glyphs">The glyphs in HarfBuzz's output order.</param>
public sealed record ShapedRun(int Start, int End, ResolvedFace Face, FontChoice Choice, int FamilyIndex, string Script,
    bool RightToLeft, double SizePx, IReadOnlyList<ShapedGlyph> Glyphs);
