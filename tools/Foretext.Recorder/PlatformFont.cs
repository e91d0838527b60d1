// Stage: browser oracle, font report.
// Input: one entry of the DevTools CSS.getPlatformFontsForNode answer.
// Output: the font Chromium really drew with and how many glyphs it drew from it.
namespace Foretext.Recorder;

/// <summary>A platform font Chromium used for a node's text.</summary>
public sealed record PlatformFont(string FamilyName, string PostScriptName, int GlyphCount);
