namespace Foretext.Layout;

/// <summary>
/// The string drawn where a clamped or overflowing line is cut, with its width in the paragraph's font
/// (from <see cref="TextLayoutEngine.MeasureEllipsis"/>).
/// </summary>
/// <param name="Text">The ellipsis text, e.g. U+2026, or "..." when the primary font lacks U+2026 (as Chromium picks it).</param>
/// <param name="Width">Its width in CSS px, rounded up to Chromium's LayoutUnit (1/64 px) as ShapeResult::SnappedWidth does.</param>
public sealed record TextEllipsis(string Text, double Width);
