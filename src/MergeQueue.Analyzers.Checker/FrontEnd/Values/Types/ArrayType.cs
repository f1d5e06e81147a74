using MergeQueue.Analyzers.FrontEnd.Values.Heap;

namespace MergeQueue.Analyzers.FrontEnd.Values.Types;

/// <summary>A one-dimensional array.</summary>
internal sealed class ArrayType(VType element) : IndexedCollectionType(element, element.Name + "[]", element.ClrName + "[]", Seed)
{
    private const long Seed = 0x4A52;

    public override int CountOf(object collection) => ((ArrayObject)collection).Items.Length;

    public override Value ItemAt(object collection, int index) => ((ArrayObject)collection).Items[index];

    // Arrays are the common state: hashing and comparing them avoids the per-element virtual calls of the base.
    public override long Hash(Value value)
    {
        if (value.Ref is not ArrayObject array)
        {
            return Hashing.NullHash;
        }

        if (array.Frozen)
        {
            return array.FrozenHash;
        }

        var items = array.Items;
        long hash = Hashing.Combine(Seed, items.Length);
        if (Element is IntegerType or EnumType or BoolType)
        {
            foreach (var item in items)
            {
                hash = Hashing.Combine(hash, Hashing.Mix(item.Bits));
            }
        }
        else
        {
            foreach (var item in items)
            {
                hash = Hashing.Combine(hash, Element.Hash(item));
            }
        }

        return hash;
    }

    public override bool Equal(Value a, Value b)
    {
        if (ReferenceEquals(a.Ref, b.Ref))
        {
            return true;
        }

        if (a.Ref is not ArrayObject x || b.Ref is not ArrayObject y || x.Items.Length != y.Items.Length)
        {
            return false;
        }

        if (x.Frozen && y.Frozen && x.FrozenHash != y.FrozenHash)
        {
            return false;
        }

        var left = x.Items;
        var right = y.Items;
        bool primitive = Element is IntegerType or EnumType or BoolType;
        for (int i = 0; i < left.Length; i++)
        {
            if (primitive ? left[i].Bits != right[i].Bits : !Element.Equal(left[i], right[i]))
            {
                return false;
            }
        }

        return true;
    }

    protected override HeapObject CopyOf(object collection, bool deep)
    {
        var source = ((ArrayObject)collection).Items;
        var items = new Value[source.Length];
        System.Array.Copy(source, items, source.Length);
        if (deep)
        {
            for (int i = 0; i < items.Length; i++)
            {
                items[i] = Element.DeepCopy(items[i]);
            }
        }

        return new ArrayObject(items);
    }
}
