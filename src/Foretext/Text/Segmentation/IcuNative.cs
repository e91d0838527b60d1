// Stage: Text/Segmentation (native dependency).
// Input: the system ICU library, libicuuc.so.N. Output: unmanaged function pointers to its C API, resolved once.
// Spec: ICU4C ubrk.h / uchar.h. ICU exports every symbol with its major version as a suffix (ubrk_open_72);
// builds made with --disable-renaming export bare names. We probe the way .NET's globalization shim does
// (pal_icushim.c): ask the dynamic loader for libicuuc.so.N, newest N first, then look the suffix up.

using System.Runtime.InteropServices;

namespace Foretext.Text.Segmentation;

/// <summary>The handful of ICU4C functions the segmentation stage calls, bound on first use.</summary>
internal sealed unsafe class IcuNative
{
    /// <summary>UBreakIteratorType UBRK_CHARACTER.</summary>
    public const int BreakCharacter = 0;

    /// <summary>UBreakIteratorType UBRK_LINE.</summary>
    public const int BreakLine = 2;

    /// <summary>UBRK_DONE, returned when iteration runs off the end of the text.</summary>
    public const int Done = -1;

    /// <summary>UBRK_LINE_HARD: rule statuses from 100 to 199 mark mandatory breaks.</summary>
    public const int LineHardStatus = 100;

    /// <summary>UProperty UCHAR_LINE_BREAK.</summary>
    public const int PropertyLineBreak = 0x1008;

    /// <summary>ULineBreak U_LB_COMPLEX_CONTEXT (SA).</summary>
    public const int LineBreakComplexContext = 24;

    // Oldest and newest ICU majors we probe for; .NET probes a similar window.
    private const int MinIcuVersion = 50;
    private const int MaxIcuVersion = 99;

    private static readonly object s_lock = new();
    private static IcuNative? s_instance;
    private static string? s_loadError;

    public readonly delegate* unmanaged[Cdecl]<int, byte*, char*, int, int*, nint> BrkOpen;
    public readonly delegate* unmanaged[Cdecl]<nint, char*, int, int*, void> BrkSetText;
    public readonly delegate* unmanaged[Cdecl]<nint, int> BrkFirst;
    public readonly delegate* unmanaged[Cdecl]<nint, int> BrkNext;
    public readonly delegate* unmanaged[Cdecl]<nint, int, int> BrkFollowing;
    public readonly delegate* unmanaged[Cdecl]<nint, int> BrkGetRuleStatus;
    public readonly delegate* unmanaged[Cdecl]<nint, void> BrkClose;
    public readonly delegate* unmanaged[Cdecl]<int, sbyte> CharType;
    public readonly delegate* unmanaged[Cdecl]<int, int, int> GetIntPropertyValue;
    public readonly delegate* unmanaged[Cdecl]<int, int*, int> GetScript;
    public readonly delegate* unmanaged[Cdecl]<int, int*, int, int*, int> GetScriptExtensions;
    public readonly delegate* unmanaged[Cdecl]<int, byte*> GetScriptShortName;
    public readonly delegate* unmanaged[Cdecl]<int, int> GetBidiPairedBracket;
    public readonly delegate* unmanaged[Cdecl]<int, int, sbyte> HasBinaryProperty;
    public readonly delegate* unmanaged[Cdecl]<nint> BidiOpen;
    public readonly delegate* unmanaged[Cdecl]<nint, char*, int, byte, byte*, int*, void> BidiSetPara;
    public readonly delegate* unmanaged[Cdecl]<nint, int*, byte*> BidiGetLevels;
    public readonly delegate* unmanaged[Cdecl]<nint, void> BidiClose;

