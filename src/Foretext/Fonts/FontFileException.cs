// Stage: Fonts (discovery). The typed error for a font file that is missing, unreadable or corrupt.
// Input: a failure while loading or parsing a font. Output: an exception naming the file.

namespace Foretext.Fonts;

/// <summary>A font file is missing, unreadable or not a valid OpenType/TrueType font.</summary>
public sealed class FontFileException : IOException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong, naming the font.</param>
    public FontFileException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its cause.</summary>
    /// <param name="message">What is wrong, naming the font.</param>
    /// <param name="inner">The underlying failure.</param>
    public FontFileException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
