using MergeQueue.Analyzers.Engine.Runtime;

namespace MergeQueue.Analyzers.Engine;

/// <summary>
/// The state types whose states can be written to a file: the generated adapters' <see cref="PackedState"/> and a
/// hand-written model's <see cref="long"/>. Other types (objects of the model's class) stay in memory.
/// </summary>
internal static class StateSerializers
{
    /// <summary>The serializer of <typeparamref name="TState"/>, or null when its states cannot be written.</summary>
    internal static IStateSerializer<TState>? For<TState>() =>
        typeof(TState) == typeof(PackedState) ? (IStateSerializer<TState>)(object)PackedStates.Instance
        : typeof(TState) == typeof(long) ? (IStateSerializer<TState>)(object)Longs.Instance
        : null;

    /// <summary>Writes <paramref name="value"/> in 8 bytes, lowest first.</summary>
    internal static int WriteWord(ulong value, ref byte[] buffer, int at)
    {
        Reserve(ref buffer, at + 8);
        for (int i = 0; i < 8; i++)
        {
            buffer[at + i] = (byte)(value >> (i * 8));
        }

        return at + 8;
    }

    internal static ulong ReadWord(byte[] buffer, ref int at)
    {
        ulong value = 0;
        for (int i = 7; i >= 0; i--)
        {
            value = (value << 8) | buffer[at + i];
        }

        at += 8;
        return value;
    }

    /// <summary>Makes <paramref name="buffer"/> at least <paramref name="length"/> long, doubling it.</summary>
    internal static void Reserve(ref byte[] buffer, int length)
    {
        if (buffer.Length < length)
        {
            int size = buffer.Length;
            while (size < length)
            {
                size *= 2;
            }

            System.Array.Resize(ref buffer, size);
        }
    }

    private sealed class PackedStates : IStateSerializer<PackedState>
    {
        internal static readonly PackedStates Instance = new();

        // The two words, then the length of the rest plus one (0 when there is none) as a varint, then the rest.
        public int Write(PackedState state, ref byte[] buffer, int at)
        {
            at = WriteWord(state.Low, ref buffer, at);
            at = WriteWord(state.High, ref buffer, at);
            byte[]? rest = state.Rest;
            uint length = rest is null ? 0u : (uint)rest.Length + 1;
            Reserve(ref buffer, at + 5 + (rest?.Length ?? 0));
            while (length >= 0x80)
            {
                buffer[at++] = (byte)(length | 0x80);
                length >>= 7;
            }

            buffer[at++] = (byte)length;
            if (rest is not null)
            {
                System.Buffer.BlockCopy(rest, 0, buffer, at, rest.Length);
                at += rest.Length;
            }

            return at;
        }

        public PackedState Read(byte[] buffer, ref int at)
        {
            ulong low = ReadWord(buffer, ref at);
            ulong high = ReadWord(buffer, ref at);
            uint length = 0;
            for (int shift = 0; ; shift += 7)
            {
                byte next = buffer[at++];
                length |= (uint)(next & 0x7F) << shift;
                if (next < 0x80)
                {
                    break;
                }
            }

            byte[]? rest = null;
            if (length > 0)
            {
                rest = new byte[length - 1];
                System.Buffer.BlockCopy(buffer, at, rest, 0, rest.Length);
                at += rest.Length;
            }

            return new PackedState(low, high, rest);
        }
    }

    private sealed class Longs : IStateSerializer<long>
    {
        internal static readonly Longs Instance = new();

        public int Write(long state, ref byte[] buffer, int at) => WriteWord(unchecked((ulong)state), ref buffer, at);

        public long Read(byte[] buffer, ref int at) => unchecked((long)ReadWord(buffer, ref at));
    }
}
