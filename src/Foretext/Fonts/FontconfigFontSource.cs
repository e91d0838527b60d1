// Stage: Fonts (discovery, Linux). Finds faces the way Chromium does on Linux: through fontconfig.
// Input: a family name with weight/slant/width, or a code point with a language. Output: a face (file + index).
// Spec: fontconfig 2.x API; Chromium's matching rules (FontConfigInterface family check, metric-compatible
// replacements, gfx::GetFallbackFontForChar's per-character FcFontSort).

using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using System.Text;

namespace Foretext.Fonts;

/// <summary>System fonts through fontconfig (libfontconfig.so.1), matched as Chromium on Linux matches them.</summary>
/// <remarks>Answers are cached; fontconfig itself is called under a lock because one FcConfig is not
/// thread-safe. A sort costs 3-9 ms, so the caches matter.</remarks>
public sealed unsafe class FontconfigFontSource : IFontSource, IDisposable
{
    private const string LIB = "libfontconfig.so.1";
    private const int FC_MATCH_PATTERN = 0;
    private const int FC_RESULT_MATCH = 0;
    private const int FC_SLANT_ROMAN = 0;
    private const int FC_SLANT_ITALIC = 100;

    // Families Chromium lets fontconfig replace with anything (FontConfigInterface IsFallbackFontAllowed).
    private static readonly string[] s_anySubstituteAllowed = ["sans", "serif", "monospace"];

    // Chromium accepts these as stand-ins for each other (FontConfigInterface's metric-compatible classes);
    // this is why "Arial" and "Times New Roman" resolve to Liberation here (pinned by measure-cases.txt generics).
    private static readonly string[][] s_metricCompatible =
    [
        ["Arial", "Helvetica", "Arimo", "Liberation Sans", "Albany", "Albany AMT"],
        ["Times New Roman", "Times", "Tinos", "Liberation Serif", "Thorndale", "Thorndale AMT"],
        ["Courier New", "Courier", "Cousine", "Liberation Mono", "Cumberland", "Cumberland AMT"],
        ["Arial Narrow", "Liberation Sans Narrow"],
        ["Cambria", "Caladea"],
        ["Calibri", "Carlito"],
        ["Symbol", "Symbol Neu"],
    ];

    private readonly object _lock = new();
    private readonly ConcurrentDictionary<(string, double, bool, double), FontFace?> _familyCache = new();
    private readonly ConcurrentDictionary<(int, string?), FontFace?> _fallbackCache = new();
    private readonly ConcurrentDictionary<(string, int), FontFace> _faces = new();
    private IntPtr _config;

    private FontconfigFontSource(IntPtr config)
    {
        _config = config;
    }

    /// <summary>Loads fontconfig's configuration and font list.</summary>
    /// <returns>The source, or null when libfontconfig.so.1 is not installed or fails to load its config.</returns>
    public static FontconfigFontSource? TryCreate()
    {
        if (!NativeLibrary.TryLoad(LIB, out IntPtr handle))
        {
            return null;
        }

        NativeLibrary.Free(handle);
        try
        {
            IntPtr config = FcInitLoadConfigAndFonts();
            return config == IntPtr.Zero ? null : new FontconfigFontSource(config);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return null;
        }
    }

    /// <inheritdoc/>
    public FontFace? MatchFamily(string family, double weight, bool italic, double stretch)
    {
        ArgumentNullException.ThrowIfNull(family);
        return _familyCache.GetOrAdd((family, weight, italic, stretch), static (key, self) => self.MatchFamilyUncached(key.Item1, key.Item2, key.Item3, key.Item4), this);
    }

    /// <inheritdoc/>
    public FontFace? MatchFallback(int codePoint, string? lang)
    {
        return _fallbackCache.GetOrAdd((codePoint, lang?.ToLowerInvariant()), static (key, self) => self.MatchFallbackUncached(key.Item1, key.Item2), this);
    }

    /// <summary>Releases the fontconfig configuration.</summary>
    public void Dispose()
    {
        lock (_lock)
        {
            if (_config != IntPtr.Zero)
            {
                FcConfigDestroy(_config);
                _config = IntPtr.Zero;
            }
        }
    }

