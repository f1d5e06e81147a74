using System.Collections.Generic;
using System.Linq;
using MergeQueue.Analyzers.FrontEnd.Values;
using MergeQueue.Analyzers.FrontEnd.Values.Heap;

namespace MergeQueue.Analyzers.FrontEnd.Interpreter.Runtime;

/// <summary>
/// LINQ to Objects over interpreted values, lazy where .NET is lazy, with .NET's exceptions. Every element counts
/// against the step budget, so <c>Enumerable.Range(0, int.MaxValue).Sum()</c> ends as a budget failure.
/// </summary>
internal static partial class Linq
{
    public static IEnumerable<Value> Source(Value source) =>
        Sequences.Enumerate(source.Ref ?? throw Errors.Argument("Value cannot be null.", "source"));

    /// <summary><see cref="Source"/> for a query that uses the sequence up at once: no enumerator over a collection.</summary>
    public static ValueCursor Cursor(Value source) =>
        new(source.Ref ?? throw Errors.Argument("Value cannot be null.", "source"));

    public static bool All(Execution ex, Value source, Closure predicate)
    {
        switch (source.Ref)
        {
            case ArrayObject array:
                foreach (var item in array.Items)
                {
                    if (!predicate.Invoke(ex, item).Bool)
                    {
                        return false;
                    }
                }

                return true;
            case RangeSequence range:
                for (int i = 0; i < range.Count; i++)
                {
                    if (!predicate.Invoke(ex, new Value(range.Start + i)).Bool)
                    {
                        return false;
                    }
                }

                return true;
        }

        foreach (var item in Cursor(source))
        {
            if (!predicate.Invoke(ex, item).Bool)
            {
                return false;
            }
        }

        return true;
    }

    public static bool Any(Execution ex, Value source, Closure? predicate)
    {
        if (predicate is null)
        {
            int known = Sequences.KnownCount(source.Ref);
            if (known >= 0)
            {
                return known > 0;
            }
        }

        switch (source.Ref)
        {
            case ArrayObject array:
                foreach (var item in array.Items)
                {
                    if (predicate!.Invoke(ex, item).Bool)
                    {
                        return true;
                    }
                }

                return false;
            case RangeSequence range:
                for (int i = 0; i < range.Count; i++)
                {
                    if (predicate!.Invoke(ex, new Value(range.Start + i)).Bool)
                    {
                        return true;
                    }
                }

                return false;
        }

        foreach (var item in Cursor(source))
        {
            ex.Tick(null);
            if (predicate is null || predicate.Invoke(ex, item).Bool)
            {
                return true;
            }
        }

        return false;
    }

    public static int Count(Execution ex, Value source, Closure? predicate)
    {
        if (predicate is null && Sequences.KnownCount(source.Ref) is int known and >= 0)
        {
            return known;
        }

        int count = 0;
        if (source.Ref is ArrayObject array)
        {
            // Element by element without an enumerator: invariants count over small arrays once per state.
            foreach (var item in array.Items)
            {
                ex.Tick(null);
                if (predicate!.Invoke(ex, item).Bool)
                {
                    count = checked(count + 1);
                }
            }

            return count;
        }

        foreach (var item in Cursor(source))
        {
            ex.Tick(null);
            if (predicate is null || predicate.Invoke(ex, item).Bool)
            {
                count = checked(count + 1);
            }
        }

        return count;
    }

