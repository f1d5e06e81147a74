using System.Collections.Generic;
using MergeQueue.Analyzers.FrontEnd.Values.Heap;

namespace MergeQueue.Analyzers.FrontEnd.Values.Types;

/// <summary><c>Stack&lt;T&gt;</c>: compared and printed from the top down, as it enumerates.</summary>
internal sealed class StackType(VType element)
    : IndexedCollectionType(element, "Stack<" + element.Name + ">", "System.Collections.Generic.Stack`1[" + element.ClrName + "]", 0x5354)
{
    public override int CountOf(object collection) => ((StackObject)collection).Count;

    public override Value ItemAt(object collection, int index) => ((StackObject)collection)[index];

    protected override HeapObject CopyOf(object collection, bool deep)
    {
        var stack = (StackObject)collection;
        var bottomToTop = new List<Value>(stack.Count);
        for (int i = stack.Count - 1; i >= 0; i--)
        {
            bottomToTop.Add(deep ? Element.DeepCopy(stack[i]) : stack[i]);
        }

        return new StackObject(bottomToTop);
    }
}
