namespace Foretext.Layout;

/// <summary>Receives lines from <see cref="TextLayout.WalkLineRanges{TVisitor}"/>; implement it on a struct so the walk allocates nothing.</summary>
public interface ILineRangeVisitor
{
    /// <summary>Called once per line, in order.</summary>
    void OnLine(in LayoutLineRange line);
}
