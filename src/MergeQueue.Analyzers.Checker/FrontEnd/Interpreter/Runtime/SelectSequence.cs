using System.Collections;
using System.Collections.Generic;
using MergeQueue.Analyzers.FrontEnd.Values;

namespace MergeQueue.Analyzers.FrontEnd.Interpreter.Runtime;

/// <summary>
/// A deferred <c>Select</c>: the selector runs on each element as the result is enumerated, as in .NET. It tells
/// <c>ToArray</c> and <c>ToList</c> its size when its source knows its count (only a hint: <c>Count()</c> still runs
/// the query, as .NET runs a selector for its effects), and a query that uses it up at once reads its source
/// element by element without an enumerator (<see cref="ValueCursor"/>).
/// </summary>
internal sealed class SelectSequence(Execution ex, object source, Closure selector, bool indexed) : IEnumerable<Value>
{
    public Execution Ex { get; } = ex;

    public object Source { get; } = source;

    public Closure Selector { get; } = selector;

    public bool Indexed { get; } = indexed;

    /// <summary>The number of elements it gives when its source knows its own; else -1.</summary>
    public int Size { get; } = Sequences.KnownCount(source);

    public IEnumerator<Value> GetEnumerator()
    {
        int index = 0;
        foreach (var item in Sequences.Enumerate(Source))
        {
            Ex.Tick(null);
            yield return Indexed ? Selector.Invoke(Ex, item, new Value(index++)) : Selector.Invoke(Ex, item);
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
