using System.Collections.Generic;
using System.Linq;
using MergeQueue.Analyzers.FrontEnd.Values;

namespace MergeQueue.Analyzers.FrontEnd.Interpreter.Runtime;

/// <summary>The deferred LINQ operators: nothing runs until the result is enumerated, as in .NET.</summary>
internal static partial class LazyLinq
{
    public static IEnumerable<Value> Where(Execution ex, Value source, Closure predicate, bool indexed)
    {
        var items = Linq.Source(source);
        return Iterate();

        IEnumerable<Value> Iterate()
        {
            int index = 0;
            foreach (var item in items)
            {
                ex.Tick(null);
                bool keep = indexed ? predicate.Invoke(ex, item, new Value(index)).Bool : predicate.Invoke(ex, item).Bool;
                index++;
                if (keep)
                {
                    yield return item;
                }
            }
        }
    }

    public static IEnumerable<Value> Select(Execution ex, Value source, Closure selector, bool indexed) =>
        new SelectSequence(ex, source.Ref ?? throw Errors.Argument("Value cannot be null.", "source"), selector, indexed);

    public static IEnumerable<Value> Range(long start, long count)
    {
        if (count < 0 || start + count - 1 > int.MaxValue)
        {
            throw Errors.ArgumentOutOfRange("count");
        }

        return new RangeSequence(start, (int)count);
    }

    public static IEnumerable<Value> Repeat(Value element, long count)
    {
        if (count < 0)
        {
            throw Errors.ArgumentOutOfRange("count");
        }

        return Iterate();

        IEnumerable<Value> Iterate()
        {
            for (long i = 0; i < count; i++)
            {
                Execution.TickLibrary();
                yield return element;
            }
        }
    }

    public static IEnumerable<Value> Skip(Value source, long count) => Linq.Source(source).Skip((int)System.Math.Min(count, int.MaxValue));

    public static IEnumerable<Value> Take(Value source, long count) => Linq.Source(source).Take((int)System.Math.Max(0, System.Math.Min(count, int.MaxValue)));

    public static IEnumerable<Value> Reverse(Value source)
    {
        var items = Linq.Source(source);
        return Iterate();

        IEnumerable<Value> Iterate()
        {
            var buffer = items.ToList();
            for (int i = buffer.Count - 1; i >= 0; i--)
            {
                yield return buffer[i];
            }
        }
    }

    public static IEnumerable<Value> Distinct(Value source, VType element)
    {
        var items = Linq.Source(source);
        return Iterate();

        IEnumerable<Value> Iterate()
        {
            var seen = new HashSet<Value>(new ValueComparer(element));
            foreach (var item in items)
            {
                if (seen.Add(item))
                {
                    yield return item;
                }
            }
        }
    }

    /// <summary>A stable sort by key (by the element itself when <paramref name="key"/> is null), done when enumeration starts.</summary>
    public static OrderedSequence OrderBy(Execution ex, Value source, Closure? key, System.Func<Execution, Value, Value, int> keyOrder, bool descending) =>
        new(ex, Linq.Source(source), key, keyOrder, descending);

    public static IEnumerable<Value> Concat(Value first, Value second)
    {
        var a = Linq.Source(first);
        var b = Sequences.Enumerate(second.Ref ?? throw Errors.Argument("Value cannot be null.", "second"));
        return a.Concat(b);
    }

    public static IEnumerable<Value> Append(Value source, Value element) => Linq.Source(source).Append(element);

    public static IEnumerable<Value> Prepend(Value source, Value element) => Linq.Source(source).Prepend(element);
}
