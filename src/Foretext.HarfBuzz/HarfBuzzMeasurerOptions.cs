// Stage: Shaping (configuration of the HarfBuzz measurer).
// Input: caller choices. Output: the fonts and cache bounds the measurer uses.

using Foretext.Fonts;

namespace Foretext.HarfBuzz;

/// <summary>Options for <see cref="HarfBuzzTextMeasurer"/>. Every cache the measurer keeps is bounded by one of these.</summary>
public sealed record HarfBuzzMeasurerOptions
{
    /// <summary>Fonts the caller supplies; they are matched before system fonts. Null for none.</summary>
    public FontCollection? UserFonts { get; init; }

    /// <summary>The system font source; null means fontconfig, or a directory scan when it is missing.</summary>
    public IFontSource? SystemFonts { get; init; }

    /// <summary>
    /// The most space-separated chunks whose shaped advances are kept (default 100,000; 0 turns the cache off). The
    /// least recently used half is dropped when the cache fills.
    /// </summary>
    public int MaxCachedChunks { get; init; } = 100_000;

    /// <summary>The most bytes (estimated) the shaped-chunk cache holds, default 64 MiB.</summary>
    public long MaxCachedChunkBytes { get; init; } = 64L << 20;

    /// <summary>
    /// The most distinct CSS font strings, resolved font lists and (code point, language) fallback answers kept
    /// (default 4,096 each); a full cache is emptied and refilled.
    /// </summary>
    public int MaxCachedFonts { get; init; } = 4096;

    /// <summary>
    /// The most font sizes per face whose HarfBuzz font objects are kept (default 64). Further sizes get a font
    /// that is released after use.
    /// </summary>
    public int MaxCachedSizesPerFace { get; init; } = 64;
}
