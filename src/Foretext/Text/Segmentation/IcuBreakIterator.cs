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
    private const int MaxCachedLocales = 8;

    [ThreadStatic]
    private static IcuBreakIterator? t_character;

    [ThreadStatic]
    private static Dictionary<string, IcuBreakIterator>? t_line;

    private IcuBreakIterator(nint handle)
        : base(IntPtr.Zero, ownsHandle: true)
    {
        SetHandle(handle);
    }

    /// <inheritdoc/>
    public override bool IsInvalid => handle == IntPtr.Zero;

    /// <summary>This thread's character (extended grapheme cluster) iterator.</summary>
    public static IcuBreakIterator Character => t_character ??= Open(IcuNative.BreakCharacter, "en_US");

    /// <summary>This thread's line iterator for <paramref name="locale"/> (BCP 47 or ICU form; null for en_US).</summary>
    public static IcuBreakIterator Line(string? locale)
    {
        string key = locale ?? string.Empty;
        Dictionary<string, IcuBreakIterator> cache = t_line ??= new Dictionary<string, IcuBreakIterator>(StringComparer.Ordinal);
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

        iterator = Open(IcuNative.BreakLine, ToIcuLocale(locale));
        cache.Add(key, iterator);
        return iterator;
    }

    /// <summary>A new line iterator for <paramref name="locale"/> that the caller owns and disposes.</summary>
    public static IcuBreakIterator CreateLine(string? locale) => Open(IcuNative.BreakLine, ToIcuLocale(locale));

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

    // HTML lang is BCP 47 (zh-Hant-TW); ICU wants underscores. Without a lang Chromium uses its UI locale,
    // which is en-US for the harness; using it (rather than ICU's process default) keeps results independent of LANG.
    private static string ToIcuLocale(string? locale)
    {
        if (string.IsNullOrEmpty(locale))
        {
            return "en_US";
        }

        Span<char> buffer = locale.Length <= 64 ? stackalloc char[locale.Length] : new char[locale.Length];
        for (int i = 0; i < locale.Length; i++)
        {
            char c = locale[i];
            buffer[i] = c == '-' ? '_' : char.IsAscii(c) ? c : '_';
        }

        return new string(buffer);
    }
}
