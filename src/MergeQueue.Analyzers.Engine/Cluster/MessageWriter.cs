using System;
using System.Text;
using MergeQueue.Analyzers.Engine.Runtime;

namespace MergeQueue.Analyzers.Engine.Cluster;

/// <summary>
/// Writes the engine's messages between the coordinator and the shards: unsigned LEB128 numbers (small ones take a
/// byte), strings as UTF-8 with their length, states in their canonical encoding. Nothing depends on the platform.
/// </summary>
internal sealed class MessageWriter
{
    private byte[] buffer;

    internal MessageWriter(int capacity = 64) => buffer = new byte[Math.Max(16, capacity)];

    /// <summary>The bytes written so far.</summary>
    internal int Length { get; private set; }

    internal void Byte(byte value)
    {
        Reserve(1);
        buffer[Length++] = value;
    }

    internal void Bool(bool value) => Byte(value ? (byte)1 : (byte)0);

    /// <summary>An unsigned number, seven bits a byte.</summary>
    internal void Number(ulong value)
    {
        Reserve(10);
        while (value >= 0x80)
        {
            buffer[Length++] = (byte)(value | 0x80);
            value >>= 7;
        }

        buffer[Length++] = (byte)value;
    }

    /// <summary>A count or a local state number: never negative.</summary>
    internal void Count(int value) => Number(checked((ulong)value));

    /// <summary>A number from -1 up (a state or instance where -1 means none), shifted by one.</summary>
    internal void Index(int value) => Number((ulong)((long)value + 1));

    internal void Long(long value) => Number((ulong)value);

    internal void Fixed64(ulong value)
    {
        Reserve(8);
        for (int i = 0; i < 8; i++)
        {
            buffer[Length++] = (byte)(value >> (8 * i));
        }
    }

    internal void Text(string value)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(value);
        Number((ulong)bytes.Length);
        Bytes(bytes, 0, bytes.Length);
    }

    /// <summary>Flags, eight a byte, after their count.</summary>
    internal void Bits(bool[] values)
    {
        Number((ulong)values.Length);
        for (int i = 0; i < values.Length; i += 8)
        {
            byte packed = 0;
            for (int bit = 0; bit < 8 && i + bit < values.Length; bit++)
            {
                packed |= values[i + bit] ? (byte)(1 << bit) : (byte)0;
            }

            Byte(packed);
        }
    }

    /// <summary>
    /// A state: its two words, then the length of its rest plus one (0 when it has none, which differs from an empty
    /// rest to <see cref="PackedState.Equals(PackedState)"/>), then the rest.
    /// </summary>
    internal void State(PackedState state)
    {
        Fixed64(state.Low);
        Fixed64(state.High);
        byte[]? rest = state.Rest;
        Number(rest is null ? 0 : (ulong)rest.Length + 1);
        if (rest is not null)
        {
            Bytes(rest, 0, rest.Length);
        }
    }

    internal void Bytes(byte[] source, int offset, int count)
    {
        Reserve(count);
        Buffer.BlockCopy(source, offset, buffer, Length, count);
        Length += count;
    }

    /// <summary>A copy of the bytes written.</summary>
    internal byte[] ToArray()
    {
        var bytes = new byte[Length];
        Buffer.BlockCopy(buffer, 0, bytes, 0, Length);
        return bytes;
    }

    private void Reserve(int count)
    {
        if (Length + count > buffer.Length)
        {
            Array.Resize(ref buffer, Math.Max(buffer.Length * 2, Length + count));
        }
    }
}
