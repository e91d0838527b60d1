// Stage: Shaping (inspection). Why a face serves part of a run, in Blink's fallback order.

namespace Foretext.HarfBuzz;

/// <summary>Which step of Chromium's font fallback picked a face (see <see cref="HarfBuzzTextMeasurer.ShapeRuns"/>).</summary>
public enum FontChoice
{
    /// <summary>A family the CSS font names (a generic family through Chromium's default font settings) has the glyphs.</summary>
    NamedFamily,

    /// <summary>The cluster has emoji presentation and no named family drew it, so the emoji font was asked for (und-Zsye).</summary>
    EmojiFont,

    /// <summary>No named family drew it; the standard font (Chromium's "Times New Roman" setting) did.</summary>
    StandardFont,

    /// <summary>Per-character system fallback (fontconfig sort with the content language) found the face.</summary>
    SystemFallback,

    /// <summary>No installed font covers the text; it is drawn with the first face of the list as .notdef boxes.</summary>
    NoCoverage,
}
