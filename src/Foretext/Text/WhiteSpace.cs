namespace Foretext.Text;

/// <summary>The CSS <c>white-space</c> property (the values Foretext supports).</summary>
public enum WhiteSpace : byte
{
    /// <summary><c>normal</c>: runs of spaces, tabs and line feeds collapse to one space; lines wrap.</summary>
    Normal,

    /// <summary><c>pre-wrap</c>: spaces and tabs are kept, line feeds force breaks, lines wrap.</summary>
    PreWrap,
}
