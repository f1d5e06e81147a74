using System;
using System.Collections.Generic;
using MergeQueue.Analyzers.FrontEnd.Values;
using MergeQueue.Analyzers.FrontEnd.Values.Heap;
using MergeQueue.Analyzers.FrontEnd.Values.Types;

namespace MergeQueue.Analyzers.FrontEnd.Interpreter.Runtime;

/// <summary><c>SelectMany</c>, <c>Zip</c>, <c>Chunk</c> and <c>OfType</c>: deferred, as in .NET.</summary>
internal static partial class LazyLinq
{
    /// <summary><c>SelectMany(collectionSelector)</c>, or with <paramref name="result"/> the (item, inner) projection.</summary>
    public static IEnumerable<Value> SelectMany(Execution ex, Value source, Closure selector, Closure? result, bool indexed)
    {
        var items = Linq.Source(source);
        return Iterate();

        IEnumerable<Value> Iterate()
        {
            int index = 0;
            foreach (var item in items)
            {
                ex.Tick(null);
                var inner = indexed ? selector.Invoke(ex, item, new Value(index++)) : selector.Invoke(ex, item);
                foreach (var element in Sequences.Enumerate(inner.Ref ?? throw Errors.Argument("Value cannot be null.", "source")))
                {
                    ex.Tick(null);
                    yield return result is null ? element : result.Invoke(ex, item, element);
                }
            }
        }
    }

    /// <summary><c>Zip(second)</c> as (First, Second) tuples, or with <paramref name="result"/> its projection; stops at the shorter.</summary>
    public static IEnumerable<Value> Zip(Execution ex, Value first, Value second, Closure? result, RecordType? tuple)
    {
        var a = Linq.Source(first);
        var b = Second(second);
        return Iterate();

        IEnumerable<Value> Iterate()
        {
            using var left = a.GetEnumerator();
            using var right = b.GetEnumerator();
            while (left.MoveNext() && right.MoveNext())
            {
                ex.Tick(null);
                yield return result is null
                    ? new Value(new RecordObject(tuple!, new[] { left.Current, right.Current }))
                    : result.Invoke(ex, left.Current, right.Current);
            }
        }
    }

    public static IEnumerable<Value> Chunk(Execution ex, Value source, long size)
    {
        var items = Linq.Source(source);
        if (size < 1)
        {
            throw Errors.ArgumentOutOfRange("size");
        }

        return Iterate();

        IEnumerable<Value> Iterate()
        {
            var chunk = new List<Value>();
            foreach (var item in items)
            {
                ex.Tick(null);
                chunk.Add(item);
                if (chunk.Count == size)
                {
                    yield return new Value(new ArrayObject(chunk.ToArray()));
                    chunk.Clear();
                }
            }

            if (chunk.Count > 0)
            {
                yield return new Value(new ArrayObject(chunk.ToArray()));
            }
        }
    }

    /// <summary><c>OfType&lt;T&gt;</c>: the non-null elements whose runtime type is <paramref name="isOfType"/>'s.</summary>
    public static IEnumerable<Value> OfType(Execution ex, Value source, Func<Value, bool> isOfType)
    {
        var items = Linq.Source(source);
        return Iterate();

        IEnumerable<Value> Iterate()
        {
            foreach (var item in items)
            {
                ex.Tick(null);
                if (isOfType(item))
                {
                    yield return item;
                }
            }
        }
    }
}
