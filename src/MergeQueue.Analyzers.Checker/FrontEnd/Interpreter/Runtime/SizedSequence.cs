using System.Collections;
using System.Collections.Generic;
using MergeQueue.Analyzers.FrontEnd.Values;

namespace MergeQueue.Analyzers.FrontEnd.Interpreter.Runtime;

/// <summary>
/// A deferred query that yields as many elements as its source (<c>Select</c> over an array or a range), so that
/// <c>ToArray</c> and <c>ToList</c> size their result at once. Only a hint: <c>Count()</c> still runs the query, as
/// .NET runs a selector for its effects.
/// </summary>
internal sealed class SizedSequence(IEnumerable<Value> items, int size) : IEnumerable<Value>
{
    public int Size { get; } = size;

    public IEnumerator<Value> GetEnumerator() => items.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
