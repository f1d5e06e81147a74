using System.Collections.Generic;
using MergeQueue.Analyzers.Engine.Runtime;
using MergeQueue.Analyzers.FrontEnd.Values;
using MergeQueue.Analyzers.FrontEnd.Values.Heap;
using MergeQueue.Analyzers.FrontEnd.Values.Types;

namespace MergeQueue.Analyzers.FrontEnd.Interpreter.Packing;

/// <summary>
/// A set or dictionary: null as -1, else its count, then its keys (each with its value) in the canonical key order,
/// the order traces print them in, so that tables reached by different insertion orders are one state. Decoded, the
/// table enumerates in that order, as a table rebuilt from a frozen state does.
/// </summary>
internal sealed class TableCodec(TableType type, ValueCodec key, ValueCodec? valueCodec, int id) : ValueCodec(id)
{
    private readonly ValueCodec? value = valueCodec;

    private readonly IComparer<Value> order = new KeyOrder(type.Key);
    private readonly RecordType? pair = (type as DictionaryType)?.Pair;

    // Up to this many entries a table is sorted in place by insertion: Array.Sort makes a delegate of the comparer on
    // every call, and a model's sets are mostly small.
    private const int SmallTable = 16;

    private void SortSmall(Value[] keys, Value[]? values, int n)
    {
        for (int i = 1; i < n; i++)
        {
            var k = keys[i];
            var v = values is null ? default : values[i];
            int j = i - 1;
            for (; j >= 0 && order.Compare(keys[j], k) > 0; j--)
            {
                keys[j + 1] = keys[j];
                if (values is not null)
                {
                    values[j + 1] = values[j];
                }
            }

            keys[j + 1] = k;
            if (values is not null)
            {
                values[j + 1] = v;
            }
        }
    }

    public override void Write(Value value, StateWriter writer, PackContext context)
    {
        if (value.Ref is not TableObject table)
        {
            writer.WriteLength(-1);
            return;
        }

        context.Visit(table);
        int count = table.Count;
        context.BeforeLong(count);
        writer.WriteLength(count);
        if (table.InKeyOrder)
        {
            // Not written since it was decoded: already in the canonical order.
            for (int slot = 0; slot < count; slot++)
            {
                key.Write(table.KeyAt(slot), writer, context);
                this.value?.Write(table.ValueAt(slot), writer, context);
            }

            return;
        }

        var keys = context.Keys(Id, count);
        var values = this.value is null ? null : context.Values(Id, count);
        int n = 0;
        for (int slot = 0; slot < table.End; slot++)
        {
            if (table.IsUsed(slot))
            {
                keys[n] = table.KeyAt(slot);
                if (values is not null)
                {
                    values[n] = table.ValueAt(slot);
                }

                n++;
            }
        }

        if (n <= SmallTable)
        {
            SortSmall(keys, values, n);
        }
        else if (values is null)
        {
            System.Array.Sort(keys, 0, n, order);
        }
        else
        {
            System.Array.Sort(keys, values, 0, n, order);
        }

        for (int i = 0; i < n; i++)
        {
            key.Write(keys[i], writer, context);
            this.value?.Write(values![i], writer, context);
        }

        System.Array.Clear(keys, 0, n);
        if (values is not null)
        {
            System.Array.Clear(values, 0, n);
        }
    }

    public override Value Read(ref StateReader reader, PackContext context)
    {
        int count = reader.ReadLength();
        if (count < 0)
        {
            return Value.Null;
        }

        context.BeforeLong(count);
        ref object? pooled = ref context.Next(Id);
        var table = pooled as TableObject ?? (TableObject)(pooled = new TableObject(type.Key, pair));
        table.Clear();
        for (int i = 0; i < count; i++)
        {
            var k = key.Read(ref reader, context);
            table.AppendInOrder(k, value is null ? default : value.Read(ref reader, context));
        }

        return new Value(table);
    }

    public override void Skip(ref StateReader reader)
    {
        int count = reader.ReadLength();
        for (int i = 0; i < count; i++)
        {
            key.Skip(ref reader);
            value?.Skip(ref reader);
        }
    }

    private sealed class KeyOrder(VType key) : IComparer<Value>
    {
        public int Compare(Value x, Value y) => key.Compare(x, y);
    }
}
