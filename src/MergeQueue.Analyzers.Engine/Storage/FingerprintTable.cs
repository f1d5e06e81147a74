using System;

namespace MergeQueue.Analyzers.Engine;

/// <summary>
/// An open-addressing table (linear probing) of 64-bit state fingerprints, each with its state number unless the
/// table is told numbers are not needed: one flat array, a fingerprint and its number side by side, and no object per
/// entry. Fingerprint 0 marks an empty slot, so <see cref="Key"/> never returns 0.
/// </summary>
/// <remarks>
/// <para>
/// A fingerprint and its number share a cache line, so finding a state costs one memory miss, the cost that bounds
/// a search once the table outgrows the caches. Without numbers (fingerprint mode with no graph to keep: only
/// whether a state is new matters) a slot is 8 bytes instead of 16.
/// </para>
/// <para>
/// Several fingerprints may be equal; <see cref="Probe"/> walks them all so that in exact mode the caller compares the
/// states themselves. Reads are safe from several threads while nobody adds.
/// </para>
/// <para>
/// Growing copies every key into a table twice the size, so for a moment both are held: half again the table. When
/// the keys are kept elsewhere anyway (fingerprint mode records them for the liveness search), the table drops its
/// slots first and reads the keys back from there, and holds only the new slots.
/// </para>
/// </remarks>
internal sealed class FingerprintTable
{
    // The number of a state when numbers are not kept: any known state.
    private const int Unnumbered = 0;

    // Fingerprint of slot i at [i << shiftOfStride], its number (when kept) in the word after it.
    private readonly int strideShift;
    private ulong[] slots = null!;
    private int shift;
    private int mask;
    private int limit;

    // Calls back with every key in the table and its number, when they are kept elsewhere.
    private readonly Action<Action<ulong, int>>? keysAgain;

    /// <param name="numbered">Keep each state's number (else <see cref="Probe"/> answers 0 for every known state).</param>
    /// <param name="keysAgain">
    /// Calls back with every key in the table and its number (in any order), when they can be read again from
    /// elsewhere; the table then grows without holding its old slots and the new ones at once.
    /// </param>
    internal FingerprintTable(bool numbered = true, Action<Action<ulong, int>>? keysAgain = null)
    {
        strideShift = numbered ? 1 : 0;
        this.keysAgain = keysAgain;
        Allocate(1 << 10);
    }

    internal int Count { get; private set; }

    internal int Capacity => mask + 1;

    /// <summary>True when the table keeps state numbers.</summary>
    internal bool Numbered => strideShift == 1;

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
    /// Reads the first slot of <paramref name="key"/> so that a probe soon after finds it in the cache: a search
    /// touches all of a state's successors before probing for each, so their memory misses overlap.
    /// </summary>
    internal ulong Touch(ulong key) => slots[(int)(key >> shift) << strideShift];

    /// <summary>
    /// Walks from <paramref name="slot"/> to the next slot holding <paramref name="key"/> and returns its state number
    /// (0 when numbers are not kept), leaving <paramref name="slot"/> just after it; -1 when an empty slot comes first
    /// (the key is not there), leaving <paramref name="slot"/> at that empty slot.
    /// </summary>
    internal int Probe(ulong key, ref int slot)
    {
        ulong[] table = slots;
        int m = mask;
        int stride = strideShift;
        int at = slot;
        while (true)
        {
            ulong stored = table[at << stride];
            if (stored == key)
            {
                slot = (at + 1) & m;
                return stride == 0 ? Unnumbered : unchecked((int)table[(at << 1) + 1]);
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

        Insert(slots, mask, strideShift, key >> shift, key, id);
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
        slots[slot << strideShift] = key;
        if (strideShift == 1)
        {
            slots[(slot << 1) + 1] = unchecked((uint)id);
        }

        Count++;
    }

    /// <summary>Changes the state number stored at <paramref name="slot"/> (nothing when numbers are not kept).</summary>
    internal void SetId(int slot, int id)
    {
        if (strideShift == 1)
        {
            slots[(slot << 1) + 1] = unchecked((uint)id);
        }
    }

    /// <summary>The bytes the table takes (for statistics).</summary>
    internal long Bytes => (long)slots.Length * sizeof(ulong);

    private static void Insert(ulong[] table, int m, int stride, ulong home, ulong key, int id)
    {
        int at = (int)home;
        while (table[at << stride] != 0)
        {
            at = (at + 1) & m;
        }

        table[at << stride] = key;
        if (stride == 1)
        {
            table[(at << 1) + 1] = unchecked((uint)id);
        }
    }

    private void Grow()
    {
        if (keysAgain is not null)
        {
            GrowFromKeys();
            return;
        }

        ulong[] old = slots;
        int oldCapacity = Capacity;
        Allocate(oldCapacity * 2);
        for (int at = 0; at < oldCapacity; at++)
        {
            ulong key = old[at << strideShift];
            if (key != 0)
            {
                int id = strideShift == 1 ? unchecked((int)old[(at << 1) + 1]) : Unnumbered;
                Insert(slots, mask, strideShift, key >> shift, key, id);
            }
        }
    }

    private void GrowFromKeys()
    {
        int capacity = Capacity * 2;
        slots = Array.Empty<ulong>();
        Allocate(capacity);
        int added = 0;
        keysAgain!((key, id) =>
        {
            Insert(slots, mask, strideShift, key >> shift, key, id);
            added++;
        });
        if (added != Count)
        {
            throw new InvalidOperationException("The keys read again were " + added + ", not the table's " + Count + ".");
        }
    }

    private void Allocate(int capacity)
    {
        if (capacity <= 0 || capacity > (1 << 30) >> strideShift)
        {
            throw new InvalidOperationException("The state table cannot grow past 2^30 words.");
        }

        slots = new ulong[capacity << strideShift];
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
