using System.Collections;
using System.Collections.Generic;
using MergeQueue.Analyzers.FrontEnd.Values;

namespace MergeQueue.Analyzers.FrontEnd.Interpreter.Runtime;

/// <summary><c>Enumerable.Range(start, count)</c>; LINQ loops over it without an enumerator.</summary>
internal sealed class RangeSequence(long start, int count) : IEnumerable<Value>
{
    public long Start { get; } = start;

    public int Count { get; } = count;

    public IEnumerator<Value> GetEnumerator()
    {
        for (int i = 0; i < Count; i++)
        {
            Execution.TickLibrary();
            yield return new Value(Start + i);
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
