// Fuzz target: loading fonts from bytes (FontCollection.AddStream) and shaping with them.
// Input: real fonts from /usr/share/fonts, truncated, bit-flipped, or with a table record or table body mutated.
// Checks: a typed FontFileException or success, never another exception or a hang; a font that loads is then
// shaped, measured and outlined by HarfBuzz, which must also succeed or give a FontFileException.

using CsCheck;
using Foretext.Fonts;
using Foretext.HarfBuzz;
using Xunit;
using Xunit.Abstractions;

namespace Foretext.Hardening.Fuzz;

public sealed class FontLoadingFuzzTests(ITestOutputHelper output)
{
    // Small, varied fonts: TrueType with kerning, CFF, and a collection header is built from one of them below.
    private static readonly string[] s_candidates =
    [
        "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
        "/usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf",
        "/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf",
        "/usr/share/fonts/truetype/noto/NotoNaskhArabic-Regular.ttf",
        "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    ];

    private static readonly Lazy<IFontSource> s_system = new(FontResolver.CreateSystemSource);

    private enum Mutation { Truncate, FlipBits, TableRecord, TableBody, Junk }

    [Fact]
    public void MutatedFontsLoadOrFailTyped()
    {
        byte[][] fonts = [.. s_candidates.Where(File.Exists).Where(f => new FileInfo(f).Length < 4 << 20).Select(File.ReadAllBytes)];
        Assert.NotEmpty(fonts);
        int loaded = 0;
        int rejected = 0;
        Gen<(int, Mutation, ulong)> gen = Gen.Select(Gen.Int[0, fonts.Length - 1], Gen.Enum<Mutation>(), Gen.ULong);
        SeededRun.Run(output, "font-bytes", gen, cases: 300, TimeSpan.FromSeconds(60), c =>
        {
            byte[] data = Mutate(fonts[c.Item1], c.Item2, new Random((int)c.Item3));
            var collection = new FontCollection();
            try
            {
                collection.AddStream(new MemoryStream(data));
            }
            catch (FontFileException)
            {
                rejected++;
                return;
            }

            loaded++;
            using var measurer = new HarfBuzzTextMeasurer(new HarfBuzzMeasurerOptions { UserFonts = collection, SystemFonts = s_system.Value, MaxCachedChunks = 0 });
            foreach (FontFace face in collection.Faces.Take(2))
            {
                var style = new Shaping.MeasureStyle($"16px \"{face.Family.Replace("\"", "")}\"", null, 0);
                try
                {
                    string text = "Hello AV Wa \u00E9\u0301 \u0627\u0644\u0639 \u65E5\u672C\u3002 fi\uFB01";
                    var advances = new double[text.Length];
                    measurer.MeasureAdvances(text, style, advances);
                    Assert.All(advances, a => Assert.True(double.IsFinite(a)));
                    foreach (ShapedRun run in measurer.ShapeRuns(text, style))
                    {
                        foreach (ShapedGlyph glyph in run.Glyphs.Take(4))
                        {
                            measurer.GetGlyphOutlinePath(run.Face.Face, glyph.GlyphId, 16);
                        }
                    }
                }
                catch (FontFileException)
                {
                    // Typed: a corrupt face found when shaping.
                }
            }
        }, c => $"font {c.Item1} {c.Item2} seed {c.Item3}");
        output.WriteLine($"font-bytes: {loaded} loaded and shaped, {rejected} rejected with FontFileException");
    }

    [Fact]
    public void LimitsAreEnforcedBeforeNativeCode()
    {
        var collection = new FontCollection();
        Assert.Throws<FontFileException>(() => collection.AddStream(new MemoryStream([])));
        Assert.Throws<FontFileException>(() => collection.AddStream(new MemoryStream("wOF2\0\0\0\0\0\0\0\0\0\0\0\0"u8.ToArray())));
        Assert.Throws<FontFileException>(() => collection.AddStream(new EndlessStream()));
        byte[] ttc = new byte[16];
        "ttcf"u8.CopyTo(ttc);
        ttc[8] = 0xFF; // 4 billion faces
        ttc[9] = 0xFF;
        ttc[10] = 0xFF;
        ttc[11] = 0xFF;
        Assert.Throws<FontFileException>(() => collection.AddStream(new MemoryStream(ttc)));
        Assert.Empty(collection.Faces);
    }

    private static byte[] Mutate(byte[] original, Mutation mutation, Random random)
    {
        byte[] data = (byte[])original.Clone();
        int numTables = (data[4] << 8) | data[5];
        bool isCollection = data[0] == 't' && data[1] == 't' && data[2] == 'c';
        switch (mutation)
        {
            case Mutation.Truncate:
                return data[..random.Next(0, data.Length)];
            case Mutation.FlipBits:
                for (int i = random.Next(1, 64); i > 0; i--)
                {
                    data[random.Next(data.Length)] ^= (byte)(1 << random.Next(8));
                }

                return data;
            case Mutation.TableRecord when !isCollection && numTables > 0:
                {
                    // Rewrite a record's offset or length (or both) to a random, boundary or overlapping value.
                    int rec = 12 + (random.Next(numTables) * 16);
                    int field = rec + (random.Next(2) == 0 ? 8 : 12);
                    uint value = random.Next(4) switch
                    {
                        0 => (uint)random.Next(),
                        1 => uint.MaxValue - (uint)random.Next(16),
                        2 => (uint)data.Length - (uint)random.Next(64),
                        _ => 0,
                    };
                    System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(data.AsSpan(field), value);
                    return data;
                }

            case Mutation.TableBody when !isCollection && numTables > 0:
                {
                    // Overwrite the start of one table (cmap, GSUB, GPOS, glyf... whichever is picked) with random bytes or 0xFF.
                    int rec = 12 + (random.Next(numTables) * 16);
                    int offset = (int)System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(data.AsSpan(rec + 8));
                    int length = (int)Math.Min(System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(data.AsSpan(rec + 12)), 512);
                    Span<byte> body = data.AsSpan(offset, Math.Max(0, Math.Min(length, data.Length - offset)));
                    if (random.Next(2) == 0)
                    {
                        random.NextBytes(body);
                    }
                    else
                    {
                        body[..Math.Min(body.Length, random.Next(2, 64))].Fill(0xFF);
                    }

                    return data;
                }

            default:
                random.NextBytes(data.AsSpan(random.Next(data.Length / 2), Math.Min(4096, data.Length / 2)));
                return data;
        }
    }

    private sealed class EndlessStream : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => 0; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => count;
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
