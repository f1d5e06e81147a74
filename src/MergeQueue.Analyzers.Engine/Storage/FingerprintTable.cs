using System;

namespace MergeQueue.Analyzers.Engine;

/// <summary>
/// An open-addressing table (linear probing) of 64-bit state fingerprints, each with its state number unless the
/// table is told numbers are not needed: flat arrays and no object per entry. Fingerprint 0 marks an empty slot, so
/// <see cref="Key"/> never returns 0.
/// </summary>
/// <remarks>
/// <para>
/// Numbers are kept in one of two ways (<see cref="TableLayout"/>): side by side with their fingerprints, 16 bytes a
/// slot, so that finding a state costs one memory miss, the cost that bounds a search once the table outgrows the
/// caches; or in an array of their own, 12 bytes a slot, for fingerprint mode with a liveness property, where a slot's
/// four bytes count more. Without numbers (fingerprint mode with no graph to keep: only whether a state is new
/// matters) a slot is 8 bytes.
/// </para>
/// <para>
/// Several fingerprints may be equal; <see cref="Probe"/> walks them all so that in exact mode the caller compares the
/// states themselves. Reads are safe from several threads while nobody adds.
/// </para>
/// <para>
/// A key's first slot is its high half scaled to the capacity, so a capacity need not be a power of two. Growing copies
/// every key into a table twice the size, so for a moment both are held: half again the table. When the keys are kept
/// elsewhere anyway (fingerprint mode records them for the liveness search), the table drops its slots first and reads
/// the keys back from there, so it holds only the new slots, and then it grows by half rather than double: a table at
/// a load of 1/2 to 3/4 instead of 3/8 to 3/4.
/// </para>
/// </remarks>
internal sealed class FingerprintTable
{
    // The number of a state when numbers are not kept: any known state.
    private const int Unnumbered = 0;

    // Fingerprint of slot i at [i << strideShift]; its number, when kept, in the word after it (stride 1) or at [i] in
    // numbers (separate layout).
    private readonly int strideShift;
    private readonly bool separate;
    private ulong[] slots = null!;
    private int[]? numbers;
    private int capacity;
    private int limit;

    // What the slots touched before a batch of inserts held, so that the reads are not optimized away.
    private ulong touchedSink;

    // Calls back with every key in the table and its number, in batches, when they are kept elsewhere.
    private readonly Action<KeyBatch>? keysAgain;

    /// <summary>Receives <paramref name="count"/> keys and their numbers, from the start of the two arrays.</summary>
    internal delegate void KeyBatch(ulong[] keys, int[] numbers, int count);

    /// <param name="layout">How (and whether) state numbers are kept.</param>
    /// <param name="keysAgain">
    /// Calls back with every key in the table and its number (in any order, a batch at a time), when they can be read
    /// again from elsewhere; the table then grows without holding its old slots and the new ones at once.
    /// </param>
    internal FingerprintTable(TableLayout layout = TableLayout.NumbersBeside, Action<KeyBatch>? keysAgain = null)
    {
        strideShift = layout == TableLayout.NumbersBeside ? 1 : 0;
        separate = layout == TableLayout.NumbersApart;
        this.keysAgain = keysAgain;
        Allocate(1 << 10);
    }

    internal int Count { get; private set; }

    internal int Capacity => capacity;

    /// <summary>True when the table keeps state numbers.</summary>
    internal bool Numbered => strideShift == 1 || separate;

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
    internal int Home(ulong key) => (int)(((key >> 32) * (ulong)capacity) >> 32);

    /// <summary>
    /// Reads the first slot of <paramref name="key"/> so that a probe soon after finds it in the cache: a search
    /// touches all of a state's successors before probing for each, so their memory misses overlap.
    /// </summary>
    internal ulong Touch(ulong key)
    {
        int home = Home(key);
        ulong word = slots[home << strideShift];
        return numbers is null ? word : word ^ (uint)numbers[home];
    }

