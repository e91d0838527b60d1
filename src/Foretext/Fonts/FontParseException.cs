// Stage: Fonts (CSS font shorthand).
// Input: a malformed font string. Output: an exception naming the problem and where it is.
// Spec: CSS Fonts 4, "font" shorthand.

namespace Foretext.Fonts;

/// <summary>Thrown when a CSS <c>font</c> shorthand cannot be parsed the way Chromium parses it.</summary>
public sealed class FontParseException : FormatException
{
    /// <summary>Creates the exception for a problem at <paramref name="offset"/> in the font string.</summary>
    /// <param name="message">What is wrong.</param>
    /// <param name="offset">The UTF-16 offset in the font string where the problem starts.</param>
    public FontParseException(string message, int offset)
        : base($"{message} (at character {offset})")
    {
        Offset = offset;
        Reason = message;
    }

    /// <summary>The UTF-16 offset in the font string where the problem starts.</summary>
    public int Offset { get; }

    /// <summary>What is wrong, without the offset.</summary>
    public string Reason { get; }
}
