using System.Collections.Generic;
using MergeQueue.Analyzers.FrontEnd.Values.Heap;

namespace MergeQueue.Analyzers.FrontEnd.Values.Types;

/// <summary><c>Queue&lt;T&gt;</c>: compared and printed from head to tail.</summary>
internal sealed class QueueType(VType element)
    : IndexedCollectionType(element, "Queue<" + element.Name + ">", "System.Collections.Generic.Queue`1[" + element.ClrName + "]", 0x5155)
{
    public override int CountOf(object collection) => ((QueueObject)collection).Count;

    public override Value ItemAt(object collection, int index) => ((QueueObject)collection)[index];

    protected override HeapObject CopyOf(object collection, bool deep)
    {
        var queue = (QueueObject)collection;
        var items = new List<Value>(queue.Count);
        for (int i = 0; i < queue.Count; i++)
        {
            items.Add(deep ? Element.DeepCopy(queue[i]) : queue[i]);
        }

        return new QueueObject(items);
    }
}
