using MergeQueue.Analyzers.FrontEnd.Values.Heap;

namespace MergeQueue.Analyzers.FrontEnd.Values.Types;

/// <summary><c>List&lt;T&gt;</c>.</summary>
internal sealed class ListType(VType element)
    : IndexedCollectionType(element, "List<" + element.Name + ">", "System.Collections.Generic.List`1[" + element.ClrName + "]", 0x4C53)
{
    public override int CountOf(object collection) => ((ListObject)collection).Count;

    public override Value ItemAt(object collection, int index) => ((ListObject)collection).Items[index];

    protected override HeapObject CopyOf(object collection, bool deep)
    {
        var copy = ((ListObject)collection).Copy();
        if (deep)
        {
            for (int i = 0; i < copy.Count; i++)
            {
                copy.Items[i] = Element.DeepCopy(copy.Items[i]);
            }
        }

        return copy;
    }
}
