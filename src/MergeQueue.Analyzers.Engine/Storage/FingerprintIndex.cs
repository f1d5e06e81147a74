using System;

namespace MergeQueue.Analyzers.Engine;

/// <summary>
/// The number of each state by its key, for fingerprint mode's liveness search, once the fingerprint table is gone:
/// the keys sorted, each with its number, and a directory of where each run of leading bits starts. Twelve bytes a
/// state and a little, against sixteen a slot for a table that keeps numbers (at a load of 3/8 to 3/4).
/// </summary>
/// <remarks>
/// Keys are well spread (<see cref="FingerprintTable.Key"/>), so a directory entry per two to four states leaves a
/// handful of keys to look through. Keys are distinct: in fingerprint mode equal keys are one state.
/// </remarks>
internal sealed class FingerprintIndex
{
    private readonly ulong[] keys;
    private readonly int[] numbers;
    private readonly int[] directory;
    private readonly int shift;

    /// <param name="keys">Reads the keys in number order.</param>
    /// <param name="count">The number of states.</param>
    internal FingerprintIndex(TemporaryLog.Reader keys, int count)
    {
        this.keys = new ulong[count];
        numbers = new int[count];
        for (int number = 0; number < count; number++)
        {
            this.keys[number] = keys.Read(8);
            numbers[number] = number;
        }

        Array.Sort(this.keys, numbers);

        int bits = 1;
        while (bits < 30 && (1L << (bits + 1)) <= count)
        {
            bits++;
        }

        shift = 64 - bits;
        directory = new int[(1 << bits) + 1];
        int at = 0;
        for (int prefix = 0; prefix < (1 << bits); prefix++)
        {
            directory[prefix] = at;
            while (at < count && (int)(this.keys[at] >> shift) == prefix)
            {
                at++;
            }
        }

        directory[1 << bits] = count;
    }

    /// <summary>The number of the state whose key is <paramref name="key"/>.</summary>
    /// <exception cref="InvalidOperationException">No state has that key.</exception>
    internal int NumberOf(ulong key)
    {
        int prefix = (int)(key >> shift);
        for (int at = directory[prefix], end = directory[prefix + 1]; at < end; at++)
        {
            if (keys[at] == key)
            {
                return numbers[at];
            }
        }

        throw new InvalidOperationException("A step leads to a fingerprint no state has.");
    }
}