    private FontFace? MatchFamilyUncached(string family, double weight, bool italic, double stretch)
    {
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_config == IntPtr.Zero, this);
            IntPtr pattern = FcPatternCreate();
            try
            {
                AddString(pattern, "family", family);
                AddInt(pattern, "weight", FcWeightFromOpenType((int)Math.Round(weight)));
                AddInt(pattern, "slant", italic ? FC_SLANT_ITALIC : FC_SLANT_ROMAN);
                AddInt(pattern, "width", (int)Math.Round(stretch));
                AddBool(pattern, "scalable", true);
                FcConfigSubstitute(_config, pattern, FC_MATCH_PATTERN);
                FcDefaultSubstitute(pattern);
                string postConfigFamily = GetString(pattern, "family", 0) ?? family;
                bool anyAllowed = Array.Exists(s_anySubstituteAllowed, f => f.Equals(family, StringComparison.OrdinalIgnoreCase));
                return FirstValid(pattern, font =>
                {
                    if (anyAllowed)
                    {
                        return true;
                    }

                    for (int id = 0; ; id++)
                    {
                        string? matched = GetString(font, "family", id);
                        if (matched is null)
                        {
                            return false;
                        }

                        if (matched.Equals(postConfigFamily, StringComparison.OrdinalIgnoreCase) ||
                            matched.Equals(family, StringComparison.OrdinalIgnoreCase) ||
                            IsMetricCompatible(family, matched))
                        {
                            return true;
                        }
                    }
                }, stopAtFirst: true);
            }
            finally
            {
                FcPatternDestroy(pattern);
            }
        }
    }

    private FontFace? MatchFallbackUncached(int codePoint, string? lang)
    {
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_config == IntPtr.Zero, this);
            IntPtr pattern = FcPatternCreate();
            IntPtr charset = FcCharSetCreate();
            try
            {
                FcCharSetAddChar(charset, (uint)codePoint);
                FcPatternAddCharSet(pattern, Utf8("charset"), charset);
                AddBool(pattern, "scalable", true);
                if (!string.IsNullOrEmpty(lang))
                {
                    AddString(pattern, "lang", lang);
                }

                FcConfigSubstitute(_config, pattern, FC_MATCH_PATTERN);
                FcDefaultSubstitute(pattern);
                return FirstValid(pattern, font =>
                {
                    IntPtr fontCharset;
                    return FcPatternGetCharSet(font, Utf8("charset"), 0, &fontCharset) == FC_RESULT_MATCH &&
                        FcCharSetHasChar(fontCharset, (uint)codePoint) != 0;
                }, stopAtFirst: false);
            }
            finally
            {
                FcCharSetDestroy(charset);
                FcPatternDestroy(pattern);
            }
        }
    }

    // Walks FcFontSort's answer; stopAtFirst mirrors Chromium's named-family rule (only the best match may be
    // accepted or rejected), otherwise the first font passing the filter wins (fallback by character).
    private FontFace? FirstValid(IntPtr pattern, Func<IntPtr, bool> accept, bool stopAtFirst)
    {
        int result;
        IntPtr set = FcFontSort(_config, pattern, 0, IntPtr.Zero, &result);
        if (set == IntPtr.Zero)
        {
            return null;
        }

        try
        {
            FcFontSet* fontSet = (FcFontSet*)set;
            for (int i = 0; i < fontSet->nfont; i++)
            {
                IntPtr font = fontSet->fonts[i];
                string? file = GetString(font, "file", 0);
                if (file is null || !File.Exists(file) || !IsSupportedFormat(GetString(font, "fontformat", 0)))
                {
                    continue;
                }

                if (!accept(font))
                {
                    if (stopAtFirst)
                    {
                        return null;
                    }

                    continue;
                }

                int index = GetInt(font, "index") & 0xFFFF;
                return _faces.GetOrAdd((file, index), static (key, state) =>
                {
                    (FontconfigFontSource self, IntPtr f) = state;
                    string familyName = GetString(f, "family", 0) ?? Path.GetFileNameWithoutExtension(key.Item1);
                    int fcWeight = GetInt(f, "weight", 80);
                    int slant = GetInt(f, "slant");
                    int width = GetInt(f, "width", 100);
                    return new FontFace(key.Item1, null, key.Item2, familyName, FcWeightToOpenType(fcWeight), width, slant != FC_SLANT_ROMAN);
                }, (this, font));
            }

            return null;
        }
        finally
        {
            FcFontSetDestroy(set);
        }
    }

    private static bool IsSupportedFormat(string? format) => format is null or "TrueType" or "CFF";

    internal static bool IsMetricCompatible(string a, string b)
    {
        foreach (string[] group in s_metricCompatible)
        {
            if (Array.Exists(group, f => f.Equals(a, StringComparison.OrdinalIgnoreCase)) &&
                Array.Exists(group, f => f.Equals(b, StringComparison.OrdinalIgnoreCase)))
            {
                return true;
            }
        }

        return false;
    }

    private static byte[] Utf8(string s)
    {
        byte[] bytes = new byte[Encoding.UTF8.GetByteCount(s) + 1];
        Encoding.UTF8.GetBytes(s, bytes);
        return bytes;
    }

    private static void AddString(IntPtr pattern, string key, string value) => FcPatternAddString(pattern, Utf8(key), Utf8(value));

    private static void AddInt(IntPtr pattern, string key, int value) => FcPatternAddInteger(pattern, Utf8(key), value);

    private static void AddBool(IntPtr pattern, string key, bool value) => FcPatternAddBool(pattern, Utf8(key), value ? 1 : 0);

    private static string? GetString(IntPtr pattern, string key, int id)
    {
        byte* value;
        return FcPatternGetString(pattern, Utf8(key), id, &value) == FC_RESULT_MATCH ? Marshal.PtrToStringUTF8((IntPtr)value) : null;
    }

    private static int GetInt(IntPtr pattern, string key, int fallback = 0)
    {
        int value;
        if (FcPatternGetInteger(pattern, Utf8(key), 0, &value) == FC_RESULT_MATCH)
        {
            return value;
        }

        double d;
        return FcPatternGetDouble(pattern, Utf8(key), 0, &d) == FC_RESULT_MATCH ? (int)Math.Round(d) : fallback;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct FcFontSet
    {
        public int nfont;
        public int sfont;
        public IntPtr* fonts;
    }

    [DllImport(LIB)] private static extern IntPtr FcInitLoadConfigAndFonts();
    [DllImport(LIB)] private static extern void FcConfigDestroy(IntPtr config);
    [DllImport(LIB)] private static extern IntPtr FcPatternCreate();
    [DllImport(LIB)] private static extern void FcPatternDestroy(IntPtr pattern);
    [DllImport(LIB)] private static extern int FcPatternAddString(IntPtr pattern, byte[] obj, byte[] value);
    [DllImport(LIB)] private static extern int FcPatternAddInteger(IntPtr pattern, byte[] obj, int value);
    [DllImport(LIB)] private static extern int FcPatternAddBool(IntPtr pattern, byte[] obj, int value);
    [DllImport(LIB)] private static extern int FcPatternAddCharSet(IntPtr pattern, byte[] obj, IntPtr charset);
    [DllImport(LIB)] private static extern int FcPatternGetString(IntPtr pattern, byte[] obj, int id, byte** value);
    [DllImport(LIB)] private static extern int FcPatternGetInteger(IntPtr pattern, byte[] obj, int id, int* value);
    [DllImport(LIB)] private static extern int FcPatternGetDouble(IntPtr pattern, byte[] obj, int id, double* value);
    [DllImport(LIB)] private static extern int FcPatternGetCharSet(IntPtr pattern, byte[] obj, int id, IntPtr* value);
    [DllImport(LIB)] private static extern IntPtr FcCharSetCreate();
    [DllImport(LIB)] private static extern void FcCharSetDestroy(IntPtr charset);
    [DllImport(LIB)] private static extern int FcCharSetAddChar(IntPtr charset, uint ucs4);
    [DllImport(LIB)] private static extern int FcCharSetHasChar(IntPtr charset, uint ucs4);
    [DllImport(LIB)] private static extern int FcConfigSubstitute(IntPtr config, IntPtr pattern, int kind);
    [DllImport(LIB)] private static extern void FcDefaultSubstitute(IntPtr pattern);
    [DllImport(LIB)] private static extern IntPtr FcFontSort(IntPtr config, IntPtr pattern, int trim, IntPtr csp, int* result);
    [DllImport(LIB)] private static extern void FcFontSetDestroy(IntPtr set);
    [DllImport(LIB)] private static extern int FcWeightFromOpenType(int weight);
    [DllImport(LIB)] private static extern int FcWeightToOpenType(int weight);
}
