using System;
using System.Text;
using MergeQueue.Analyzers.Engine.Runtime;

namespace MergeQueue.Analyzers.Engine.Cluster;

/// <summary>Reads what <see cref="MessageWriter"/> wrote; bytes that end too soon are a malformed message.</summary>
internal sealed class MessageReader
{
    private readonly byte[] bytes;
    private int position;

    internal MessageReader(byte[] bytes) => this.bytes = bytes ?? throw new ArgumentNullException(nameof(bytes));

    /// <summary>True when every byte was read.</summary>
    internal bool AtEnd => position == bytes.Length;

    internal byte Byte()
    {
        if (position >= bytes.Length)
        {
            throw new FormatException("The cluster message ends too soon.");
        }

        return bytes[position++];
    }

    internal bool Bool() => Byte() != 0;

    internal ulong Number()
    {
        ulong value = 0;
        for (int shift = 0; ; shift += 7)
        {
            if (shift > 63)
            {
                throw new FormatException("A number of the cluster message is too long.");
            }

            byte next = Byte();
            value |= (ulong)(next & 0x7F) << shift;
            if (next < 0x80)
            {
                return value;
            }
        }
    }

    internal int Count() => checked((int)Number());

    internal int Index() => checked((int)((long)Number() - 1));

    internal long Long() => (long)Number();

    internal ulong Fixed64()
    {
        ulong value = 0;
        for (int i = 0; i < 8; i++)
        {
            value |= (ulong)Byte() << (8 * i);
        }

        return value;
    }

    internal string Text()
    {
        int length = Count();
        string text = Encoding.UTF8.GetString(Take(length), position - length, length);
        return text;
    }

    internal bool[] Bits()
    {
        var values = new bool[Count()];
        for (int i = 0; i < values.Length; i += 8)
        {
            byte packed = Byte();
            for (int bit = 0; bit < 8 && i + bit < values.Length; bit++)
            {
                values[i + bit] = (packed & (1 << bit)) != 0;
            }
        }

        return values;
    }

    internal PackedState State()
    {
        ulong low = Fixed64();
        ulong high = Fixed64();
        int restLength = Count();
        byte[]? rest = null;
        if (restLength > 0)
        {
            rest = new byte[restLength - 1];
            Buffer.BlockCopy(Take(rest.Length), position - rest.Length, rest, 0, rest.Length);
        }

        return new PackedState(low, high, rest);
    }

    /// <summary>Moves past <paramref name="count"/> bytes and returns the buffer they are in.</summary>
    private byte[] Take(int count)
    {
        if (count < 0 || bytes.Length - position < count)
        {
            throw new FormatException("The cluster message ends too soon.");
        }

        position += count;
        return bytes;
    }
}
