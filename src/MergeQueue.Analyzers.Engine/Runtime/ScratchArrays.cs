using System;

namespace MergeQueue.Analyzers.Engine.Runtime;

/// <summary>
/// One thread's arrays for the code the generator emits to encode, decode and restore states (the items of a set
/// sorted for its encoding, the chars of a string read back), kept from one state to the next, each in a slot the
/// generated code numbers. <see cref="EncodedModel{TModel}"/> keeps one per thread and hands it to that code (through
/// <see cref="StateWriter.Arrays"/>, <see cref="StateReader.Arrays"/> and a parameter of <c>Restore</c>), so the
/// generated code needs no thread-static fields: those of an assembly loaded into a collectible load context are torn
/// down when it unloads, while threads that used them may still run.
/// </summary>
public sealed class ScratchArrays
{
    private object?[] slots = Array.Empty<object?>();

    /// <summary>
    /// The array in <paramref name="slot"/>, at least <paramref name="length"/> long: the one kept there, holding what its
    /// last user left, or a longer one that takes its place.
    /// </summary>
    /// <typeparam name="T">The element type; always the same for one slot.</typeparam>
    /// <param name="slot">The slot the generated code gave this array.</param>
    /// <param name="length">The length needed.</param>
    /// <returns>The array.</returns>
    public T[] Get<T>(int slot, int length)
    {
        if (slot >= slots.Length)
        {
            Array.Resize(ref slots, Math.Max(slot + 1, slots.Length * 2));
        }

        var kept = (T[]?)slots[slot];
        if (kept is null || kept.Length < length)
        {
            kept = new T[Math.Max(length, kept is null ? 8 : kept.Length * 2)];
            slots[slot] = kept;
        }

        return kept;
    }
}
