// Stage: Fonts (matching). A face chosen for a CSS font, with what Chromium would synthesize.
// Input: a matched face and the requested weight/slant. Output: the face plus synthesis flags.

namespace Foretext.Fonts;

/// <summary>A face picked for part of a run, with the synthesis Chromium applies when it lacks a style.</summary>
/// <param name="Face">The face.</param>
/// <param name="SyntheticBold">Bold was asked for (600 or more) and the face is lighter; Chromium emboldens
/// outlines without changing advances (pinned by the "DejaVu Math TeX Gyre" rows of measure-cases.txt).</param>
/// <param name="SyntheticItalic">Italic or oblique was asked for and the face is upright; Chromium skews it.</param>
/// <param name="IsNamedFamily">True when the face came from a family the CSS font names (not the standard font
/// or per-character fallback); Chromium sizes a named bitmap emoji font differently.</param>
public readonly record struct ResolvedFace(FontFace Face, bool SyntheticBold, bool SyntheticItalic, bool IsNamedFamily);
