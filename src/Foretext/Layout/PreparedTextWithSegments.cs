namespace Foretext.Layout;

/// <summary>
/// Prepared text that also exposes its segments, for renderers and debugging (Pretext's
/// <c>prepareWithSegments</c>). Lays out exactly like the <see cref="PreparedText"/> it extends.
/// </summary>
public sealed class PreparedTextWithSegments : PreparedText
{
    private readonly string[] _segments;

    internal PreparedTextWithSegments(PreparedText prepared, byte[] levels)
        : base(prepared)
    {
        _segments = new string[prepared.SegmentCount];
        string text = ProcessedText;
        for (int i = 0; i < _segments.Length; i++)
        {
            _segments[i] = text.Substring(_segmentStarts[i], _segmentStarts[i + 1] - _segmentStarts[i]);
        }

        Levels = levels;
        _segmentKinds = Array.ConvertAll(_flags, f => f.Kind());
        _segmentWidths = new double[prepared.SegmentCount];
        for (int i = 0; i < _segmentWidths.Length; i++)
        {
            _segmentWidths[i] = FixedToPixels(Width(i));
        }
    }

    private readonly double[] _segmentWidths;
    private readonly SegmentKind[] _segmentKinds;

    /// <summary>The text of each segment after white-space processing.</summary>
    public IReadOnlyList<string> Segments => _segments;

    /// <summary>The kind of each segment.</summary>
    public IReadOnlyList<SegmentKind> Kinds => _segmentKinds;

    /// <summary>The measured width of each segment in CSS px (0 for tabs, whose width depends on their position).</summary>
    public IReadOnlyList<double> Widths => _segmentWidths;

    /// <summary>
    /// The UAX #9 embedding level of each segment's first character (even: left-to-right, odd: right-to-left), for
    /// renderers that reorder runs. The line breaker never reads them.
    /// </summary>
    public IReadOnlyList<byte> Levels { get; }

    /// <summary>UTF-16 offset in <see cref="PreparedText.SourceText"/> where segment <paramref name="segmentIndex"/> starts.</summary>
    public int GetSegmentSourceOffset(int segmentIndex) => GetSourceOffset(new LayoutCursor(segmentIndex, 0));
}
