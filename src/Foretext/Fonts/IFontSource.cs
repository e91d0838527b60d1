// Stage: Fonts (discovery). The seam between font matching and the platform's font list.
// Input: a family name or a code point with a language, plus weight/slant/width. Output: a face, or none.

namespace Foretext.Fonts;

/// <summary>A place fonts come from: fontconfig, a directory scan, or fonts the caller supplies.</summary>
/// <remarks>Implementations cache their answers and are safe to call from many threads.</remarks>
public interface IFontSource
{
    /// <summary>Finds the face of <paramref name="family"/> closest to the requested weight, slant and width.</summary>
    /// <param name="family">A family name (not a CSS generic keyword).</param>
    /// <param name="weight">Requested weight, 1 to 1000.</param>
    /// <param name="italic">Whether an italic face is wanted.</param>
    /// <param name="stretch">Requested width as a percentage of normal.</param>
    /// <returns>The face, or null when the source has no such family.</returns>
    FontFace? MatchFamily(string family, double weight, bool italic, double stretch);

    /// <summary>Finds the face the platform would use for a code point no listed family covers.</summary>
    /// <param name="codePoint">The code point that needs a font.</param>
    /// <param name="lang">A BCP 47 language tag (<c>und-zsye</c> asks for emoji presentation), or null.</param>
    /// <returns>The face (its regular style; synthesis covers bold and italic), or null when nothing covers it.</returns>
    FontFace? MatchFallback(int codePoint, string? lang);
}
