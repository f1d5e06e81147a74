using System.Runtime.CompilerServices;

namespace MergeQueue.Analyzers.Engine;

/// <summary>
/// A set of state numbers as one bit each: the liveness search's marks over every state, an eighth of a
/// <c>bool[]</c>. Not <see cref="System.Collections.BitArray"/>, whose indexer costs several times an array's, and
/// the searches test a mark for every edge they follow.
/// </summary>
internal sealed class StateSet
{
    private readonly ulong[] words;

    /// <param name="count">States 0 to <paramref name="count"/> - 1 may be added.</param>
    internal StateSet(int count) => words = new ulong[(count + 63) >> 6];

    internal bool this[int state]
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => (words[state >> 6] & (1UL << state)) != 0;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        set
        {
            if (value)
            {
                words[state >> 6] |= 1UL << state;
            }
            else
            {
                words[state >> 6] &= ~(1UL << state);
            }
        }
    }
}
