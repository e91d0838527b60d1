namespace Foretext.Text;

/// <summary>The paragraph's base direction (the HTML <c>dir</c> attribute), used for bidi embedding levels.</summary>
public enum TextDirection : byte
{
    /// <summary><c>ltr</c>.</summary>
    Ltr,

    /// <summary><c>rtl</c>.</summary>
    Rtl,

    /// <summary><c>auto</c>: from the first strong character (UAX #9 P2-P3).</summary>
    Auto,
}
