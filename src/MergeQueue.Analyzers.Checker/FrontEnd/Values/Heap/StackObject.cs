using System.Collections;
using System.Collections.Generic;
using MergeQueue.Analyzers.FrontEnd.Interpreter;

namespace MergeQueue.Analyzers.FrontEnd.Values.Heap;

/// <summary>A <c>Stack&lt;T&gt;</c>: stored bottom to top, enumerated top to bottom as .NET does.</summary>
internal sealed class StackObject : HeapObject, IEnumerable<Value>
{
    private readonly List<Value> items;

    public StackObject(List<Value> bottomToTop) => items = bottomToTop;

    public StackObject()
        : this(new List<Value>())
    {
    }

    public int Count => items.Count;

    public int Version { get; private set; }

    /// <summary>The element <paramref name="index"/> places below the top.</summary>
    public Value this[int index] => items[items.Count - 1 - index];

    public void Push(Value value)
    {
        items.Add(value);
        Version++;
    }

    public Value Pop()
    {
        if (items.Count == 0)
        {
            throw Errors.StackEmpty();
        }

        var value = items[items.Count - 1];
        items.RemoveAt(items.Count - 1);
        Version++;
        return value;
    }

    public Value Peek() => items.Count == 0 ? throw Errors.StackEmpty() : items[items.Count - 1];

    public void Clear()
    {
        items.Clear();
        Version++;
    }

    public StackObject Copy() => new(new List<Value>(items));

    public IEnumerator<Value> GetEnumerator()
    {
        int version = Version;
        for (int i = 0; i < Count; i++)
        {
            yield return this[i];
            if (version != Version)
            {
                throw Errors.CollectionModified();
            }
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
