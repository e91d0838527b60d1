// Stage: browser oracle, result.
// Input: produced by ChromiumOracle.MeasureLinesAsync for one LineCase.
// Output: the height, line starts and fonts Chromium used, plus an error when the case cannot be trusted.
namespace Foretext.Recorder;

/// <summary>What Chromium did with one <see cref="LineCase"/>.</summary>
/// <param name="Height">The div's getBoundingClientRect().height in CSS px.</param>
/// <param name="Lines">Start of every line: the UTF-16 offset of the first character drawn on it.</param>
/// <param name="Fonts">Platform fonts used (CSS.getPlatformFontsForNode).</param>
/// <param name="Error">Null, or why the case is not a valid oracle answer (e.g. none of the named fonts drew).</param>
/// <param name="Probes">getClientRects calls the line search made (cost, not recorded in snapshots).</param>
public sealed record LineMeasurement(double Height, int[] Lines, IReadOnlyList<PlatformFont> Fonts, string? Error, int Probes);
