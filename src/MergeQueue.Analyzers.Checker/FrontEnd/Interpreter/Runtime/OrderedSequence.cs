using System.Collections;
using System.Collections.Generic;
using System.Linq;
using MergeQueue.Analyzers.FrontEnd.Values;

namespace MergeQueue.Analyzers.FrontEnd.Interpreter.Runtime;

/// <summary>
/// The result of <c>OrderBy</c>/<c>Order</c> and their <c>ThenBy</c> refinements (.NET's <c>IOrderedEnumerable</c>):
/// a stable sort by every key in turn, done when enumeration starts, with every key computed first as .NET does.
/// A null key selector orders by the element itself.
/// </summary>
internal sealed class OrderedSequence : IEnumerable<Value>
{
    private readonly Execution ex;
    private readonly IEnumerable<Value> source;
    private readonly (Closure? Key, System.Func<Execution, Value, Value, int> Order, bool Descending)[] keys;

    public OrderedSequence(Execution ex, IEnumerable<Value> source, Closure? key, System.Func<Execution, Value, Value, int> keyOrder, bool descending)
        : this(ex, source, new[] { (key, keyOrder, descending) })
    {
    }

    private OrderedSequence(Execution ex, IEnumerable<Value> source, (Closure?, System.Func<Execution, Value, Value, int>, bool)[] keys)
    {
        this.ex = ex;
        this.source = source;
        this.keys = keys;
    }

    /// <summary><c>ThenBy</c>/<c>ThenByDescending</c>: ties of the keys so far are ordered by one more key.</summary>
    public OrderedSequence ThenBy(Closure key, System.Func<Execution, Value, Value, int> keyOrder, bool descending) =>
        new(ex, source, keys.Append((key, keyOrder, descending)).ToArray());

    public IEnumerator<Value> GetEnumerator()
    {
        var items = source.ToList();
        var computed = keys.Select(k => items.Select(item =>
        {
            ex.Tick(null);
            return k.Key is null ? item : k.Key.Invoke(ex, item);
        }).ToArray()).ToArray();
        var order = Enumerable.Range(0, items.Count).ToList();
        order.Sort((a, b) =>
        {
            for (int level = 0; level < keys.Length; level++)
            {
                int c = keys[level].Order(ex, computed[level][a], computed[level][b]);
                if (c != 0)
                {
                    return keys[level].Descending ? -c : c;
                }
            }

            return a.CompareTo(b);
        });
        return order.Select(i => items[i]).GetEnumerator();
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
