// Stage: Text/Segmentation (native dependency).
// Input: a break iterator type and an ICU locale. Output: an owned UBreakIterator*, cached per thread.
// Spec: ICU4C ubrk.h. A UBreakIterator is not thread-safe, and opening one parses rules (tens of
// microseconds), so each thread keeps its own, reset with ubrk_setText for every call.

using System.Runtime.InteropServices;
using System.Text;

namespace Foretext.Text.Segmentation;

/// <summary>An ICU break iterator owned by one thread; closed by the finalizer when the thread's cache lets go.</summary>
internal sealed unsafe class IcuBreakIterator : SafeHandle
{
    // Bounds the per-thread cache of line iterators, one per locale seen.
    private const int MaxCachedLocales = 32; // a batch of the 11 corpora's languages thrashed at 8 (ubrk_open per case)

    [ThreadStatic]
    private static IcuBreakIterator? t_character;

    [ThreadStatic]
    private static Dictionary<string, IcuBreakIterator>? t_line;

    [ThreadStatic]
    private static Dictionary<string, IcuBreakIterator>? t_lineForLang;

    private IcuBreakIterator(nint handle)
        : base(IntPtr.Zero, ownsHandle: true)
    {
        SetHandle(handle);
    }

    /// <inheritdoc/>
    public override bool IsInvalid => handle == IntPtr.Zero;

    /// <summary>This thread's character (extended grapheme cluster) iterator.</summary>
    public static IcuBreakIterator Character => t_character ??= Open(IcuNative.BreakCharacter, "en_US");

    /// <summary>
    /// This thread's line iterator for an HTML lang under CSS <c>line-break: auto</c> as Chromium resolves it
    /// (see <see cref="ToChromiumAutoLocale"/>).
    /// </summary>
    public static IcuBreakIterator LineForLang(string? lang) =>
        Cached(ref t_lineForLang, lang ?? string.Empty, lang, static l => ToChromiumAutoLocale(l));

    /// <summary>This thread's line iterator with ICU's own rules for an ICU locale (e.g. "root").</summary>
    public static IcuBreakIterator Line(string icuLocale) =>
        Cached(ref t_line, icuLocale, icuLocale, static l => l!);

    /// <summary>A new line iterator for <paramref name="icuLocale"/> that the caller owns and disposes.</summary>
    public static IcuBreakIterator CreateLine(string icuLocale) => Open(IcuNative.BreakLine, icuLocale);

    /// <summary>Points the iterator at <paramref name="text"/>, which must stay pinned while the iterator is used.</summary>
    public void SetText(char* text, int length)
    {
        int status = 0;
        IcuNative.Instance.BrkSetText(handle, text, length, &status);
        if (status > 0)
        {
            throw new InvalidOperationException("ubrk_setText failed with ICU error " + status + ".");
        }
    }

    /// <summary>ubrk_first: the first boundary (0).</summary>
    public int First() => IcuNative.Instance.BrkFirst(handle);

    /// <summary>ubrk_next: the next boundary, or <see cref="IcuNative.Done"/>.</summary>
    public int Next() => IcuNative.Instance.BrkNext(handle);

    /// <summary>ubrk_following: the first boundary after <paramref name="offset"/>, or <see cref="IcuNative.Done"/>.</summary>
    public int Following(int offset) => IcuNative.Instance.BrkFollowing(handle, offset);

    /// <summary>ubrk_getRuleStatus of the boundary last returned.</summary>
    public int RuleStatus() => IcuNative.Instance.BrkGetRuleStatus(handle);

    /// <inheritdoc/>
    protected override bool ReleaseHandle()
    {
        IcuNative.Instance.BrkClose(handle);
        return true;
    }

    private static IcuBreakIterator Open(int type, string icuLocale)
    {
        IcuNative icu = IcuNative.Instance;
        int byteCount = Encoding.ASCII.GetByteCount(icuLocale);
        byte* name = stackalloc byte[byteCount + 1];
        Encoding.ASCII.GetBytes(icuLocale, new Span<byte>(name, byteCount));
        name[byteCount] = 0;
        int status = 0;
        char empty = '\0';
        nint bi = icu.BrkOpen(type, name, &empty, 0, &status);
        if (status > 0 || bi == IntPtr.Zero)
        {
            throw new InvalidOperationException("ubrk_open failed with ICU error " + status + " for locale '" + icuLocale + "'.");
        }

        return new IcuBreakIterator(bi);
    }

    private static IcuBreakIterator Cached(
        ref Dictionary<string, IcuBreakIterator>? cache, string key, string? locale, Func<string?, string> toIcuLocale)
    {
        cache ??= new Dictionary<string, IcuBreakIterator>(StringComparer.Ordinal);
        if (cache.TryGetValue(key, out IcuBreakIterator? iterator))
        {
            return iterator;
        }

        if (cache.Count >= MaxCachedLocales)
        {
            foreach (IcuBreakIterator old in cache.Values)
            {
                old.Dispose();
            }

            cache.Clear();
        }

        iterator = Open(IcuNative.BreakLine, toIcuLocale(locale));
        cache.Add(key, iterator);
        return iterator;
    }

    /// <summary>
    /// The ICU locale whose rules match Chromium's for <c>line-break: auto</c>. Blink opens ICU with the bare
    /// lang, but Chromium's ICU data answers like Debian's ICU does with the <c>lb=normal</c> keyword (CSS
    /// line-break: normal: small kana and U+30FC are ID, not NS; for Chinese also a break before U+301C and
    /// U+30A0), except for Japanese, where both answer with ICU's "ja" default, which already treats CJ as ID.
    /// Measured against Chromium 156 for ja, zh-*, ko, fr, th, yue and no lang (RESEARCH.md).
    /// </summary>
    internal static string ToChromiumAutoLocale(string? lang)
    {
        if (string.IsNullOrEmpty(lang))
        {
            // Without a lang Blink uses the UI locale, en-US for the harness; naming it keeps LANG out of the result.
            return "en_US@lb=normal";
        }

        string icuLocale = ToIcuLocale(lang);
        if (icuLocale.Contains('@'))
        {
            // Blink passes a locale that already has keywords through untouched.
            return icuLocale;
        }

        bool japanese = icuLocale.StartsWith("ja", StringComparison.OrdinalIgnoreCase)
            && (icuLocale.Length == 2 || icuLocale[2] == '_');
        return japanese ? icuLocale : icuLocale + "@lb=normal";
    }

    // HTML lang is BCP 47 (zh-Hant-TW); ICU wants underscores.
    private static string ToIcuLocale(string locale)
    {
        Span<char> buffer = locale.Length <= 64 ? stackalloc char[locale.Length] : new char[locale.Length];
        for (int i = 0; i < locale.Length; i++)
        {
            char c = locale[i];
            buffer[i] = c == '-' ? '_' : char.IsAscii(c) ? c : '_';
        }

        return new string(buffer);
    }
}
