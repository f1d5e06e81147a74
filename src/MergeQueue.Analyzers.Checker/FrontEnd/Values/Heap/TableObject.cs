using System;
using System.Collections;
using System.Collections.Generic;
using MergeQueue.Analyzers.FrontEnd.Interpreter;

namespace MergeQueue.Analyzers.FrontEnd.Values.Heap;

/// <summary>
/// A <c>HashSet&lt;T&gt;</c> (keys only) or <c>Dictionary&lt;K,V&gt;</c>. Entries keep .NET's enumeration order:
/// insertion order, a removed entry's slot reused by the next add (last freed first). A frozen table is sorted by
/// key, which is what a table rebuilt from a state's canonical form enumerates in.
/// </summary>
internal sealed class TableObject : HeapObject, IEnumerable<int>
{
    private const int IndexThreshold = 8;

    private readonly VType keyType;
    private readonly List<int> free;
    private Value[] keys;
    private Value[]? values;
    private bool[] used;
    private Dictionary<Value, int>? index;

    // Keys in ascending order with no free slot (a table decoded from a state, or copied from a frozen one), until
    // the next insertion or removal: looked up by binary search, with no index to build.
    private bool sorted;

    /// <summary>A set of <paramref name="keyType"/>, or a dictionary enumerating as <paramref name="pair"/>.</summary>
    public TableObject(VType keyType, Types.RecordType? pair)
        : this(keyType, pair, Array.Empty<Value>(), pair is null ? null : Array.Empty<Value>(), Array.Empty<bool>(), 0, 0, new List<int>(), sorted: true)
    {
    }

    /// <summary>An empty set with room for <paramref name="capacity"/> keys: a collection expression's, whose size is known.</summary>
    public TableObject(VType keyType, int capacity)
        : this(keyType, null, capacity == 0 ? Array.Empty<Value>() : new Value[capacity], null, capacity == 0 ? Array.Empty<bool>() : new bool[capacity], 0, 0, new List<int>(), sorted: true)
    {
    }

    private TableObject(VType keyType, Types.RecordType? pair, Value[] keys, Value[]? values, bool[] used, int end, int count, List<int> free, bool sorted)
    {
        this.sorted = sorted;
        this.keyType = keyType;
        Pair = pair;
        this.keys = keys;
        this.values = values;
        this.used = used;
        End = end;
        Count = count;
        this.free = free;
    }

    /// <summary>The type of the keys (a set's elements).</summary>
    public VType KeyType => keyType;

    /// <summary>The key-value pair type a dictionary enumerates; null for a set.</summary>
    public Types.RecordType? Pair { get; }

    public int Count { get; private set; }

    public int Version { get; private set; }

    /// <summary>One past the last slot ever used; slots below it may be free.</summary>
    public int End { get; private set; }

    public bool HasValues => values is not null;

    /// <summary>Whether the slots below <see cref="End"/> are all used and in ascending key order.</summary>
    public bool InKeyOrder => sorted || (Frozen && free.Count == 0);

    public Value KeyAt(int slot) => keys[slot];

    public Value ValueAt(int slot) => values![slot];

    public bool IsUsed(int slot) => used[slot];

    public int Find(Value key)
    {
        if (index is not null)
        {
            return index.TryGetValue(key, out int slot) ? slot : -1;
        }

        if (Frozen || sorted)
        {
            // A frozen table is sorted by key and has no free slots.
            int low = 0;
            int high = End - 1;
            while (low <= high)
            {
                int middle = (low + high) >>> 1;
                int order = keyType.Compare(keys[middle], key);
                if (order == 0)
                {
                    return middle;
                }

                if (order < 0)
                {
                    low = middle + 1;
                }
                else
                {
                    high = middle - 1;
                }
            }

            return -1;
        }

        for (int slot = 0; slot < End; slot++)
        {
            if (used[slot] && keyType.Equal(keys[slot], key))
            {
                return slot;
            }
        }

        return -1;
    }

