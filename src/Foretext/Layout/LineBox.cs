namespace Foretext.Layout;

/// <summary>The block size of one line box under <c>line-height: normal</c>, for renderers.</summary>
/// <param name="Height">The line box height in CSS px (a whole number of LayoutUnits).</param>
/// <param name="Baseline">Distance from the top of the line box down to its alphabetic baseline, px.</param>
public readonly record struct LineBox(double Height, double Baseline);