    private IcuNative(nint library, string suffix)
    {
        BrkOpen = (delegate* unmanaged[Cdecl]<int, byte*, char*, int, int*, nint>)Export(library, "ubrk_open", suffix);
        BrkSetText = (delegate* unmanaged[Cdecl]<nint, char*, int, int*, void>)Export(library, "ubrk_setText", suffix);
        BrkFirst = (delegate* unmanaged[Cdecl]<nint, int>)Export(library, "ubrk_first", suffix);
        BrkNext = (delegate* unmanaged[Cdecl]<nint, int>)Export(library, "ubrk_next", suffix);
        BrkFollowing = (delegate* unmanaged[Cdecl]<nint, int, int>)Export(library, "ubrk_following", suffix);
        BrkGetRuleStatus = (delegate* unmanaged[Cdecl]<nint, int>)Export(library, "ubrk_getRuleStatus", suffix);
        BrkClose = (delegate* unmanaged[Cdecl]<nint, void>)Export(library, "ubrk_close", suffix);
        CharType = (delegate* unmanaged[Cdecl]<int, sbyte>)Export(library, "u_charType", suffix);
        GetIntPropertyValue = (delegate* unmanaged[Cdecl]<int, int, int>)Export(library, "u_getIntPropertyValue", suffix);
        GetScript = (delegate* unmanaged[Cdecl]<int, int*, int>)Export(library, "uscript_getScript", suffix);
        GetScriptExtensions = (delegate* unmanaged[Cdecl]<int, int*, int, int*, int>)Export(library, "uscript_getScriptExtensions", suffix);
        GetScriptShortName = (delegate* unmanaged[Cdecl]<int, byte*>)Export(library, "uscript_getShortName", suffix);
        GetBidiPairedBracket = (delegate* unmanaged[Cdecl]<int, int>)Export(library, "u_getBidiPairedBracket", suffix);
        HasBinaryProperty = (delegate* unmanaged[Cdecl]<int, int, sbyte>)Export(library, "u_hasBinaryProperty", suffix);
        BidiOpen = (delegate* unmanaged[Cdecl]<nint>)Export(library, "ubidi_open", suffix);
        BidiSetPara = (delegate* unmanaged[Cdecl]<nint, char*, int, byte, byte*, int*, void>)Export(library, "ubidi_setPara", suffix);
        BidiGetLevels = (delegate* unmanaged[Cdecl]<nint, int*, byte*>)Export(library, "ubidi_getLevels", suffix);
        BidiClose = (delegate* unmanaged[Cdecl]<nint, void>)Export(library, "ubidi_close", suffix);
    }

    /// <summary>The ICU major version in use, or 0 if the library exports unversioned names.</summary>
    public int Version { get; private init; }

    /// <summary>The bound ICU API.</summary>
    /// <exception cref="IcuUnavailableException">No usable libicuuc was found.</exception>
    public static IcuNative Instance
    {
        get
        {
            IcuNative? instance = Volatile.Read(ref s_instance);
            return instance ?? Load();
        }
    }

    private static IcuNative Load()
    {
        lock (s_lock)
        {
            if (s_instance is not null)
            {
                return s_instance;
            }

            if (s_loadError is not null)
            {
                throw new IcuUnavailableException(s_loadError);
            }

            try
            {
                s_instance = Bind();
                return s_instance;
            }
            catch (IcuUnavailableException e)
            {
                s_loadError = e.Message;
                throw;
            }
        }
    }

    private static IcuNative Bind()
    {
        for (int version = MaxIcuVersion; version >= MinIcuVersion; version--)
        {
            if (NativeLibrary.TryLoad("libicuuc.so." + version, out nint library))
            {
                return BindSuffix(library, version);
            }
        }

        foreach (string name in (ReadOnlySpan<string>)["libicuuc.so", "libicuuc.dylib", "icuuc.dll", "icu.dll"])
        {
            if (NativeLibrary.TryLoad(name, out nint library))
            {
                // The file name carries no version; find it from the exported names.
                for (int version = MaxIcuVersion; version >= MinIcuVersion; version--)
                {
                    if (NativeLibrary.TryGetExport(library, "ubrk_open_" + version, out _))
                    {
                        return BindSuffix(library, version);
                    }
                }

                return BindSuffix(library, 0);
            }
        }

        throw new IcuUnavailableException(
            "ICU was not found: no libicuuc.so." + MinIcuVersion + " to libicuuc.so." + MaxIcuVersion +
            " or libicuuc.so could be loaded. Install the operating system's ICU package (Debian: libicu72).");
    }

    private static IcuNative BindSuffix(nint library, int version)
    {
        string suffix = version > 0 && NativeLibrary.TryGetExport(library, "ubrk_open_" + version, out _)
            ? "_" + version
            : string.Empty;
        return new IcuNative(library, suffix) { Version = suffix.Length == 0 ? 0 : version };
    }

    private static nint Export(nint library, string name, string suffix)
    {
        if (NativeLibrary.TryGetExport(library, name + suffix, out nint address))
        {
            return address;
        }

        throw new IcuUnavailableException("ICU was loaded but does not export " + name + suffix + ".");
    }
}
