using System.Collections.Generic;
using MergeQueue.Analyzers.FrontEnd.Values;

namespace MergeQueue.Analyzers.FrontEnd.Interpreter.Runtime;

/// <summary>
/// <c>Union</c>, <c>Intersect</c> and <c>Except</c> as .NET runs them: deferred, distinct results in the order of the
/// first sequence (then the second, for <c>Union</c>); <c>Intersect</c> and <c>Except</c> read the second sequence
/// whole when enumeration starts.
/// </summary>
internal static partial class LazyLinq
{
    public static IEnumerable<Value> Union(Execution ex, Value first, Value second, VType element)
    {
        var a = Linq.Source(first);
        var b = Second(second);
        return Iterate();

        IEnumerable<Value> Iterate()
        {
            var seen = new HashSet<Value>(new ValueComparer(element));
            foreach (var items in new[] { a, b })
            {
                foreach (var item in items)
                {
                    ex.Tick(null);
                    if (seen.Add(item))
                    {
                        yield return item;
                    }
                }
            }
        }
    }

    public static IEnumerable<Value> Intersect(Execution ex, Value first, Value second, VType element, bool keepShared)
    {
        var a = Linq.Source(first);
        var b = Second(second);
        return Iterate();

        IEnumerable<Value> Iterate()
        {
            var others = new HashSet<Value>(new ValueComparer(element));
            foreach (var item in b)
            {
                ex.Tick(null);
                others.Add(item);
            }

            // Intersect: each shared element once (removed when yielded); Except: each element not in the second once.
            foreach (var item in a)
            {
                ex.Tick(null);
                if (keepShared ? others.Remove(item) : others.Add(item))
                {
                    yield return item;
                }
            }
        }
    }

    private static IEnumerable<Value> Second(Value second) =>
        Sequences.Enumerate(second.Ref ?? throw Errors.Argument("Value cannot be null.", "second"));
}