    public static bool Contains(Execution ex, Value source, Value value, VType element)
    {
        if (source.Ref is TableObject { Pair: null } set)
        {
            return set.Find(value) >= 0;
        }

        if (source.Ref is ArrayObject array)
        {
            foreach (var item in array.Items)
            {
                ex.Tick(null);
                if (element.ValueEquals(item, value))
                {
                    return true;
                }
            }

            return false;
        }

        foreach (var item in Cursor(source))
        {
            ex.Tick(null);
            if (element.ValueEquals(item, value))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary><c>Sum</c>: .NET sums ints and longs checked, whatever the context.</summary>
    public static long Sum(Execution ex, Value source, Closure? selector, IntKind kind)
    {
        long sum = 0;
        foreach (var item in Cursor(source))
        {
            ex.Tick(null);
            long value = (selector is null ? item : selector.Invoke(ex, item)).Bits;
            sum = IntegerOps.Binary(Microsoft.CodeAnalysis.Operations.BinaryOperatorKind.Add, kind, isChecked: true, sum, value);
        }

        return sum;
    }

    public static Value Extreme(Execution ex, Value source, Closure? selector, VType type, bool max)
    {
        // Over a nullable type .NET skips the nulls, and gives null when no value is left.
        bool skipsNull = type is Values.Types.NullableType;
        bool any = false;
        Value best = default;
        foreach (var item in Cursor(source))
        {
            ex.Tick(null);
            var value = selector is null ? item : selector.Invoke(ex, item);
            if (skipsNull && value.Ref is null)
            {
                continue;
            }

            if (!any || (max ? type.Compare(value, best) > 0 : type.Compare(value, best) < 0))
            {
                best = value;
                any = true;
            }
        }

        return any ? best : skipsNull ? Value.Null : throw Errors.NoElements();
    }

    /// <summary>First, Last or Single, with or without a predicate; <paramref name="fallback"/> for the OrDefault forms.</summary>
    public static Value Pick(Execution ex, Value source, Closure? predicate, string mode, Value? fallback)
    {
        bool found = false;
        Value result = default;
        foreach (var item in Source(source))
        {
            ex.Tick(null);
            if (predicate is not null && !predicate.Invoke(ex, item).Bool)
            {
                continue;
            }

            if (found && mode == "Single")
            {
                throw predicate is null ? Errors.MoreThanOneElement() : Errors.MoreThanOneMatch();
            }

            found = true;
            result = item;
            if (mode == "First")
            {
                break;
            }
        }

        if (found)
        {
            return result;
        }

        return fallback ?? throw (predicate is null ? Errors.NoElements() : Errors.NoMatch());
    }

    public static Value ElementAt(Execution ex, Value source, long index, Value? fallback)
    {
        long i = 0;
        foreach (var item in Source(source))
        {
            ex.Tick(null);
            if (i++ == index)
            {
                return item;
            }
        }

        return fallback ?? throw Errors.ArgumentOutOfRange(
            "Index was out of range. Must be non-negative and less than the size of the collection.", "index");
    }

    public static List<Value> ToList(Execution ex, Value source)
    {
        var items = new List<Value>(System.Math.Max(0, Sequences.SizeHint(source.Ref)));
        foreach (var item in Cursor(source))
        {
            ex.Tick(null);
            items.Add(item);
        }

        return items;
    }

    /// <summary><c>ToArray</c>: filled in place when the size is known beforehand, else through a list.</summary>
    public static Value[] ToArray(Execution ex, Value source)
    {
        int size = Sequences.SizeHint(source.Ref);
        if (size < 0)
        {
            return ToList(ex, source).ToArray();
        }

        var items = new Value[size];
        int count = 0;
        foreach (var item in Cursor(source))
        {
            ex.Tick(null);
            if (count == items.Length)
            {
                System.Array.Resize(ref items, System.Math.Max(4, count * 2));
            }

            items[count++] = item;
        }

        if (count != items.Length)
        {
            System.Array.Resize(ref items, count);
        }

        return items;
    }

    public static bool SequenceEqual(Execution ex, Value first, Value second, VType element)
    {
        var a = ToList(ex, first);
        var b = ToList(ex, second);
        return a.Count == b.Count && a.Zip(b, element.ValueEquals).All(same => same);
    }

    public static Value Aggregate(Execution ex, Value source, Value? seed, Closure function)
    {
        bool any = seed.HasValue;
        Value accumulator = seed ?? default;
        foreach (var item in Source(source))
        {
            ex.Tick(null);
            accumulator = any ? function.Invoke(ex, accumulator, item) : item;
            any = true;
        }

        return any ? accumulator : throw Errors.NoElements();
    }
}
