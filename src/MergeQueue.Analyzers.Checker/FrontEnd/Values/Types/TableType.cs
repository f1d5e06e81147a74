using System.Collections.Generic;
using System.Text;
using MergeQueue.Analyzers.FrontEnd.Values.Heap;

namespace MergeQueue.Analyzers.FrontEnd.Values.Types;

/// <summary>
/// <c>HashSet&lt;T&gt;</c> and <c>Dictionary&lt;K,V&gt;</c>: equal regardless of order, hashed commutatively, and
/// kept sorted by key once frozen so that equal states print alike.
/// </summary>
internal abstract class TableType(VType key, VType? valueType, string name, string clrName, long seed) : VType(name, clrName)
{
    public VType Key { get; } = key;

    /// <summary>The dictionary's value type; null for a set.</summary>
    public VType? ValueType { get; } = valueType;

    public override bool IsMutable => true;

    public override bool IsReference => true;

    public override Value Default => Value.Null;

    public override bool ValueEquals(Value a, Value b) => ReferenceEquals(a.Ref, b.Ref);

    public override bool Equal(Value a, Value b)
    {
        if (ReferenceEquals(a.Ref, b.Ref))
        {
            return true;
        }

        if (a.Ref is not TableObject x || b.Ref is not TableObject y || x.Count != y.Count)
        {
            return false;
        }

        if (x.Frozen && y.Frozen && x.FrozenHash != y.FrozenHash)
        {
            return false;
        }

        foreach (int slot in x)
        {
            int other = y.Find(x.KeyAt(slot));
            if (other < 0 || (ValueType is not null && !ValueType.Equal(x.ValueAt(slot), y.ValueAt(other))))
            {
                return false;
            }
        }

        return true;
    }

    public override long Hash(Value value)
    {
        if (value.Ref is not TableObject table)
        {
            return Hashing.NullHash;
        }

        if (table.Frozen)
        {
            return table.FrozenHash;
        }

        // A sum does not depend on the order, so an unsorted table hashes like its sorted form.
        long sum = 0;
        foreach (int slot in table)
        {
            long entry = Key.Hash(table.KeyAt(slot));
            if (ValueType is not null)
            {
                entry = Hashing.Combine(entry, ValueType.Hash(table.ValueAt(slot)));
            }

            sum = unchecked(sum + Hashing.Mix(entry));
        }

        return Hashing.Combine(Hashing.Combine(seed, table.Count), sum);
    }

    public override int Compare(Value a, Value b)
    {
        if (a.Ref is not TableObject x || b.Ref is not TableObject y)
        {
            return (a.Ref is null ? 0 : 1) - (b.Ref is null ? 0 : 1);
        }

        var slotsX = SortedSlots(x);
        var slotsY = SortedSlots(y);
        for (int i = 0; i < slotsX.Count && i < slotsY.Count; i++)
        {
            int order = Key.Compare(x.KeyAt(slotsX[i]), y.KeyAt(slotsY[i]));
            if (order == 0 && ValueType is not null)
            {
                order = ValueType.Compare(x.ValueAt(slotsX[i]), y.ValueAt(slotsY[i]));
            }

            if (order != 0)
            {
                return order;
            }
        }

        return slotsX.Count.CompareTo(slotsY.Count);
    }

    public override Value DeepCopy(Value value)
    {
        if (value.Ref is not TableObject table)
        {
            return value;
        }

        return new Value(ValueType is { HasMutableParts: true } ? table.Copy(ValueType.DeepCopy) : table.Copy());
    }

    public override void Freeze(Value value, Freezer freezer)
    {
        if (value.Ref is not TableObject table || !freezer.Enter(table))
        {
            return;
        }

        int deepest = 0;
        if (ValueType is not null && (ValueType.HasMutableParts || ValueType is RecordType))
        {
            foreach (int slot in table)
            {
                ValueType.Freeze(table.ValueAt(slot), freezer);
                deepest = System.Math.Max(deepest, ValueNesting.Of(table.ValueAt(slot)));
            }
        }

        table.Canonicalize();
        table.Freeze(Hash(value), ValueNesting.Above(deepest));
    }

    public override void Format(Value value, StringBuilder text)
    {
        if (value.Ref is not TableObject table)
        {
            text.Append("null");
            return;
        }

        text.Append('{');
        bool first = true;
        foreach (int slot in SortedSlots(table))
        {
            if (!first)
            {
                text.Append(", ");
            }

            first = false;
            Key.Format(table.KeyAt(slot), text);
            if (ValueType is not null)
            {
                text.Append(": ");
                ValueType.Format(table.ValueAt(slot), text);
            }
        }

        text.Append('}');
    }

    public override void AppendText(Value value, StringBuilder text)
    {
        if (value.Ref is not null)
        {
            text.Append(ClrName);
        }
    }

    private List<int> SortedSlots(TableObject table)
    {
        var slots = new List<int>(table.Count);
        foreach (int slot in table)
        {
            slots.Add(slot);
        }

        if (!table.Frozen)
        {
            slots.Sort((a, b) => Key.Compare(table.KeyAt(a), table.KeyAt(b)));
        }

        return slots;
    }
}
