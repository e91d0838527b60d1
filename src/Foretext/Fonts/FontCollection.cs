// Stage: Fonts (discovery without fontconfig, and caller-supplied fonts).
// Input: font files, streams, bytes, or directories to scan. Output: faces matched by family name and CSS
// weight/slant/width rules, and a per-code-point fallback from cmap coverage.
// Spec: CSS Fonts 4 "font style matching" (width, then slant, then weight) over the faces of one family.

namespace Foretext.Fonts;

/// <summary>
/// A registry of fonts: the ones a caller supplies, or all fonts found by scanning directories when fontconfig
/// is missing. The measurer consults it before the system fonts.
/// </summary>
/// <remarks>Add fonts before measuring; lookups are safe from many threads once adding is done.</remarks>
public sealed class FontCollection : IFontSource
{
    private readonly List<FontFace> _faces = [];
    private readonly Dictionary<string, List<FontFace>> _byFamily = new(StringComparer.OrdinalIgnoreCase);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<int, FontFace?> _fallbackCache = new();

    /// <summary>The faces added so far.</summary>
    public IReadOnlyList<FontFace> Faces => _faces;

    /// <summary>The directories Linux font configurations usually list.</summary>
    /// <returns>Existing directories among /usr/share/fonts, /usr/local/share/fonts, ~/.local/share/fonts, ~/.fonts.</returns>
    public static IReadOnlyList<string> DefaultFontDirectories()
    {
        string home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        string[] candidates =
        [
            "/usr/share/fonts", "/usr/local/share/fonts",
            Path.Combine(home, ".local", "share", "fonts"), Path.Combine(home, ".fonts"),
        ];
        return Array.FindAll(candidates, Directory.Exists);
    }

    /// <summary>Scans directories recursively for .ttf, .otf and .ttc files; unreadable files are skipped.</summary>
    /// <param name="directories">Directories to scan.</param>
    /// <returns>A collection of every face found.</returns>
    public static FontCollection FromDirectories(IEnumerable<string> directories)
    {
        ArgumentNullException.ThrowIfNull(directories);
        var collection = new FontCollection();
        foreach (string dir in directories)
        {
            IEnumerable<string> files;
            try
            {
                files = Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories);
                foreach (string file in files.OrderBy(f => f, StringComparer.Ordinal))
                {
                    string ext = Path.GetExtension(file).ToLowerInvariant();
                    if (ext is ".ttf" or ".otf" or ".ttc" or ".otc")
                    {
                        try
                        {
                            collection.AddFile(file);
                        }
                        catch (FontFileException)
                        {
                            // A broken file in a system directory must not stop discovery.
                        }
                    }
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                continue;
            }
        }

        return collection;
    }

    /// <summary>Adds every face of a font file.</summary>
    /// <param name="path">A .ttf, .otf or .ttc file.</param>
    /// <exception cref="FontFileException">The file is missing, unreadable or not a font.</exception>
    public void AddFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        byte[] data;
        try
        {
            if (new FileInfo(path).Length > OpenTypeFile.MaxFileBytes)
            {
                throw new FontFileException($"font file is larger than {OpenTypeFile.MaxFileBytes} bytes: {path}");
            }

            data = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new FontFileException($"cannot read font file '{path}': {e.Message}", e);
        }

