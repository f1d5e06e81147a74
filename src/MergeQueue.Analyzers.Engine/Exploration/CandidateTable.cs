using System;

namespace MergeQueue.Analyzers.Engine;

/// <summary>
/// The candidates of one expansion chunk by key: an open-addressing table (linear probing) of candidate numbers,
/// so that a worker records a successor reached again within its chunk as a step to the candidate it already has.
/// </summary>
/// <remarks>
/// In breadth-first order a new state is often reached from several states of the same chunk (on the flagship queue
/// three in four candidates repeat one of their chunk), and each repeat would otherwise be kept and looked up again
/// by the merge, which is the part of a batch that does not run on every worker. The table is small enough to stay in
/// the worker's cache. An entry may outlive its candidate (a state whose expansion threw is forgotten), so a hit is
/// only a hint the chunk checks.
/// </remarks>
internal sealed class CandidateTable
{
    private ulong[] keys = new ulong[1024];
    private int[] candidates = new int[1024];
    private int count;

    /// <summary>Forgets every entry.</summary>
    internal void Clear()
    {
        if (count > 0)
        {
            Array.Clear(keys, 0, keys.Length);
            count = 0;
        }
    }

    /// <summary>
    /// The candidates recorded with <paramref name="key"/>, most recent last: walks from <paramref name="slot"/>
    /// (start at <see cref="Home"/>) to the next entry with the key and returns its candidate, or -1 when an empty
    /// slot comes first, leaving <paramref name="slot"/> there for <see cref="AddAt"/>.
    /// </summary>
    internal int Next(ulong key, ref int slot)
    {
        int mask = keys.Length - 1;
        while (true)
        {
            ulong stored = keys[slot];
            if (stored == 0)
            {
                return -1;
            }

            int at = slot;
            slot = (slot + 1) & mask;
            if (stored == key)
            {
                return candidates[at];
            }
        }
    }

    /// <summary>The first slot of <paramref name="key"/> (a nonzero, well-spread fingerprint).</summary>
    internal int Home(ulong key) => (int)(key >> 40) & (keys.Length - 1);

    /// <summary>Records <paramref name="candidate"/> at the empty slot <see cref="Next"/> left.</summary>
    internal void AddAt(int slot, ulong key, int candidate)
    {
        keys[slot] = key;
        candidates[slot] = candidate;
        if (++count * 2 > keys.Length)
        {
            Grow();
        }
    }

    private void Grow()
    {
        ulong[] oldKeys = keys;
        int[] oldCandidates = candidates;
        keys = new ulong[oldKeys.Length * 2];
        candidates = new int[oldKeys.Length * 2];
        int mask = keys.Length - 1;
        for (int i = 0; i < oldKeys.Length; i++)
        {
            if (oldKeys[i] != 0)
            {
                int slot = Home(oldKeys[i]);
                while (keys[slot] != 0)
                {
                    slot = (slot + 1) & mask;
                }

                keys[slot] = oldKeys[i];
                candidates[slot] = oldCandidates[i];
            }
        }
    }
}
