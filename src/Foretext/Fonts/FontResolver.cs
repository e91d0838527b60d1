// Stage: Fonts (matching and fallback).
// Input: a parsed CSS font, and code points no listed family covers. Output: faces in Blink's fallback order.
// Spec: Blink FontFallbackList / FontFallbackIterator on Linux: (1) the named families in order, generic
// families through Chromium's default font settings; (2) the standard font ("Times New Roman"); (3) a
// per-character fontconfig sort with the content language, und-zsye for emoji presentation.

using System.Collections.Concurrent;

namespace Foretext.Fonts;

/// <summary>Resolves CSS fonts to faces in the order Chromium on Linux tries them.</summary>
/// <remarks>Caches by font and by (code point, language); safe to use from many threads.</remarks>
public sealed class FontResolver
{
    // Chromium's Linux defaults (chrome/app/resources/locale_settings_linux.grd); fontconfig maps them to
    // Liberation here. Pinned by measure-cases.txt rows "generic serif text" etc.
    private const string CHROMIUM_STANDARD_FAMILY = "Times New Roman";
    private const string CHROMIUM_SERIF_FAMILY = "Times New Roman";
    private const string CHROMIUM_SANS_SERIF_FAMILY = "Arial";
    private const string CHROMIUM_MONOSPACE_FAMILY = "Monospace";
    private const string CHROMIUM_CURSIVE_FAMILY = "Comic Sans MS";
    private const string CHROMIUM_FANTASY_FAMILY = "Impact";

    // Headless Chromium on Linux resolves system-ui to fontconfig's "sans" (measured: Noto Sans here).
    private const string CHROMIUM_SYSTEM_UI_FAMILY = "sans";

    /// <summary>The language fontconfig is asked with for emoji presentation (Blink's kEmojiEmoji priority).</summary>
    public const string EmojiLanguage = "und-zsye";

    // Blink's bold threshold (FontSelectionValue kBoldThreshold) for synthetic bold.
    private const double BOLD_THRESHOLD = 600;

    /// <summary>The default bound on each of the resolver's caches.</summary>
    public const int DefaultMaxCacheEntries = 4096;

    private readonly IFontSource[] _sources;
    private readonly int _maxCacheEntries;
    private readonly ConcurrentDictionary<CssFont, ResolvedFace[]> _listCache = new();
    private readonly ConcurrentDictionary<(int, string?), FontFace?> _fallbackCache = new();

    /// <summary>Creates a resolver over caller fonts (tried first) and the system's fonts.</summary>
    /// <param name="userFonts">Fonts the caller supplies, or null.</param>
    /// <param name="systemFonts">The system source, or null for <see cref="CreateSystemSource"/>.</param>
    /// <param name="maxCacheEntries">The most font lists and fallback answers kept each; a full cache is emptied and refilled.</param>
    public FontResolver(FontCollection? userFonts = null, IFontSource? systemFonts = null, int maxCacheEntries = DefaultMaxCacheEntries)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxCacheEntries);
        _maxCacheEntries = maxCacheEntries;
        systemFonts ??= CreateSystemSource();
        _sources = userFonts is null ? [systemFonts] : [userFonts, systemFonts];
    }

    /// <summary>fontconfig when libfontconfig.so.1 loads, else a scan of the usual font directories.</summary>
    /// <returns>The system font source.</returns>
    public static IFontSource CreateSystemSource() =>
        (IFontSource?)FontconfigFontSource.TryCreate() ?? FontCollection.FromDirectories(FontCollection.DefaultFontDirectories());

    /// <summary>The faces of the named families that exist, in order, followed by the standard font.</summary>
    /// <param name="font">The CSS font.</param>
    /// <returns>A cached list; never empty when any font is installed.</returns>
    public IReadOnlyList<ResolvedFace> GetFamilyFaces(CssFont font)
    {
        ArgumentNullException.ThrowIfNull(font);
        if (_listCache.TryGetValue(font, out ResolvedFace[]? list))
        {
            return list;
        }

        // Bounded because CssFont keys come from callers (a service sees ever-new sizes and family lists).
        Trim(_listCache);
        return _listCache.GetOrAdd(font, static (f, self) => self.BuildList(f), this);
    }

    /// <summary>The face the platform falls back to for <paramref name="codePoint"/>.</summary>
    /// <param name="codePoint">A code point no family in the list covers.</param>
    /// <param name="lang">The content language, or <see cref="EmojiLanguage"/> for emoji presentation.</param>
    /// <param name="font">The CSS font (for synthesis flags).</param>
    /// <returns>The face, or null when no installed font covers the code point.</returns>
    public ResolvedFace? GetFallbackFace(int codePoint, string? lang, CssFont font)
    {
        ArgumentNullException.ThrowIfNull(font);
        if (!_fallbackCache.ContainsKey((codePoint, lang)))
        {
            Trim(_fallbackCache); // keyed by caller languages and every code point: bounded
        }

        FontFace? face = _fallbackCache.GetOrAdd((codePoint, lang), static (key, sources) =>
        {
            foreach (IFontSource source in sources)
            {
                FontFace? found = source.MatchFallback(key.Item1, key.Item2);
                if (found is not null)
                {
                    return found;
                }
            }

            return null;
        }, _sources);
        return face is null ? null : Resolve(face, font, isNamed: false);
    }

    private void Trim<TKey, TValue>(ConcurrentDictionary<TKey, TValue> cache)
        where TKey : notnull
    {
        if (cache.Count >= _maxCacheEntries)
        {
            cache.Clear();
        }
    }

    private ResolvedFace[] BuildList(CssFont font)
    {
        var list = new List<ResolvedFace>();
        bool italic = font.Style != FontStyle.Normal;
        foreach (CssFontFamily family in font.Families)
        {
            string name = family.IsGeneric ? GenericToFamily(family.Name) ?? "" : family.Name;
            if (name.Length == 0)
            {
                continue;
            }

            FontFace? face = Match(name, font.Weight, italic, font.Stretch);
            if (face is not null && !list.Exists(r => r.Face.Equals(face)))
            {
                list.Add(Resolve(face, font, isNamed: true));
            }
        }

        FontFace? standard = Match(CHROMIUM_STANDARD_FAMILY, font.Weight, italic, font.Stretch);
        if (standard is not null && !list.Exists(r => r.Face.Equals(standard)))
        {
            list.Add(Resolve(standard, font, isNamed: false));
        }

        return [.. list];
    }

    private FontFace? Match(string family, double weight, bool italic, double stretch)
    {
        foreach (IFontSource source in _sources)
        {
            FontFace? face = source.MatchFamily(family, weight, italic, stretch);
            if (face is not null)
            {
                return face;
            }
        }

        return null;
    }

    private static ResolvedFace Resolve(FontFace face, CssFont font, bool isNamed) =>
        new(face,
            SyntheticBold: font.Weight >= BOLD_THRESHOLD && face.Weight < BOLD_THRESHOLD,
            SyntheticItalic: font.Style != FontStyle.Normal && !face.IsItalic,
            IsNamedFamily: isNamed);

    private static string? GenericToFamily(string generic) => generic switch
    {
        "serif" => CHROMIUM_SERIF_FAMILY,
        "sans-serif" => CHROMIUM_SANS_SERIF_FAMILY,
        "monospace" => CHROMIUM_MONOSPACE_FAMILY,
        "cursive" => CHROMIUM_CURSIVE_FAMILY,
        "fantasy" => CHROMIUM_FANTASY_FAMILY,
        "system-ui" => CHROMIUM_SYSTEM_UI_FAMILY,
        "emoji" => "Noto Color Emoji",
        _ => null,
    };
}
