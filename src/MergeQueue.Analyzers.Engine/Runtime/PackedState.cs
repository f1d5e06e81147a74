using System;

namespace MergeQueue.Analyzers.Engine.Runtime;

/// <summary>
/// A state of a generated adapter (<see cref="EncodedModel{TModel}"/>) as its canonical encoding
/// (<see cref="StateCoding"/>) held in two machine words, with any bytes past the sixteenth in <see cref="Rest"/>.
/// The merge-queue family fits in the words, so a step allocates nothing and the engine stores a state as a value.
/// </summary>
/// <remarks>
/// Unused bytes are zero. The encoding of a model's state is self-delimiting (a fixed sequence of fields, varints and
/// length-prefixed arrays), so no encoding is another one followed by zeros, and the words with the rest identify
/// the state without storing its length.
/// </remarks>
public readonly struct PackedState : IEquatable<PackedState>
{
    internal PackedState(ulong low, ulong high, byte[]? rest)
    {
        Low = low;
        High = high;
        Rest = rest;
    }

    /// <summary>Bytes 0 to 7 of the encoding, the first in the lowest bits.</summary>
    public ulong Low { get; }

    /// <summary>Bytes 8 to 15 of the encoding, the first in the lowest bits.</summary>
    public ulong High { get; }

    /// <summary>The bytes past the sixteenth, or null when the encoding fits in the words.</summary>
    internal byte[]? Rest { get; }

    /// <inheritdoc/>
    public bool Equals(PackedState other) =>
        Low == other.Low && High == other.High && (Rest is null ? other.Rest is null : StateCoding.BytesEqual(Rest, other.Rest));

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is PackedState other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        ulong hash = Hash64();
        return unchecked((int)hash ^ (int)(hash >> 32));
    }

    /// <summary>A stable 64-bit hash, the same on every run and machine.</summary>
    /// <returns>The hash.</returns>
    public ulong Hash64()
    {
        unchecked
        {
            long rest = Rest is null ? 0 : (long)StateCoding.Hash(Rest);
            return (ulong)StateHash.Mix((long)Low ^ StateHash.Mix((long)High ^ rest));
        }
    }
}
