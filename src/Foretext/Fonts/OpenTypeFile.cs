// Stage: Fonts (discovery). A minimal OpenType/TrueType reader for fonts found without fontconfig or supplied by
// the caller.
// Input: font file bytes (.ttf, .otf, .ttc). Output: per face its family name, weight, width, slant and the
// code points its cmap maps.
// Spec: OpenType 1.9 table directory, TTC header, 'name', 'OS/2', 'head', 'cmap' formats 4 and 12.

using System.Buffers.Binary;
using System.Text;

namespace Foretext.Fonts;

internal static class OpenTypeFile
{
    private const uint TTC_TAG = 0x74746366; // 'ttcf'
    private const uint TRUETYPE_TAG = 0x00010000;
    private const uint CFF_TAG = 0x4F54544F; // 'OTTO'
    private const uint APPLE_TRUETYPE_TAG = 0x74727565; // 'true'
    private const uint WOFF_TAG = 0x774F4646; // 'wOFF'
    private const uint WOFF2_TAG = 0x774F4632; // 'wOF2'

    /// <summary>The largest font file accepted (the biggest system font here, Noto Serif CJK Bold, is 27 MB).</summary>
    public const int MaxFileBytes = 128 << 20;

    /// <summary>The most faces a collection may hold (Noto CJK collections hold 10).</summary>
    public const int MaxFaces = 256;

    /// <summary>The most tables one face may list (real fonts list fewer than 40).</summary>
    public const int MaxTables = 256;

    /// <summary>
    /// Checks what the native loader would otherwise trust: the file's size, its signature, the face's table
    /// directory (count and every table inside the file) and the tables a face cannot be shaped without.
    /// </summary>
    /// <exception cref="FontFileException">The data breaks one of the limits or is not an sfnt font.</exception>
    public static void Validate(ReadOnlySpan<byte> data, int faceIndex, string source)
    {
        if (data.Length > MaxFileBytes)
        {
            throw new FontFileException($"font file is larger than {MaxFileBytes} bytes: {source}");
        }

        try
        {
            uint signature = ReadU32(data, 0);
            if (signature is WOFF_TAG or WOFF2_TAG)
            {
                throw new FontFileException($"WOFF and WOFF2 fonts are not supported; decompress to .ttf/.otf first: {source}");
            }

            int dir = DirectoryOffset(data, faceIndex);
            uint version = ReadU32(data, dir);
            if (version is not (TRUETYPE_TAG or CFF_TAG or APPLE_TRUETYPE_TAG))
            {
                throw new FontFileException($"not an OpenType or TrueType font: {source}");
            }

            int numTables = ReadU16(data, dir + 4);
            if (numTables is 0 or > MaxTables)
            {
                throw new FontFileException($"font lists {numTables} tables (1 to {MaxTables} allowed): {source}");
            }

            Require(data, dir + 12, numTables * 16);
            bool head = false;
            bool maxp = false;
            for (int i = 0; i < numTables; i++)
            {
                int rec = dir + 12 + (i * 16);
                uint tag = ReadU32(data, rec);
                uint offset = ReadU32(data, rec + 8);
                uint length = ReadU32(data, rec + 12);
                if ((ulong)offset + length > (ulong)data.Length)
                {
                    throw new FontFileException($"font table {i} lies outside the file: {source}");
                }

                head |= tag is 0x68656164 or 0x62686564; // 'head' or 'bhed' (bitmap-only fonts)
                maxp |= tag == 0x6D617870; // 'maxp'
            }

            if (!head || !maxp)
            {
                throw new FontFileException($"font lacks its 'head' or 'maxp' table: {source}");
            }
        }
        catch (Exception e) when (e is ArgumentOutOfRangeException or IndexOutOfRangeException or OverflowException)
        {
            throw new FontFileException($"font file is corrupt: {source}", e);
        }
    }

    public static int CountFaces(ReadOnlySpan<byte> data)
    {
        Require(data, 0, 12);
        return BinaryPrimitives.ReadUInt32BigEndian(data) == TTC_TAG ? checked((int)ReadU32(data, 8)) : 1;
    }