        Add(path, data, keepData: false);
    }

    /// <summary>Adds every face of a font read from a stream (the bytes are kept in memory).</summary>
    /// <param name="stream">A readable stream holding a .ttf, .otf or .ttc font.</param>
    /// <exception cref="FontFileException">The data is not a font, breaks a limit (size, faces, tables) or cannot be read.</exception>
    public void AddStream(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var copy = new MemoryStream();
        byte[] buffer = new byte[81920];
        try
        {
            int read;
            while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
            {
                // Stop reading at the limit: an endless or huge stream must not exhaust memory before it is rejected.
                if (copy.Length + read > OpenTypeFile.MaxFileBytes)
                {
                    throw new FontFileException($"font data is larger than {OpenTypeFile.MaxFileBytes} bytes: stream");
                }

                copy.Write(buffer, 0, read);
            }
        }
        catch (IOException e) when (e is not FontFileException)
        {
            throw new FontFileException($"cannot read font stream: {e.Message}", e);
        }

        Add(null, copy.ToArray(), keepData: true);
    }

    /// <inheritdoc/>
    public FontFace? MatchFamily(string family, double weight, bool italic, double stretch)
    {
        ArgumentNullException.ThrowIfNull(family);
        if (!_byFamily.TryGetValue(family, out List<FontFace>? faces))
        {
            return null;
        }

        // CSS Fonts 4 matching order: width first, then slant, then weight.
        FontFace? best = null;
        foreach (FontFace face in faces)
        {
            if (best is null || Better(face, best, weight, italic, stretch))
            {
                best = face;
            }
        }

        return best;
    }

    /// <inheritdoc/>
    public FontFace? MatchFallback(int codePoint, string? lang)
    {
        return _fallbackCache.GetOrAdd(codePoint, static (cp, faces) =>
        {
            FontFace? best = null;
            foreach (FontFace face in faces)
            {
                if (face.HasCodePoint(cp) && (best is null || Math.Abs(face.Weight - 400) + (face.IsItalic ? 1000 : 0) < Math.Abs(best.Weight - 400) + (best.IsItalic ? 1000 : 0)))
                {
                    best = face;
                }
            }

            return best;
        }, _faces);
    }

    private static bool Better(FontFace a, FontFace b, double weight, bool italic, double stretch)
    {
        double da = StretchDistance(a.Stretch, stretch);
        double db = StretchDistance(b.Stretch, stretch);
        if (da != db)
        {
            return da < db;
        }

        if ((a.IsItalic == italic) != (b.IsItalic == italic))
        {
            return a.IsItalic == italic;
        }

        return WeightDistance(a.Weight, weight) < WeightDistance(b.Weight, weight);
    }

    // Narrower-than-asked widths are preferred for condensed requests, wider ones for expanded (CSS Fonts 4).
    private static double StretchDistance(double have, double want) =>
        want <= 100 ? (have <= want ? want - have : 1000 + have - want) : (have >= want ? have - want : 1000 + want - have);

    // CSS Fonts 4 weight rule: 400-500 look up to 500 first, below 400 look lighter first, above 500 heavier first.
    private static double WeightDistance(double have, double want)
    {
        if (want is >= 400 and <= 500)
        {
            if (have >= want && have <= 500)
            {
                return have - want;
            }

            return have < want ? 1000 + want - have : 2000 + have - want;
        }

        if (want < 400)
        {
            return have <= want ? want - have : 1000 + have - want;
        }

        return have >= want ? have - want : 1000 + want - have;
    }

    private void Add(string? path, byte[] data, bool keepData)
    {
        string source = path ?? "stream";
        int count;
        try
        {
            count = OpenTypeFile.CountFaces(data);
        }
        catch (Exception e) when (e is ArgumentOutOfRangeException or OverflowException)
        {
            throw new FontFileException($"not a font file: {source}", e);
        }

        if (count is <= 0 or > OpenTypeFile.MaxFaces)
        {
            throw new FontFileException($"not a font file: {source}");
        }

        var faces = new List<FaceDescriptor>(count);
        for (int i = 0; i < count; i++)
        {
            OpenTypeFile.Validate(data, i, source);
            faces.Add(OpenTypeFile.ReadDescriptor(data, i, source));
        }

        // Only a file whose every face passed joins the collection: a half-added file would leave faces that fail later.
        for (int i = 0; i < count; i++)
        {
            FaceDescriptor d = faces[i];
            var face = new FontFace(path, keepData ? data : null, i, d.Family, d.Weight, d.Width, d.IsItalic);
            _faces.Add(face);
            AddFamily(d.Family, face);
            if (!d.LegacyFamily.Equals(d.Family, StringComparison.OrdinalIgnoreCase))
            {
                AddFamily(d.LegacyFamily, face);
            }
        }

        _fallbackCache.Clear();
    }

    private void AddFamily(string family, FontFace face)
    {
        if (!_byFamily.TryGetValue(family, out List<FontFace>? list))
        {
            _byFamily[family] = list = [];
        }

        list.Add(face);
    }
}
