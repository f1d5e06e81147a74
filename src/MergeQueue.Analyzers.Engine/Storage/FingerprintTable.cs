using System;

namespace MergeQueue.Analyzers.Engine;

/// <summary>
/// An open-addressing table (linear probing) from 64-bit state fingerprints to state numbers: two flat arrays and
/// no object per entry. Fingerprint 0 marks an empty slot, so <see cref="Key"/> never returns 0.
/// </summary>
/// <remarks>
/// Several fingerprints may be equal; <see cref="Probe"/> walks them all so that in exact mode the caller compares the
/// states themselves. Reads are safe from several threads while nobody adds.
/// </remarks>
internal sealed class FingerprintTable
{
    private ulong[] keys = null!;
    private int[] ids = null!;
    private int shift;
    private int mask;
    private int limit;

    internal FingerprintTable()
    {
        Allocate(1 << 10);
    }

    internal int Count { get; private set; }

    internal int Capacity => keys.Length;

    /// <summary>A well-spread, nonzero key for a raw 64-bit hash (a bijective finalizer, then 0 moved aside).</summary>
    internal static ulong Key(ulong hash)
    {
        hash ^= hash >> 33;
        hash *= 0xFF51AFD7ED558CCDUL;
        hash ^= hash >> 33;
        hash *= 0xC4CEB9FE1A85EC53UL;
        hash ^= hash >> 33;
        return hash == 0 ? 0x9E3779B97F4A7C15UL : hash;
    }

    /// <summary>The first slot to look at for <paramref name="key"/>.</summary>
    internal int Home(ulong key) => (int)(key >> shift);

    /// <summary>
    /// Walks from <paramref name="slot"/> to the next slot holding <paramref name="key"/> and returns its state number,
    /// leaving <paramref name="slot"/> just after it; -1 when an empty slot comes first (the key is not there).
    /// </summary>
    internal int Probe(ulong key, ref int slot)
    {
        ulong[] table = keys;
        int m = mask;
        int at = slot;
        while (true)
        {
            ulong stored = table[at];
            if (stored == key)
            {
                slot = (at + 1) & m;
                return ids[at];
            }

            if (stored == 0)
            {
                slot = at;
                return -1;
            }

            at = (at + 1) & m;
        }
    }

    /// <summary>Adds <paramref name="key"/> for state <paramref name="id"/> (the caller knows it is new).</summary>
    internal void Add(ulong key, int id)
    {
        if (Count >= limit)
        {
            Grow();
        }

        Insert(keys, ids, mask, key >> shift, key, id);
        Count++;
    }

    /// <summary>
    /// Grows the table now if adding <paramref name="extra"/> more keys would make it grow, so that slots found by
    /// <see cref="Probe"/> stay valid for <see cref="InsertAt"/> until then.
    /// </summary>
    internal void Reserve(int extra)
    {
        while (Count + extra > limit)
        {
            Grow();
        }
    }

    /// <summary>
    /// Adds <paramref name="key"/> at the empty slot a failed <see cref="Probe"/> left (after <see cref="Reserve"/>).
    /// </summary>
    internal void InsertAt(int slot, ulong key, int id)
    {
        keys[slot] = key;
        ids[slot] = id;
        Count++;
    }

    /// <summary>Changes the state number stored at <paramref name="slot"/>.</summary>
    internal void SetId(int slot, int id) => ids[slot] = id;

    /// <summary>The bytes the table takes (for statistics).</summary>
    internal long Bytes => (long)keys.Length * (sizeof(ulong) + sizeof(int));

    private static void Insert(ulong[] table, int[] numbers, int m, ulong home, ulong key, int id)
    {
        int at = (int)home;
        while (table[at] != 0)
        {
            at = (at + 1) & m;
        }

        table[at] = key;
        numbers[at] = id;
    }

    private void Grow()
    {
        ulong[] oldKeys = keys;
        int[] oldIds = ids;
        Allocate(oldKeys.Length * 2);
        for (int at = 0; at < oldKeys.Length; at++)
        {
            if (oldKeys[at] != 0)
            {
                Insert(keys, ids, mask, oldKeys[at] >> shift, oldKeys[at], oldIds[at]);
            }
        }
    }

    private void Allocate(int capacity)
    {
        if (capacity <= 0 || capacity > (1 << 30))
        {
            throw new InvalidOperationException("The state table cannot grow past 2^30 slots.");
        }

        keys = new ulong[capacity];
        ids = new int[capacity];
        mask = capacity - 1;
        shift = 64 - Log2(capacity);
        limit = capacity / 4 * 3;
    }

    private static int Log2(int value)
    {
        int log = 0;
        while ((1 << log) < value)
        {
            log++;
        }

        return log;
    }
}
