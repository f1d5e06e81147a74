using System.Collections;
using System.Collections.Generic;

namespace MergeQueue.Analyzers.FrontEnd.Values.Heap;

/// <summary>A dictionary's live <c>Keys</c> or <c>Values</c> collection.</summary>
internal sealed class TableView(TableObject table, bool keys) : IEnumerable<Value>
{
    public TableObject Table { get; } = table;

    public int Count => Table.Count;

    public IEnumerator<Value> GetEnumerator()
    {
        foreach (int slot in Table)
        {
            yield return keys ? Table.KeyAt(slot) : Table.ValueAt(slot);
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