    /// <summary>Reads the descriptors of face <paramref name="faceIndex"/>; throws FontFileException on bad data.</summary>
    public static FaceDescriptor ReadDescriptor(ReadOnlySpan<byte> data, int faceIndex, string source)
    {
        try
        {
            int dir = DirectoryOffset(data, faceIndex);
            string? family = null;
            string? typographic = null;
            if (TryFindTable(data, dir, "name", out int nameOff, out _))
            {
                family = ReadName(data, nameOff, 1);
                typographic = ReadName(data, nameOff, 16);
            }

            double weight = 400;
            double width = 100;
            bool italic = false;
            if (TryFindTable(data, dir, "OS/2", out int os2, out int os2Len) && os2Len >= 64)
            {
                weight = Math.Clamp((int)ReadU16(data, os2 + 4), 1, 1000);
                width = ReadU16(data, os2 + 6) switch
                {
                    1 => 50, 2 => 62.5, 3 => 75, 4 => 87.5, 6 => 112.5, 7 => 125, 8 => 150, 9 => 200, _ => 100,
                };
                italic = (ReadU16(data, os2 + 62) & 0x201) != 0; // ITALIC or OBLIQUE bit
            }

            string name = typographic ?? family ?? throw new FontFileException($"font has no family name: {source}");
            return new FaceDescriptor(name, family ?? name, weight, width, italic);
        }
        catch (Exception e) when (e is ArgumentOutOfRangeException or IndexOutOfRangeException or OverflowException)
        {
            throw new FontFileException($"font file is corrupt: {source}", e);
        }
    }

    /// <summary>Reads the sorted, disjoint code point ranges the face's best Unicode cmap maps to a glyph.</summary>
    public static (int Start, int End)[] ReadCoverage(ReadOnlySpan<byte> data, int faceIndex, string source)
    {
        try
        {
            int dir = DirectoryOffset(data, faceIndex);
            if (!TryFindTable(data, dir, "cmap", out int cmap, out _))
            {
                return [];
            }

            int count = ReadU16(data, cmap + 2);
            int best = -1;
            int bestRank = 0;
            for (int i = 0; i < count; i++)
            {
                int rec = cmap + 4 + (i * 8);
                int platform = ReadU16(data, rec);
                int encoding = ReadU16(data, rec + 2);
                int sub = cmap + (int)ReadU32(data, rec + 4);
                int format = ReadU16(data, sub);
                int rank = (platform, encoding, format) switch
                {
                    (3, 10, 12) or (0, 4, 12) or (0, 6, 12) => 3,
                    (3, 1, 4) or (0, 3, 4) => 2,
                    (0, _, 4) or (3, 0, 4) => 1,
                    _ => 0,
                };
                if (rank > bestRank)
                {
                    bestRank = rank;
                    best = sub;
                }
            }

            if (best < 0)
            {
                return [];
            }

            var ranges = new List<(int, int)>();
            if (ReadU16(data, best) == 12)
            {
                uint groups = ReadU32(data, best + 12);
                for (uint g = 0; g < groups; g++)
                {
                    int p = checked(best + 16 + (int)(g * 12));
                    ranges.Add(((int)ReadU32(data, p), (int)ReadU32(data, p + 4)));
                }
            }
            else
            {
                // Segments must ascend without overlapping (OpenType cmap format 4); a mutated table with 32,767
                // segments each spanning the BMP would otherwise walk 2^31 code points and build a list of millions.
                int previousEnd = -1;
                int segX2 = ReadU16(data, best + 6);
                int ends = best + 14;
                int starts = ends + segX2 + 2;
                int deltas = starts + segX2;
                int offsets = deltas + segX2;
                for (int s = 0; s < segX2 / 2; s++)
                {
                    int end = ReadU16(data, ends + (s * 2));
                    int start = ReadU16(data, starts + (s * 2));
                    int delta = ReadU16(data, deltas + (s * 2));
                    int rangeOffset = ReadU16(data, offsets + (s * 2));
                    if (start == 0xFFFF)
                    {
                        continue;
                    }

                    if (start > end || start <= previousEnd)
                    {
                        throw new FontFileException($"font cmap segments overlap or are out of order: {source}");
                    }

                    previousEnd = end;

                    // Keep only code points that map to a real glyph; fonts often map whole blocks to glyph 0.
                    int runStart = -1;
                    for (int c = start; c <= end; c++)
                    {
                        int glyph;
                        if (rangeOffset == 0)
                        {
                            glyph = (c + delta) & 0xFFFF;
                        }
                        else
                        {
                            int at = offsets + (s * 2) + rangeOffset + ((c - start) * 2);
                            glyph = ReadU16(data, at);
                            glyph = glyph == 0 ? 0 : (glyph + delta) & 0xFFFF;
                        }

                        if (glyph != 0 && runStart < 0)
                        {
                            runStart = c;
                        }
                        else if (glyph == 0 && runStart >= 0)
                        {
                            ranges.Add((runStart, c - 1));
                            runStart = -1;
                        }
                    }

                    if (runStart >= 0)
                    {
                        ranges.Add((runStart, end));
                    }
                }
            }

            ranges.Sort();
            return [.. ranges];
        }
        catch (Exception e) when (e is ArgumentOutOfRangeException or IndexOutOfRangeException or OverflowException)
        {
            throw new FontFileException($"font file is corrupt: {source}", e);
        }
    }

