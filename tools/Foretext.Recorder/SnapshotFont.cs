// Stage: browser parity, snapshot reader.
// Input: one entry of a snapshot case's "fonts" array.
// Output: a platform font Chromium drew with (CSS.getPlatformFontsForNode) and its glyph count.
namespace Foretext.Recorder;

/// <summary>A font Chromium really used for a case.</summary>
public sealed record SnapshotFont(string FamilyName, string PostScriptName, int GlyphCount);
