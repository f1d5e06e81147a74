using System.Collections.Generic;
using MergeQueue.Analyzers.FrontEnd.Values;
using MergeQueue.Analyzers.FrontEnd.Values.Heap;

namespace MergeQueue.Analyzers.FrontEnd.Interpreter.Runtime;

/// <summary>
/// Enumerates an interpreted collection as <see cref="Sequences.Enumerate"/> does (the same elements, the same
/// exception when the collection changes meanwhile, the same budget ticks over a range), without allocating an
/// enumerator for an array, a set, a list or a range, or a <c>Select</c> over one: invariants run a query over each
/// of a state's collections.
/// Another sequence's enumerator is not disposed when the query stops early: the interpreter's sequences hold nothing
/// to release.
/// </summary>
internal struct ValueCursor
{
    private readonly ArrayObject? array;
    private readonly TableObject? set;
    private readonly ListObject? list;
    private readonly RangeSequence? range;
    private readonly IEnumerator<Value>? other;
    private readonly int version;
    private readonly SelectSequence? select;
    private int next;

    public ValueCursor(object? source)
    {
        this = default;
        if (source is SelectSequence { Indexed: false, Source: ArrayObject or TableObject { Pair: null } or ListObject or RangeSequence } selected)
        {
            // A Select over a collection: the collection's elements, each through the selector.
            select = selected;
            source = selected.Source;
        }

        switch (source)
        {
            case ArrayObject a:
                array = a;
                break;
            case TableObject { Pair: null } s:
                set = s;
                version = s.Version;
                break;
            case ListObject l:
                list = l;
                version = l.Version;
                break;
            case RangeSequence r:
                range = r;
                break;
            default:
                other = Sequences.Enumerate(source).GetEnumerator();
                break;
        }
    }

    public Value Current { get; private set; }

    /// <summary>Itself, so that <c>foreach</c> walks it without boxing.</summary>
    public ValueCursor GetEnumerator() => this;

    public bool MoveNext()
    {
        if (!MoveNextElement())
        {
            return false;
        }

        if (select is not null)
        {
            select.Ex.Tick(null);
            Current = select.Selector.Invoke(select.Ex, Current);
        }

        return true;
    }

    private bool MoveNextElement()
    {
        if (array is not null)
        {
            if (next >= array.Items.Length)
            {
                return false;
            }

            Current = array.Items[next++];
            return true;
        }

        if (set is not null)
        {
            // The element before was given out and used: a change since then ends the enumeration as .NET's does.
            if (next > 0 && version != set.Version)
            {
                throw Errors.CollectionModified();
            }

            while (next < set.End && !set.IsUsed(next))
            {
                next++;
            }

            if (next >= set.End)
            {
                return false;
            }

            Current = set.KeyAt(next++);
            return true;
        }

        if (list is not null)
        {
            if (version != list.Version)
            {
                throw Errors.CollectionModified();
            }

            if (next >= list.Count)
            {
                return false;
            }

            Current = list.Items[next++];
            return true;
        }

        if (range is not null)
        {
            if (next >= range.Count)
            {
                return false;
            }

            Execution.TickLibrary();
            Current = new Value(range.Start + next++);
            return true;
        }

        if (!other!.MoveNext())
        {
            return false;
        }

        Current = other.Current;
        return true;
    }
}