    private static int DirectoryOffset(ReadOnlySpan<byte> data, int faceIndex)
    {
        if (ReadU32(data, 0) != TTC_TAG)
        {
            if (faceIndex != 0)
            {
                throw new ArgumentOutOfRangeException(nameof(faceIndex));
            }

            return 0;
        }

        uint count = ReadU32(data, 8);
        if ((uint)faceIndex >= count)
        {
            throw new ArgumentOutOfRangeException(nameof(faceIndex));
        }

        return checked((int)ReadU32(data, 12 + (faceIndex * 4)));
    }

    private static bool TryFindTable(ReadOnlySpan<byte> data, int dir, string tag, out int offset, out int length)
    {
        uint want = BinaryPrimitives.ReadUInt32BigEndian(Encoding.ASCII.GetBytes(tag));
        int numTables = ReadU16(data, dir + 4);
        for (int i = 0; i < numTables; i++)
        {
            int rec = dir + 12 + (i * 16);
            if (ReadU32(data, rec) == want)
            {
                offset = checked((int)ReadU32(data, rec + 8));
                length = checked((int)ReadU32(data, rec + 12));
                Require(data, offset, length);
                return true;
            }
        }

        offset = 0;
        length = 0;
        return false;
    }

    private static string? ReadName(ReadOnlySpan<byte> data, int table, int nameId)
    {
        int count = ReadU16(data, table + 2);
        int strings = table + ReadU16(data, table + 4);
        string? fallback = null;
        for (int i = 0; i < count; i++)
        {
            int rec = table + 6 + (i * 12);
            int platform = ReadU16(data, rec);
            int language = ReadU16(data, rec + 4);
            if (ReadU16(data, rec + 6) != nameId)
            {
                continue;
            }

            int length = ReadU16(data, rec + 8);
            int offset = strings + ReadU16(data, rec + 10);
            Require(data, offset, length);
            ReadOnlySpan<byte> bytes = data.Slice(offset, length);
            string value = platform is 0 or 3 ? Encoding.BigEndianUnicode.GetString(bytes) : Encoding.Latin1.GetString(bytes);
            if (platform == 3 && language == 0x409)
            {
                return value;
            }

            fallback ??= value;
        }

        return fallback;
    }

    private static void Require(ReadOnlySpan<byte> data, int offset, int length)
    {
        if (offset < 0 || length < 0 || (long)offset + length > data.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(offset));
        }
    }

    private static int ReadU16(ReadOnlySpan<byte> data, int offset) => BinaryPrimitives.ReadUInt16BigEndian(data.Slice(offset, 2));

    private static uint ReadU32(ReadOnlySpan<byte> data, int offset) => BinaryPrimitives.ReadUInt32BigEndian(data.Slice(offset, 4));
}

/// <summary>What a font file says about one face.</summary>
internal readonly record struct FaceDescriptor(string Family, string LegacyFamily, double Weight, double Width, bool IsItalic);
