// Stage: tooling support (seeded case generation).
// Input: a 64-bit seed (and stream).
// Output: a reproducible stream of 32-bit numbers, identical on every .NET version.
// PCG-XSH-RR 64/32 (O'Neill, pcg-random.org); System.Random's algorithm is unspecified across versions.
namespace Foretext.Recorder;

/// <summary>PCG32 pseudo-random generator: tiny, fast, fixed algorithm.</summary>
public sealed class Pcg32
{
    private const ulong Multiplier = 6364136223846793005UL;
    private readonly ulong _increment;
    private ulong _state;

    /// <summary>Seeds the generator as pcg32_srandom_r does.</summary>
    public Pcg32(ulong seed, ulong stream = 54)
    {
        _increment = (stream << 1) | 1UL;
        _state = 0;
        NextUInt32();
        _state += seed;
        NextUInt32();
    }

    /// <summary>The next 32 random bits.</summary>
    public uint NextUInt32()
    {
        ulong old = _state;
        _state = unchecked(old * Multiplier + _increment);
        uint xorShifted = (uint)(((old >> 18) ^ old) >> 27);
        int rot = (int)(old >> 59);
        return (xorShifted >> rot) | (xorShifted << ((-rot) & 31));
    }

    /// <summary>Uniform integer in [0, bound), without modulo bias.</summary>
    public int Next(int bound)
    {
        if (bound <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(bound));
        }

        uint b = (uint)bound;
        uint threshold = (uint)(-(int)b) % b;
        while (true)
        {
            uint r = NextUInt32();
            if (r >= threshold)
            {
                return (int)(r % b);
            }
        }
    }

    /// <summary>Uniform integer in [min, max].</summary>
    public int Next(int min, int max) => min + Next(max - min + 1);

    /// <summary>One element of a list.</summary>
    public T Pick<T>(IReadOnlyList<T> items) => items[Next(items.Count)];
}
