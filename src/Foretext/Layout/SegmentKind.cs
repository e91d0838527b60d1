namespace Foretext.Layout;

/// <summary>What a prepared segment is, as far as the line walker cares.</summary>
public enum SegmentKind : byte
{
    /// <summary>Text between two break opportunities, without its trailing white space. Its width counts toward the line.</summary>
    Text,

    /// <summary>Spaces after a word (collapsed in <c>normal</c>, preserved in <c>pre-wrap</c>). They hang at the end of a line.</summary>
    Space,

    /// <summary>A preserved tab (<c>pre-wrap</c>): it advances to the next tab stop from the line start and hangs at the end of a line.</summary>
    Tab,

    /// <summary>A preserved line feed (<c>pre-wrap</c>): a forced break.</summary>
    HardBreak,
}