    /// <summary>
    /// Walks from <paramref name="slot"/> to the next slot holding <paramref name="key"/> and returns its state number
    /// (0 when numbers are not kept), leaving <paramref name="slot"/> just after it; -1 when an empty slot comes first
    /// (the key is not there), leaving <paramref name="slot"/> at that empty slot.
    /// </summary>
    internal int Probe(ulong key, ref int slot)
    {
        ulong[] table = slots;
        int end = capacity;
        int stride = strideShift;
        int at = slot;
        while (true)
        {
            ulong stored = table[at << stride];
            if (stored == key)
            {
                slot = at + 1 == end ? 0 : at + 1;
                return stride == 1 ? unchecked((int)table[(at << 1) + 1]) : numbers is null ? Unnumbered : numbers[at];
            }

            if (stored == 0)
            {
                slot = at;
                return -1;
            }

            at = at + 1 == end ? 0 : at + 1;
        }
    }

    /// <summary>Adds <paramref name="key"/> for state <paramref name="id"/> (the caller knows it is new).</summary>
    internal void Add(ulong key, int id)
    {
        if (Count >= limit)
        {
            Grow();
        }

        Insert(key, id);
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
        SetId(slot, id);
        Count++;
    }

    /// <summary>Changes the state number stored at <paramref name="slot"/> (nothing when numbers are not kept).</summary>
    internal void SetId(int slot, int id)
    {
        if (strideShift == 1)
        {
            slots[(slot << 1) + 1] = unchecked((uint)id);
        }
        else if (numbers is not null)
        {
            numbers[slot] = id;
        }
    }

    /// <summary>The bytes the table takes (for statistics).</summary>
    internal long Bytes => ((long)slots.Length * sizeof(ulong)) + ((long)(numbers?.Length ?? 0) * sizeof(int));

    private void Insert(ulong key, int id)
    {
        int at = Home(key);
        while (slots[at << strideShift] != 0)
        {
            at = at + 1 == capacity ? 0 : at + 1;
        }

        slots[at << strideShift] = key;
        SetId(at, id);
    }

    private void Grow()
    {
        if (keysAgain is not null)
        {
            GrowFromKeys();
            return;
        }

        ulong[] old = slots;
        int[]? oldNumbers = numbers;
        int oldCapacity = capacity;
        Allocate(oldCapacity * 2);
        for (int at = 0; at < oldCapacity; at++)
        {
            ulong key = old[at << strideShift];
            if (key != 0)
            {
                int id = strideShift == 1 ? unchecked((int)old[(at << 1) + 1]) : oldNumbers is null ? Unnumbered : oldNumbers[at];
                Insert(key, id);
            }
        }
    }

    private void GrowFromKeys()
    {
        int grown = capacity + (capacity / 2);
        slots = Array.Empty<ulong>();
        numbers = null;
        Allocate(grown);
        int added = 0;
        keysAgain!((keys, ids, count) =>
        {
            // Touching every key's first slot before inserting any lets their memory misses overlap.
            ulong touched = 0;
            for (int i = 0; i < count; i++)
            {
                touched ^= slots[Home(keys[i]) << strideShift];
            }

            touchedSink ^= touched;
            for (int i = 0; i < count; i++)
            {
                Insert(keys[i], ids[i]);
            }

            added += count;
        });
        if (added != Count)
        {
            throw new InvalidOperationException("The keys read again were " + added + ", not the table's " + Count + ".");
        }
    }

    private void Allocate(int slotCount)
    {
        if (slotCount <= 0 || slotCount > (1 << 30) >> strideShift)
        {
            throw new InvalidOperationException("The state table cannot grow past 2^30 words.");
        }

        slots = new ulong[slotCount << strideShift];
        numbers = separate ? new int[slotCount] : null;
        capacity = slotCount;
        limit = slotCount / 4 * 3;
    }
}
