using System;
using System.Collections;
using System.Collections.Generic;
using MergeQueue.Analyzers.FrontEnd.Interpreter;

namespace MergeQueue.Analyzers.FrontEnd.Values.Heap;

/// <summary>A <c>List&lt;T&gt;</c> with .NET's checks: index ranges and modification during enumeration.</summary>
internal sealed class ListObject : HeapObject, IEnumerable<Value>
{
    private Value[] items;

    public ListObject(int capacity = 0) => items = capacity == 0 ? Array.Empty<Value>() : new Value[capacity];

    public ListObject(Value[] items, int count)
    {
        this.items = items;
        Count = count;
    }

    public int Count { get; private set; }

    public int Version { get; private set; }

    /// <summary>The backing store; only the first <see cref="Count"/> items are elements.</summary>
    public Value[] Items => items;

    public Value this[long index]
    {
        get => (ulong)index < (ulong)Count ? items[index] : throw Errors.ListIndex();
        set
        {
            if ((ulong)index >= (ulong)Count)
            {
                throw Errors.ListIndex();
            }

            items[index] = value;
            Version++;
        }
    }

    public void Add(Value value)
    {
        if (Count == items.Length)
        {
            Grow();
        }

        items[Count++] = value;
        Version++;
    }

    public void Insert(long index, Value value)
    {
        if ((ulong)index > (ulong)Count)
        {
            throw Errors.ListInsertIndex();
        }

        if (Count == items.Length)
        {
            Grow();
        }

        Array.Copy(items, index, items, index + 1, Count - index);
        items[index] = value;
        Count++;
        Version++;
    }

    public void RemoveAt(long index)
    {
        if ((ulong)index >= (ulong)Count)
        {
            throw Errors.ListIndex();
        }

        Count--;
        Array.Copy(items, index + 1, items, index, Count - index);
        items[Count] = default;
        Version++;
    }

    public void Clear()
    {
        Array.Clear(items, 0, Count);
        Count = 0;
        Version++;
    }

    public int IndexOf(Value value, VType type)
    {
        for (int i = 0; i < Count; i++)
        {
            if (type.ValueEquals(items[i], value))
            {
                return i;
            }
        }

        return -1;
    }

    public void Reverse()
    {
        Array.Reverse(items, 0, Count);
        Version++;
    }

    public ListObject Copy()
    {
        var copy = new Value[Count];
        Array.Copy(items, copy, Count);
        return new ListObject(copy, Count);
    }

    public IEnumerator<Value> GetEnumerator()
    {
        int version = Version;
        for (int i = 0; i < Count; i++)
        {
            yield return items[i];
            if (version != Version)
            {
                throw Errors.CollectionModified();
            }
        }

        if (version != Version)
        {
            throw Errors.CollectionModified();
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private void Grow()
    {
        Allocation.Check(Count + 1L);
        Array.Resize(ref items, items.Length == 0 ? 4 : (int)Math.Min(items.Length * 2L, Allocation.MaxElements));
    }
}
