// Stage: Shaping. Questions about the primary font (the first face of the font's family list), for text Blink
// generates itself: the ellipsis of text-overflow and line-clamp.

using Foretext.Fonts;
using Foretext.Shaping;

namespace Foretext.HarfBuzz;

public sealed partial class HarfBuzzTextMeasurer : IPrimaryFontMeasurer
{
    /// <inheritdoc/>
    /// <remarks>The primary font is the first face <see cref="FontResolver.GetFamilyFaces"/> lists, as for <see cref="HyphenString"/>.</remarks>
    /// <exception cref="FontParseException">The font string cannot be parsed.</exception>
    public bool PrimaryFontHasCodePoint(int codePoint, in MeasureStyle style)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        IReadOnlyList<ResolvedFace> faces = _resolver.GetFamilyFaces(GetFont(style.Font));
        return faces.Count > 0 && faces[0].Face.HasCodePoint(codePoint);
    }
}
