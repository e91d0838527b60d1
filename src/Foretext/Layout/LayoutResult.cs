namespace Foretext.Layout;

/// <summary>The result of <see cref="TextLayout.Layout"/>: how many lines and how tall.</summary>
/// <param name="LineCount">Number of line boxes.</param>
/// <param name="Height">LineCount times the line height, in CSS px.</param>
public readonly record struct LayoutResult(int LineCount, double Height);
