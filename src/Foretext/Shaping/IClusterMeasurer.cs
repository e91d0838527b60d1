namespace Foretext.Shaping;

/// <summary>
/// A measurer that can say where its shaping clusters start. Chromium adds letter spacing once per HarfBuzz
/// cluster, not per grapheme: with 1px spacing Myanmar <c>\u1000\u1031\u102C</c> (two graphemes, one cluster at
/// 16px Noto Sans Myanmar) grows from 35.16 to 36.16px, and the conjunct <c>\u0915\u094D\u092F</c> (one grapheme, a half
/// form and a consonant: two clusters at 100px Noto Serif Devanagari) from 110.41 to 130.41px with 10px. Without this
/// interface every grapheme is taken as a cluster.
/// </summary>
public interface IClusterMeasurer
{
    /// <summary>
    /// Sets <paramref name="clusterStarts"/>[i] (same length as <paramref name="text"/>) when a shaping cluster starts
    /// at UTF-16 offset i of <paramref name="text"/> shaped as <see cref="ITextMeasurer.MeasureAdvances"/> shapes it.
    /// </summary>
    void GetClusterStarts(ReadOnlySpan<char> text, in MeasureStyle style, Span<bool> clusterStarts);
}
