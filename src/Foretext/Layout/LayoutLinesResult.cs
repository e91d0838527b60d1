namespace Foretext.Layout;

/// <summary>The result of <see cref="TextLayout.LayoutWithLines"/>.</summary>
/// <param name="LineCount">Number of lines.</param>
/// <param name="Height">LineCount times the line height, in CSS px.</param>
/// <param name="Lines">Every line in order.</param>
public sealed record LayoutLinesResult(int LineCount, double Height, IReadOnlyList<LayoutLine> Lines);