    /// <summary>Adds a key that is not present; returns its slot.</summary>
    public int Insert(Value key, Value value)
    {
        sorted = false;
        int slot;
        if (free.Count > 0)
        {
            slot = free[free.Count - 1];
            free.RemoveAt(free.Count - 1);
        }
        else
        {
            if (End == keys.Length)
            {
                Grow();
            }

            slot = End++;
        }

        keys[slot] = key;
        if (values is not null)
        {
            values[slot] = value;
        }

        used[slot] = true;
        Count++;
        Version++;
        if (index is not null)
        {
            index.Add(key, slot);
        }
        else if (Count > IndexThreshold)
        {
            BuildIndex();
        }

        return slot;
    }

    // .NET's Remove does not invalidate running enumerations, so the version is kept.
    public bool Remove(Value key)
    {
        int slot = Find(key);
        if (slot < 0)
        {
            return false;
        }

        index?.Remove(key);
        if (sorted)
        {
            sorted = false;
            if (Count > IndexThreshold)
            {
                BuildIndex();
                index!.Remove(key);
            }
        }

        used[slot] = false;
        keys[slot] = default;
        if (values is not null)
        {
            values[slot] = default;
        }

        free.Add(slot);
        Count--;
        return true;
    }

    public void SetValue(int slot, Value value) => values![slot] = value;

    public void Clear()
    {
        Array.Clear(keys, 0, End);
        Array.Clear(used, 0, End);
        if (values is not null)
        {
            Array.Clear(values, 0, End);
        }

        End = 0;
        Count = 0;
        free.Clear();
        index = null;
        sorted = true;
        Version++;
    }

    /// <summary>
    /// Adds a key greater than every key present, to a table still in key order (<see cref="Clear"/>ed, then
    /// refilled from a state): it stays in key order, searched without an index.
    /// </summary>
    public void AppendInOrder(Value key, Value value)
    {
        if (!sorted)
        {
            Insert(key, value);
            return;
        }

        if (End == keys.Length)
        {
            Grow();
        }

        keys[End] = key;
        if (values is not null)
        {
            values[End] = value;
        }

        used[End++] = true;
        Count++;
        Version++;
    }

    public TableObject Copy(Func<Value, Value>? copyValue = null)
    {
        var copiedValues = values is null ? null : (Value[])values.Clone();
        if (copiedValues is not null && copyValue is not null)
        {
            for (int slot = 0; slot < End; slot++)
            {
                if (used[slot])
                {
                    copiedValues[slot] = copyValue(copiedValues[slot]);
                }
            }
        }

        return new TableObject(keyType, Pair, (Value[])keys.Clone(), copiedValues, (bool[])used.Clone(), End, Count, new List<int>(free), sorted || (Frozen && free.Count == 0));
    }

    /// <summary>Sorts the entries by key and drops free slots: the canonical form a state keeps.</summary>
    public void Canonicalize()
    {
        var slots = new List<int>(Count);
        foreach (int slot in this)
        {
            slots.Add(slot);
        }

        slots.Sort((a, b) => keyType.Compare(keys[a], keys[b]));
        var sortedKeys = new Value[Count];
        var sortedValues = values is null ? null : new Value[Count];
        for (int i = 0; i < slots.Count; i++)
        {
            sortedKeys[i] = keys[slots[i]];
            if (sortedValues is not null)
            {
                sortedValues[i] = values![slots[i]];
            }
        }

        keys = sortedKeys;
        values = sortedValues;
        used = new bool[Count];
        for (int i = 0; i < Count; i++)
        {
            used[i] = true;
        }

        End = Count;
        free.Clear();
        index = null;
    }

    /// <summary>The used slots in enumeration order.</summary>
    public IEnumerator<int> GetEnumerator()
    {
        int version = Version;
        for (int slot = 0; slot < End; slot++)
        {
            if (used[slot])
            {
                yield return slot;
                if (version != Version)
                {
                    throw Errors.CollectionModified();
                }
            }
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private void Grow()
    {
        Allocation.Check(keys.Length + 1L);
        int size = keys.Length == 0 ? 4 : (int)Math.Min(keys.Length * 2L, Allocation.MaxElements);
        Array.Resize(ref keys, size);
        Array.Resize(ref used, size);
        if (values is not null)
        {
            Array.Resize(ref values, size);
        }
    }

    private void BuildIndex()
    {
        index = new Dictionary<Value, int>(new ValueComparer(keyType));
        for (int slot = 0; slot < End; slot++)
        {
            if (used[slot])
            {
                index.Add(keys[slot], slot);
            }
        }
    }
}
