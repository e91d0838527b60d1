// Stage: Shaping (configuration of the HarfBuzz measurer).
// Input: caller choices. Output: the fonts and cache bounds the measurer uses.

using Foretext.Fonts;

namespace Foretext.HarfBuzz;

/// <summary>Options for <see cref="HarfBuzzTextMeasurer"/>.</summary>
public sealed record HarfBuzzMeasurerOptions
{
    /// <summary>Fonts the caller supplies; they are matched before system fonts. Null for none.</summary>
    public FontCollection? UserFonts { get; init; }

    /// <summary>The system font source; null means fontconfig, or a directory scan when it is missing.</summary>
    public IFontSource? SystemFonts { get; init; }

    /// <summary>The most space-separated chunks whose shaped advances are kept; the cache is emptied when full.</summary>
    public int MaxCachedChunks { get; init; } = 100_000;
}
