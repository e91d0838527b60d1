// Stage: Fonts (discovery). One face of one font file, as discovery found it or the caller supplied it.
// Input: a file path (or bytes) and a face index. Output: the face's descriptors and its cmap coverage.

namespace Foretext.Fonts;

/// <summary>One face of a font file (a .ttc holds several), with the descriptors used for matching.</summary>
/// <remarks>Immutable apart from the lazily read cmap coverage; safe to share between threads.</remarks>
public sealed class FontFace : IEquatable<FontFace>
{
    private readonly byte[]? _data;
    private (int Start, int End)[]? _coverage;

    internal FontFace(string? filePath, byte[]? data, int faceIndex, string family, double weight, double stretch, bool isItalic)
    {
        FilePath = filePath;
        _data = data;
        FaceIndex = faceIndex;
        Family = family;
        Weight = weight;
        Stretch = stretch;
        IsItalic = isItalic;
    }

    /// <summary>The font file, or null for a font supplied as bytes or a stream.</summary>
    public string? FilePath { get; }

    /// <summary>The face's index in its file (0 except in collections).</summary>
    public int FaceIndex { get; }

    /// <summary>The family name used for matching.</summary>
    public string Family { get; }

    /// <summary>The face's weight, 1 to 1000.</summary>
    public double Weight { get; }

    /// <summary>The face's width as a percentage of normal.</summary>
    public double Stretch { get; }

    /// <summary>True for an italic or oblique face.</summary>
    public bool IsItalic { get; }

    /// <summary>Reads the whole font file (the caller's bytes for a supplied font).</summary>
    /// <returns>The file's bytes.</returns>
    /// <exception cref="FontFileException">The file is missing or unreadable.</exception>
    public byte[] ReadData()
    {
        if (_data is not null)
        {
            return _data;
        }

        try
        {
            return File.ReadAllBytes(FilePath!);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new FontFileException($"cannot read font file '{FilePath}': {e.Message}", e);
        }
    }

    /// <summary>True when the face's cmap maps <paramref name="codePoint"/> to a glyph.</summary>
    /// <param name="codePoint">A Unicode scalar value.</param>
    /// <returns>Whether the face can draw the code point without fallback.</returns>
    /// <exception cref="FontFileException">The file is missing or corrupt.</exception>
    public bool HasCodePoint(int codePoint)
    {
        (int Start, int End)[] coverage = _coverage ??= OpenTypeFile.ReadCoverage(ReadData(), FaceIndex, FilePath ?? Family);
        int lo = 0;
        int hi = coverage.Length - 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            if (codePoint < coverage[mid].Start)
            {
                hi = mid - 1;
            }
            else if (codePoint > coverage[mid].End)
            {
                lo = mid + 1;
            }
            else
            {
                return true;
            }
        }

        return false;
    }

    /// <inheritdoc/>
    public bool Equals(FontFace? other) =>
        other is not null && (ReferenceEquals(this, other) ||
            (FilePath is not null && FilePath == other.FilePath && FaceIndex == other.FaceIndex));

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as FontFace);

    /// <inheritdoc/>
    public override int GetHashCode() => FilePath is null ? System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(this) : HashCode.Combine(FilePath, FaceIndex);

    /// <inheritdoc/>
    public override string ToString() => $"{Family} {Weight}{(IsItalic ? " italic" : "")} ({FilePath ?? "memory"}#{FaceIndex})";
}
