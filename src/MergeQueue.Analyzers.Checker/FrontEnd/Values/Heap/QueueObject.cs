using System.Collections;
using System.Collections.Generic;
using MergeQueue.Analyzers.FrontEnd.Interpreter;

namespace MergeQueue.Analyzers.FrontEnd.Values.Heap;

/// <summary>A <c>Queue&lt;T&gt;</c>; elements are kept in order from head to tail.</summary>
internal sealed class QueueObject : HeapObject, IEnumerable<Value>
{
    private readonly List<Value> items;
    private int head;

    public QueueObject(List<Value> items) => this.items = items;

    public QueueObject()
        : this(new List<Value>())
    {
    }

    public int Count => items.Count - head;

    public int Version { get; private set; }

    public Value this[int index] => items[head + index];

    public void Enqueue(Value value)
    {
        items.Add(value);
        Version++;
    }

    public Value Dequeue()
    {
        if (Count == 0)
        {
            throw Errors.QueueEmpty();
        }

        var value = items[head];
        items[head++] = default;
        if (head > 32 && head * 2 > items.Count)
        {
            items.RemoveRange(0, head);
            head = 0;
        }

        Version++;
        return value;
    }

    public Value Peek() => Count == 0 ? throw Errors.QueueEmpty() : items[head];

    public void Clear()
    {
        items.Clear();
        head = 0;
        Version++;
    }

    public QueueObject Copy() => new(items.GetRange(head, Count));

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
