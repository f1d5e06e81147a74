using System;

namespace MergeQueue.Analyzers.Engine;

/// <summary>
/// The number of each state by its key, for fingerprint mode's liveness search, once the fingerprint table is gone:
/// the keys grouped by their leading bits, each with its number, and a directory of where each group starts. Twelve
/// bytes a state and a little, against sixteen a slot for a table that keeps numbers (at a load of 3/8 to 3/4).
/// </summary>
/// <remarks>
/// Built by a counting sort over two readings of the keys (one counts the groups, one places each key), so it needs
/// no other copy of them and no comparison sort. Keys are well spread (<see cref="FingerprintTable.Key"/>), so a group
/// holds two to four keys on average. Keys are distinct: in fingerprint mode equal keys are one state.
/// </remarks>
internal sealed class FingerprintIndex
{
    private readonly ulong[] keys;
    private readonly int[] numbers;
    private readonly int[] groupStart;
    private readonly int shift;

    /// <param name="readKeys">Reads the keys in number order, from the first; called twice.</param>
    /// <param name="count">The number of states.</param>
    internal FingerprintIndex(Func<TemporaryLog.Reader> readKeys, int count)
    {
        int bits = 1;
        while (bits < 30 && (1L << (bits + 1)) <= count)
        {
            bits++;
        }

        shift = 64 - bits;
        int groups = 1 << bits;
        groupStart = new int[groups + 1];
        TemporaryLog.Reader reader = readKeys();
        for (int number = 0; number < count; number++)
        {
            groupStart[(int)(reader.Read(8) >> shift) + 1]++;
        }

        for (int group = 0; group < groups; group++)
        {
            groupStart[group + 1] += groupStart[group];
        }

        // Each group fills from its start; next[g] is where its next key goes.
        keys = new ulong[count];
        numbers = new int[count];
        int[] next = (int[])groupStart.Clone();
        reader = readKeys();
        for (int number = 0; number < count; number++)
        {
            ulong key = reader.Read(8);
            int at = next[(int)(key >> shift)]++;
            keys[at] = key;
            numbers[at] = number;
        }
    }

    /// <summary>The number of the state whose key is <paramref name="key"/>.</summary>
    /// <exception cref="InvalidOperationException">No state has that key.</exception>
    internal int NumberOf(ulong key)
    {
        int group = (int)(key >> shift);
        for (int at = groupStart[group], end = groupStart[group + 1]; at < end; at++)
        {
            if (keys[at] == key)
            {
                return numbers[at];
            }
        }

        throw new InvalidOperationException("A step leads to a fingerprint no state has.");
    }
}
