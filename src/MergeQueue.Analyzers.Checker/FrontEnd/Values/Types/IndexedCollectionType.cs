using System.Text;
using MergeQueue.Analyzers.FrontEnd.Values.Heap;

namespace MergeQueue.Analyzers.FrontEnd.Values.Types;

/// <summary>Arrays, lists, queues and stacks: mutable, compared element by element in enumeration order.</summary>
internal abstract class IndexedCollectionType(VType element, string name, string clrName, long seed) : VType(name, clrName)
{
    public VType Element { get; } = element;

    public override VType? ElementType => Element;

    public override bool IsMutable => true;

    public override bool IsReference => true;

    public override Value Default => Value.Null;

    public abstract int CountOf(object collection);

    /// <summary>The element <paramref name="index"/> in enumeration order.</summary>
    public abstract Value ItemAt(object collection, int index);

    /// <summary>A shallow copy in a fresh object, ready for writes.</summary>
    protected abstract HeapObject CopyOf(object collection, bool deep);

    public override bool Equal(Value a, Value b)
    {
        if (ReferenceEquals(a.Ref, b.Ref))
        {
            return true;
        }

        if (a.Ref is not HeapObject x || b.Ref is not HeapObject y)
        {
            return false;
        }

        int count = CountOf(x);
        if (count != CountOf(y) || (x.Frozen && y.Frozen && x.FrozenHash != y.FrozenHash))
        {
            return false;
        }

        for (int i = 0; i < count; i++)
        {
            if (!Element.Equal(ItemAt(x, i), ItemAt(y, i)))
            {
                return false;
            }
        }

        return true;
    }

    public override bool ValueEquals(Value a, Value b) => ReferenceEquals(a.Ref, b.Ref);

    public override long Hash(Value value)
    {
        if (value.Ref is not HeapObject collection)
        {
            return Hashing.NullHash;
        }

        if (collection.Frozen)
        {
            return collection.FrozenHash;
        }

        int count = CountOf(collection);
        long hash = Hashing.Combine(seed, count);
        for (int i = 0; i < count; i++)
        {
            hash = Hashing.Combine(hash, Element.Hash(ItemAt(collection, i)));
        }

        return hash;
    }

    public override int Compare(Value a, Value b)
    {
        if (a.Ref is not object x || b.Ref is not object y)
        {
            return (a.Ref is null ? 0 : 1) - (b.Ref is null ? 0 : 1);
        }

        int countX = CountOf(x);
        int countY = CountOf(y);
        for (int i = 0; i < countX && i < countY; i++)
        {
            int order = Element.Compare(ItemAt(x, i), ItemAt(y, i));
            if (order != 0)
            {
                return order;
            }
        }

        return countX.CompareTo(countY);
    }

    public override Value DeepCopy(Value value) =>
        value.Ref is null ? value : new Value(CopyOf(value.Ref, Element.HasMutableParts));

    public override void Freeze(Value value, Freezer freezer)
    {
        if (value.Ref is not HeapObject collection || !freezer.Enter(collection))
        {
            return;
        }

        int deepest = 0;
        if (Element.HasMutableParts || Element is RecordType)
        {
            int count = CountOf(collection);
            for (int i = 0; i < count; i++)
            {
                var item = ItemAt(collection, i);
                Element.Freeze(item, freezer);
                deepest = System.Math.Max(deepest, ValueNesting.Of(item));
            }
        }

        collection.Freeze(Hash(value), ValueNesting.Above(deepest));
    }

    public override void Format(Value value, StringBuilder text)
    {
        if (value.Ref is not object collection)
        {
            text.Append("null");
            return;
        }

        text.Append('[');
        int count = CountOf(collection);
        for (int i = 0; i < count; i++)
        {
            if (i > 0)
            {
                text.Append(", ");
            }

            Element.Format(ItemAt(collection, i), text);
        }

        text.Append(']');
    }

    public override void AppendText(Value value, StringBuilder text)
    {
        if (value.Ref is not null)
        {
            text.Append(ClrName);
        }
    }
}
