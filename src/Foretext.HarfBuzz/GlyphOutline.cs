// Stage: Shaping (inspection). Glyph outlines as SVG path data, through HarfBuzz's draw API (hb_font_draw_glyph),
// which HarfBuzzSharp does not wrap; the native library it ships exports it.
// Input: a sized HarfBuzz font (scale = size * 65536) and a glyph. Output: "M x y L ... Z" in CSS px, y down.

using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using HarfBuzzSharp;

namespace Foretext.HarfBuzz;

internal static unsafe partial class GlyphOutline
{
    private const string HarfBuzzLibrary = "libHarfBuzzSharp";

    // ShapingFace sizes fonts at size * 65536 units per px.
    private const double UNITS_PER_PX = 65536;

    private static readonly IntPtr s_funcs = CreateFuncs();

    public static string ToSvgPath(Font font, uint glyph)
    {
        var builder = new StringBuilder();
        GCHandle handle = GCHandle.Alloc(builder);
        try
        {
            hb_font_draw_glyph(font.Handle, glyph, s_funcs, GCHandle.ToIntPtr(handle));
        }
        finally
        {
            handle.Free();
        }

        return builder.ToString().TrimEnd();
    }

    private static IntPtr CreateFuncs()
    {
        IntPtr funcs = hb_draw_funcs_create();
        hb_draw_funcs_set_move_to_func(funcs, (IntPtr)(delegate* unmanaged[Cdecl]<IntPtr, IntPtr, IntPtr, float, float, IntPtr, void>)&MoveTo, IntPtr.Zero, IntPtr.Zero);
        hb_draw_funcs_set_line_to_func(funcs, (IntPtr)(delegate* unmanaged[Cdecl]<IntPtr, IntPtr, IntPtr, float, float, IntPtr, void>)&LineTo, IntPtr.Zero, IntPtr.Zero);
        hb_draw_funcs_set_quadratic_to_func(funcs, (IntPtr)(delegate* unmanaged[Cdecl]<IntPtr, IntPtr, IntPtr, float, float, float, float, IntPtr, void>)&QuadraticTo, IntPtr.Zero, IntPtr.Zero);
        hb_draw_funcs_set_cubic_to_func(funcs, (IntPtr)(delegate* unmanaged[Cdecl]<IntPtr, IntPtr, IntPtr, float, float, float, float, float, float, IntPtr, void>)&CubicTo, IntPtr.Zero, IntPtr.Zero);
        hb_draw_funcs_set_close_path_func(funcs, (IntPtr)(delegate* unmanaged[Cdecl]<IntPtr, IntPtr, IntPtr, IntPtr, void>)&ClosePath, IntPtr.Zero, IntPtr.Zero);
        hb_draw_funcs_make_immutable(funcs);
        return funcs;
    }

    private static StringBuilder Builder(IntPtr data) => (StringBuilder)GCHandle.FromIntPtr(data).Target!;

    private static void Point(StringBuilder b, float x, float y) =>
        b.Append(CultureInfo.InvariantCulture, $"{Math.Round(x / UNITS_PER_PX, 3)} {Math.Round(-y / UNITS_PER_PX, 3)} ");

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void MoveTo(IntPtr funcs, IntPtr data, IntPtr state, float x, float y, IntPtr user)
    {
        StringBuilder b = Builder(data).Append('M');
        Point(b, x, y);
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void LineTo(IntPtr funcs, IntPtr data, IntPtr state, float x, float y, IntPtr user)
    {
        StringBuilder b = Builder(data).Append('L');
        Point(b, x, y);
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void QuadraticTo(IntPtr funcs, IntPtr data, IntPtr state, float cx, float cy, float x, float y, IntPtr user)
    {
        StringBuilder b = Builder(data).Append('Q');
        Point(b, cx, cy);
        Point(b, x, y);
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void CubicTo(IntPtr funcs, IntPtr data, IntPtr state, float c1x, float c1y, float c2x, float c2y, float x, float y, IntPtr user)
    {
        StringBuilder b = Builder(data).Append('C');
        Point(b, c1x, c1y);
        Point(b, c2x, c2y);
        Point(b, x, y);
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void ClosePath(IntPtr funcs, IntPtr data, IntPtr state, IntPtr user) => Builder(data).Append("Z ");

    [LibraryImport(HarfBuzzLibrary)]
    private static partial IntPtr hb_draw_funcs_create();

    [LibraryImport(HarfBuzzLibrary)]
    private static partial void hb_draw_funcs_make_immutable(IntPtr funcs);

    [LibraryImport(HarfBuzzLibrary)]
    private static partial void hb_draw_funcs_set_move_to_func(IntPtr funcs, IntPtr func, IntPtr userData, IntPtr destroy);

    [LibraryImport(HarfBuzzLibrary)]
    private static partial void hb_draw_funcs_set_line_to_func(IntPtr funcs, IntPtr func, IntPtr userData, IntPtr destroy);

    [LibraryImport(HarfBuzzLibrary)]
    private static partial void hb_draw_funcs_set_quadratic_to_func(IntPtr funcs, IntPtr func, IntPtr userData, IntPtr destroy);

    [LibraryImport(HarfBuzzLibrary)]
    private static partial void hb_draw_funcs_set_cubic_to_func(IntPtr funcs, IntPtr func, IntPtr userData, IntPtr destroy);

    [LibraryImport(HarfBuzzLibrary)]
    private static partial void hb_draw_funcs_set_close_path_func(IntPtr funcs, IntPtr func, IntPtr userData, IntPtr destroy);

    [LibraryImport(HarfBuzzLibrary)]
    private static partial void hb_font_draw_glyph(IntPtr font, uint glyph, IntPtr funcs, IntPtr drawData);
}
