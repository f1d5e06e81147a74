using System;
using System.Collections.Generic;
using MergeQueue.Analyzers.FrontEnd.Values;

namespace MergeQueue.Analyzers.FrontEnd.Interpreter.Packing;

/// <summary>
/// One execution's working storage for encoding and decoding states: the objects each codec decoded last (reused
/// by the next decode of the same field, so a state already seen costs no garbage), sort buffers, and the
/// objects met while encoding, to find one mutable object in two places (SPEC §2).
/// </summary>
internal sealed class PackContext(int codecCount)
{
    private readonly object?[]?[] pools = new object?[]?[codecCount];
    private readonly int[] taken = new int[codecCount];
    private readonly Value[]?[] keyBuffers = new Value[]?[codecCount];
    private readonly Value[]?[] valueBuffers = new Value[]?[codecCount];
    // The objects met while encoding, with their fields: a list searched from end to end while short (a state holds
    // few objects, and hashing each costs more), a dictionary past that.
    private const int ShortList = 24;
    private readonly object?[] met = new object?[ShortList];
    private readonly int[] metIn = new int[ShortList];
    private readonly Dictionary<object, int> seen = new(IdentityComparer.Instance);
    private int metCount;
    private char[] chars = new char[64];
    private int[] dimensions = new int[4];

    /// <summary>
    /// The run's cancellation (its time limit too), looked at before a long value is coded, so that a state of huge
    /// values stops within one value's coding of its limit, not after the whole state.
    /// </summary>
    public System.Threading.CancellationToken Cancellation { get; set; }

    /// <summary>Throws when the run was cancelled and <paramref name="count"/> elements are about to be coded.</summary>
    public void BeforeLong(int count) => LongValues.Check(count, Cancellation);

    /// <summary>Whether <see cref="Visit"/> records objects (some object could be reached from two places).</summary>
    public bool Tracking { get; set; }

    /// <summary>The state field being encoded, for naming a sharing.</summary>
    public int Field { get; set; }

    /// <summary>The first sharing found while encoding: two field indexes.</summary>
    public (int First, int Second)? Shared { get; private set; }

    /// <summary>Starts decoding a field again: its codecs hand out their pooled objects from the first.</summary>
    public void Rewind(int firstCodec, int endCodec) => Array.Clear(taken, firstCodec, endCodec - firstCodec);

    /// <summary>The next object of <paramref name="codec"/>'s pool (null when the pool has no more), to reuse or replace.</summary>
    public ref object? Next(int codec)
    {
        var pool = pools[codec];
        int at = taken[codec]++;
        if (pool is null || at == pool.Length)
        {
            Array.Resize(ref pool, pool is null ? 4 : pool.Length * 2);
            pools[codec] = pool;
        }

        return ref pool[at];
    }

    public Value[] Keys(int codec, int count) => Buffer(keyBuffers, codec, count);

    public Value[] Values(int codec, int count) => Buffer(valueBuffers, codec, count);

    public char[] Chars(int count)
    {
        if (chars.Length < count)
        {
            chars = new char[Math.Max(count, chars.Length * 2)];
        }

        return chars;
    }

    public int[] Dimensions(int rank)
    {
        if (dimensions.Length < rank)
        {
            dimensions = new int[rank];
        }

        return dimensions;
    }

    /// <summary>Starts encoding a state.</summary>
    public void BeginEncoding(bool tracking)
    {
        Tracking = tracking;
        Shared = null;
        Array.Clear(met, 0, Math.Min(metCount, ShortList));
        metCount = 0;
        if (seen.Count > 0)
        {
            seen.Clear();
        }
    }

    /// <summary>Records that the field being encoded reaches <paramref name="mutable"/>.</summary>
    public void Visit(object mutable)
    {
        if (!Tracking)
        {
            return;
        }

        if (metCount < ShortList)
        {
            for (int i = 0; i < metCount; i++)
            {
                if (ReferenceEquals(met[i], mutable))
                {
                    Shared ??= (metIn[i], Field);
                    return;
                }
            }

            met[metCount] = mutable;
            metIn[metCount++] = Field;
            return;
        }

        if (metCount == ShortList)
        {
            for (int i = 0; i < ShortList; i++)
            {
                seen.Add(met[i]!, metIn[i]);
            }

            metCount++;
        }

        if (seen.TryGetValue(mutable, out int first))
        {
            Shared ??= (first, Field);
        }
        else
        {
            seen.Add(mutable, Field);
        }
    }

    private static Value[] Buffer(Value[]?[] buffers, int codec, int count)
    {
        var buffer = buffers[codec];
        if (buffer is null || buffer.Length < count)
        {
            buffer = buffers[codec] = new Value[Math.Max(count, buffer is null ? 8 : buffer.Length * 2)];
        }

        return buffer;
    }
}
