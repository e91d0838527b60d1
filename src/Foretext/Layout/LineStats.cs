namespace Foretext.Layout;

/// <summary>The result of <see cref="TextLayout.MeasureLineStats"/>.</summary>
/// <param name="LineCount">Number of lines.</param>
/// <param name="MaxLineWidth">Width of the widest line in CSS px (0 for no lines).</param>
public readonly record struct LineStats(int LineCount, double MaxLineWidth);
