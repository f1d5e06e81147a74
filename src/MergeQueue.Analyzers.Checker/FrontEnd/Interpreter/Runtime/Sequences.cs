using System.Collections.Generic;
using MergeQueue.Analyzers.FrontEnd.Values;
using MergeQueue.Analyzers.FrontEnd.Values.Heap;

namespace MergeQueue.Analyzers.FrontEnd.Interpreter.Runtime;

/// <summary>Enumerates any interpreted collection or sequence the way .NET's enumerator of it would.</summary>
internal static class Sequences
{
    public static IEnumerable<Value> Enumerate(object? source) => source switch
    {
        null => throw Errors.NullReference(),
        ArrayObject array => Array(array),
        TableObject table => Table(table),
        string text => Chars(text),
        IEnumerable<Value> sequence => sequence,
        _ => throw new System.InvalidOperationException("not a sequence: " + source.GetType().Name),
    };

    /// <summary>The number of elements when the collection knows it (.NET's <c>ICollection&lt;T&gt;.Count</c>), else -1.</summary>
    public static int KnownCount(object? source) => source switch
    {
        ArrayObject array => array.Items.Length,
        ListObject list => list.Count,
        QueueObject queue => queue.Count,
        StackObject stack => stack.Count,
        TableObject table => table.Count,
        TableView view => view.Count,
        RangeSequence range => range.Count,
        _ => -1,
    };

    /// <summary>How many elements enumerating will give, where that is known without enumerating; else -1.</summary>
    public static int SizeHint(object? source) => source is SelectSequence select ? select.Size : KnownCount(source);

    private static IEnumerable<Value> Array(ArrayObject array)
    {
        for (int i = 0; i < array.Items.Length; i++)
        {
            yield return array.Items[i];
        }
    }

    private static IEnumerable<Value> Table(TableObject table)
    {
        foreach (int slot in table)
        {
            yield return table.Pair is null
                ? table.KeyAt(slot)
                : new Value(new RecordObject(table.Pair, new[] { table.KeyAt(slot), table.ValueAt(slot) }));
        }
    }

    private static IEnumerable<Value> Chars(string text)
    {
        foreach (char c in text)
        {
            yield return new Value(c);
        }
    }
}
