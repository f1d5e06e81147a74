using System;

namespace MergeQueue.Analyzers.Engine.Runtime;

/// <summary>
/// The compact encoding of a state for the generated adapters (<see cref="EncodedModel{TModel}"/>): fields in
/// declaration order, bools as one byte, integers, chars and enums as (zigzag) varints, arrays as their length plus
/// one (0 for null) and then their elements. Every value has exactly one encoding, so two states are equal exactly
/// when their encodings are, and states are compared and hashed as bytes (held in a <see cref="PackedState"/>).
/// </summary>
public static class StateCoding
{
    private const ulong Prime = 0x9E3779B97F4A7C15UL;

    /// <summary>Whether two encoded states are the same bytes.</summary>
    /// <param name="x">One encoded state.</param>
    /// <param name="y">The other.</param>
    /// <returns>True when they are equal.</returns>
    internal static bool BytesEqual(byte[]? x, byte[]? y)
    {
        if (ReferenceEquals(x, y))
        {
            return true;
        }

        if (x is null || y is null || x.Length != y.Length)
        {
            return false;
        }

        int i = 0;
        for (; i + 8 <= x.Length; i += 8)
        {
            if (BitConverter.ToUInt64(x, i) != BitConverter.ToUInt64(y, i))
            {
                return false;
            }
        }

        for (; i < x.Length; i++)
        {
            if (x[i] != y[i])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A stable 64-bit hash of an encoded state, the same on every run and machine.</summary>
    /// <param name="state">The encoded state.</param>
    /// <returns>The hash, spread over all 64 bits.</returns>
    internal static ulong Hash(byte[] state)
    {
        if (state is null)
        {
            return unchecked((ulong)StateHash.Null);
        }

        unchecked
        {
            ulong hash = (ulong)state.Length * Prime;
            int i = 0;
            for (; i + 8 <= state.Length; i += 8)
            {
                ulong word = BitConverter.ToUInt64(state, i);
                if (!BitConverter.IsLittleEndian)
                {
                    word = Reverse(word);
                }

                hash = (ulong)StateHash.Mix((long)(hash ^ word));
            }

            if (i < state.Length)
            {
                ulong tail = 0;
                for (int shift = 0; i < state.Length; i++, shift += 8)
                {
                    tail |= (ulong)state[i] << shift;
                }

                hash = (ulong)StateHash.Mix((long)(hash ^ tail));
            }

            return (ulong)StateHash.Mix((long)hash);
        }
    }

    private static ulong Reverse(ulong value)
    {
        ulong result = 0;
        for (int i = 0; i < 8; i++)
        {
            result = (result << 8) | (value & 0xFF);
            value >>= 8;
        }

        return result;
    }
}

/// <summary>Writes one state's encoding (see <see cref="StateCoding"/>) into a reusable buffer.</summary>
public sealed class StateWriter
{
    // Never shorter than 16 bytes: ToPacked reads two words.
    private byte[] buffer = new byte[64];
    private int length;

    /// <summary>The arrays generated encoding code reuses from one state to the next (sorting a set's items).</summary>
    public ScratchArrays Arrays { get; } = new();

    /// <summary>Starts a new encoding.</summary>
    public void Reset() => length = 0;

    /// <summary>The encoding written since <see cref="Reset"/>: two words, and a new array only for bytes past them.</summary>
    /// <returns>The state.</returns>
    public PackedState ToPacked()
    {
        byte[]? rest = null;
        if (length > 16)
        {
            rest = new byte[length - 16];
            Buffer.BlockCopy(buffer, 16, rest, 0, rest.Length);
        }

        return new PackedState(Word(0), Word(8), rest);
    }

    // Bytes start to start + 7 as a word; bytes past the end are left from earlier states and read as zeros.
    private ulong Word(int start)
    {
        int count = length - start;
        if (count <= 0)
        {
            return 0;
        }

        ulong word;
        if (BitConverter.IsLittleEndian)
        {
            word = BitConverter.ToUInt64(buffer, start);
        }
        else
        {
            word = 0;
            for (int i = start + 7; i >= start; i--)
            {
                word = (word << 8) | buffer[i];
            }
        }

        return count >= 8 ? word : word & ((1UL << (count << 3)) - 1);
    }

    /// <summary>Writes a bool as one byte.</summary>
    /// <param name="value">The value.</param>
    public void WriteBool(bool value)
    {
        if (length == buffer.Length)
        {
            Grow();
        }

        buffer[length++] = value ? (byte)1 : (byte)0;
    }

    /// <summary>Writes an unsigned integer as a varint (seven bits a byte, low bits first).</summary>
    /// <param name="value">The value.</param>
    public void WriteUnsigned(ulong value)
    {
        if (length + 10 > buffer.Length)
        {
            Grow();
        }

        while (value >= 0x80)
        {
            buffer[length++] = (byte)(value | 0x80);
            value >>= 7;
        }

        buffer[length++] = (byte)value;
    }

    /// <summary>Writes a signed integer as a zigzag varint (small magnitudes take one byte).</summary>
    /// <param name="value">The value.</param>
    public void WriteSigned(long value) => WriteUnsigned(unchecked((ulong)((value << 1) ^ (value >> 63))));

    /// <summary>Writes an array length, or null as -1.</summary>
    /// <param name="count">The length, or -1 for null.</param>
    public void WriteLength(int count) => WriteUnsigned(unchecked((ulong)(uint)(count + 1)));

    private void Grow() => Array.Resize(ref buffer, buffer.Length * 2);
}

/// <summary>Reads the fields of a <see cref="PackedState"/> in the order <see cref="StateWriter"/> wrote them.</summary>
public struct StateReader
{
    private readonly ulong low;
    private readonly ulong high;
    private readonly byte[]? rest;
    private readonly ScratchArrays? arrays;
    private int position;

    /// <summary>Starts reading at the first field.</summary>
    /// <param name="state">The encoded state.</param>
    public StateReader(PackedState state)
    {
        low = state.Low;
        high = state.High;
        rest = state.Rest;
        arrays = null;
        position = 0;
    }

    /// <summary>Starts reading at the first field, with arrays for the generated decoding code.</summary>
    /// <param name="state">The encoded state.</param>
    /// <param name="arrays">The reading thread's arrays.</param>
    public StateReader(PackedState state, ScratchArrays arrays)
        : this(state)
    {
        this.arrays = arrays;
    }

    /// <summary>The arrays generated decoding code reuses from one state to the next (a string's chars).</summary>
    public ScratchArrays Arrays => arrays ?? throw new InvalidOperationException("This reader was started without scratch arrays.");

    /// <summary>Reads a bool written by <see cref="StateWriter.WriteBool"/>.</summary>
    /// <returns>The value.</returns>
    public bool ReadBool() => NextByte() != 0;

    /// <summary>Reads an unsigned varint written by <see cref="StateWriter.WriteUnsigned"/>.</summary>
    /// <returns>The value.</returns>
    public ulong ReadUnsigned()
    {
        byte b = NextByte();
        if (b < 0x80)
        {
            return b;
        }

        ulong value = (ulong)(b & 0x7F);
        int shift = 7;
        while (true)
        {
            b = NextByte();
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return value;
            }

            shift += 7;
        }
    }

    /// <summary>Reads a signed varint written by <see cref="StateWriter.WriteSigned"/>.</summary>
    /// <returns>The value.</returns>
    public long ReadSigned()
    {
        ulong zigzag = ReadUnsigned();
        return unchecked((long)(zigzag >> 1) ^ -(long)(zigzag & 1));
    }

    /// <summary>Reads an array length written by <see cref="StateWriter.WriteLength"/>: -1 for null.</summary>
    /// <returns>The length, or -1.</returns>
    public int ReadLength() => unchecked((int)ReadUnsigned() - 1);

    private byte NextByte()
    {
        int at = position++;
        if (at < 8)
        {
            return unchecked((byte)(low >> (at << 3)));
        }

        if (at < 16)
        {
            return unchecked((byte)(high >> ((at - 8) << 3)));
        }

        return rest![at - 16];
    }
}
