// Stage: Shaping. The bounded cache of shaped chunks behind HarfBuzzTextMeasurer.
// Input: a style key and a chunk of text (a word, its trailing spaces and one character of lookahead). Output: the
// chunk's per-UTF-16-unit advances, found from a span without a lock or an allocation.
// Eviction: two generations. New entries go to the current generation; a hit in the previous one is copied forward;
// when the current generation holds half the allowed entries or bytes it becomes the previous one and the old
// previous one is dropped whole. Words in use survive a rotation, the memory held never exceeds the bounds (plus the
// entries other threads are adding at that moment), and reads never take a lock. A global lock around a dictionary
// (what this replaces) serialised every Prepare on the hot path; a clear-when-full policy threw away the working set.

using System.Collections.Concurrent;

namespace Foretext.HarfBuzz;

internal sealed class ShapedChunkCache
{
    // What one entry costs on the 64-bit CLR: the key string (header 22 + 2 per unit), the double[] (24 + 8 per unit)
    // and a ConcurrentDictionary node (~48). Measured against GC.GetTotalMemory in ChunkCacheMemoryTests.
    private const int ENTRY_OVERHEAD_BYTES = 96;

    // A style's own dictionary (buckets and locks of an empty ConcurrentDictionary plus the key).
    private const int STYLE_OVERHEAD_BYTES = 1024;

    private readonly long _maxEntries;
    private readonly long _maxBytes;
    private readonly object _rotateLock = new(); // taken only to rotate or clear, never to read or add
    private Generation _current = new();
    private Generation _previous;

    public ShapedChunkCache(long maxEntries, long maxBytes)
    {
        _maxEntries = maxEntries;
        _maxBytes = maxBytes;
        _previous = _current;
    }

    /// <summary>Entries held now (both generations).</summary>
    public long Count
    {
        get
        {
            Generation current = Volatile.Read(ref _current);
            Generation previous = Volatile.Read(ref _previous);
            return current.Count + (ReferenceEquals(previous, current) ? 0 : previous.Count);
        }
    }

    /// <summary>Estimated bytes held now (both generations).</summary>
    public long Bytes
    {
        get
        {
            Generation current = Volatile.Read(ref _current);
            Generation previous = Volatile.Read(ref _previous);
            return current.Bytes + (ReferenceEquals(previous, current) ? 0 : previous.Bytes);
        }
    }

    public static long EntryBytes(int chunkLength) => ENTRY_OVERHEAD_BYTES + (2L * chunkLength) + (8L * EntryLength(chunkLength));

    /// <summary>Doubles in an entry: one advance per UTF-16 unit, then one 64-bit word of unsafe-to-break bits per 64 units.</summary>
    public static int EntryLength(int chunkLength) => chunkLength + ((chunkLength + 63) >> 6);

    public bool TryGet(in ChunkStyle style, ReadOnlySpan<char> chunk, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out double[]? advances)
    {
        Generation current = Volatile.Read(ref _current);
        if (current.TryGet(style, chunk, out _, out advances))
        {
            return true;
        }

        Generation previous = Volatile.Read(ref _previous);
        if (!ReferenceEquals(previous, current) && previous.TryGet(style, chunk, out string? key, out advances))
        {
            Add(style, key, advances);
            return true;
        }

        return false;
    }

    public void Add(in ChunkStyle style, string chunk, double[] advances)
    {
        long bytes = EntryBytes(chunk.Length);
        if (_maxEntries == 0 || bytes > _maxBytes / 2)
        {
            return; // caching is off, or this chunk alone would take half the budget
        }

        Generation current = Volatile.Read(ref _current);
        if (current.TryAdd(style, chunk, advances, bytes) && (current.Count > _maxEntries / 2 || current.Bytes > _maxBytes / 2))
        {
            lock (_rotateLock)
            {
                if (ReferenceEquals(_current, current))
                {
                    Volatile.Write(ref _previous, current);
                    Volatile.Write(ref _current, new Generation());
                }
            }
        }
    }

    public void Clear()
    {
        lock (_rotateLock)
        {
            var empty = new Generation();
            Volatile.Write(ref _current, empty);
            Volatile.Write(ref _previous, empty);
        }
    }

    private sealed class Generation
    {
        private readonly ConcurrentDictionary<ChunkStyle, ConcurrentDictionary<string, double[]>> _byStyle = new();
        private long _count;
        private long _bytes;

        public long Count => Interlocked.Read(ref _count);

        public long Bytes => Interlocked.Read(ref _bytes);

        public bool TryGet(in ChunkStyle style, ReadOnlySpan<char> chunk, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? key,
            [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out double[]? advances)
        {
            if (_byStyle.TryGetValue(style, out ConcurrentDictionary<string, double[]>? byText) &&
                byText.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(chunk, out key, out advances))
            {
                return true;
            }

            key = null;
            advances = null;
            return false;
        }

        public bool TryAdd(in ChunkStyle style, string chunk, double[] advances, long bytes)
        {
            if (!_byStyle.TryGetValue(style, out ConcurrentDictionary<string, double[]>? byText))
            {
                var fresh = new ConcurrentDictionary<string, double[]>(StringComparer.Ordinal);
                byText = _byStyle.GetOrAdd(style, fresh);
                if (ReferenceEquals(byText, fresh))
                {
                    Interlocked.Add(ref _bytes, STYLE_OVERHEAD_BYTES + (2L * ((style.Font?.Length ?? 0) + (style.Lang?.Length ?? 0))));
                }
            }

            if (!byText.TryAdd(chunk, advances))
            {
                return false;
            }

            Interlocked.Increment(ref _count);
            Interlocked.Add(ref _bytes, bytes);
            return true;
        }
    }
}

/// <summary>What besides the text changes a chunk's advances.</summary>
internal readonly record struct ChunkStyle(string Font, string? Lang, bool NoLigatures, bool LineEnd, HarfBuzzSharp.Script Context);
