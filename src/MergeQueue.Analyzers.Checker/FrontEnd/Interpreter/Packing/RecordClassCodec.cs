using System.Collections.Generic;
using System.Linq;
using MergeQueue.Analyzers.Engine.Runtime;
using MergeQueue.Analyzers.FrontEnd.Values;
using MergeQueue.Analyzers.FrontEnd.Values.Heap;
using MergeQueue.Analyzers.FrontEnd.Values.Types;

namespace MergeQueue.Analyzers.FrontEnd.Interpreter.Packing;

/// <summary>
/// A record class (or an interface implemented by records): null as -1, else its runtime type's tag — its index
/// among the declared record and the records derived from it, by CLR name (an interface's implementations only) —
/// then that type's members in order. Records of immutable members are never written, so a decode that reads
/// what it read last hands that out again.
/// </summary>
internal sealed class RecordClassCodec(IReadOnlyList<RecordType> runtimeOrder, ValueCodec[][] members, int id) : ValueCodec(id)
{
    /// <summary>The types a value declared as <paramref name="declared"/> may have, in tag order.</summary>
    public static IReadOnlyList<RecordType> RuntimeOrder(RecordType declared)
    {
        if (declared.RuntimeTypes.Count == 0)
        {
            return new[] { declared };
        }

        var types = declared.IsInterface ? declared.RuntimeTypes : declared.RuntimeTypes.Prepend(declared);
        return types.OrderBy(t => t.ClrName, System.StringComparer.Ordinal).ToArray();
    }

    public override void Write(Value value, StateWriter writer, PackContext context)
    {
        if (value.Ref is not RecordObject record)
        {
            writer.WriteLength(-1);
            return;
        }

        int tag = TagOf(record.Type);
        writer.WriteLength(tag);
        var codecs = members[tag];
        var fields = record.Fields;
        for (int i = 0; i < codecs.Length; i++)
        {
            codecs[i].Write(fields[i], writer, context);
        }
    }

    public override Value Read(ref StateReader reader, PackContext context)
    {
        int tag = reader.ReadLength();
        if (tag < 0)
        {
            return Value.Null;
        }

        var type = runtimeOrder[tag];
        var codecs = members[tag];
        var fields = context.Values(Id, codecs.Length);
        for (int i = 0; i < codecs.Length; i++)
        {
            fields[i] = codecs[i].Read(ref reader, context);
        }

        ref object? last = ref context.Next(Id);
        if (last is RecordObject previous && previous.Type == type && Same(type, previous.Fields, fields))
        {
            return new Value(previous);
        }

        var copy = new Value[codecs.Length];
        System.Array.Copy(fields, copy, copy.Length);
        var created = new RecordObject(type, copy);
        last = created;
        return new Value(created);
    }

    public override void Skip(ref StateReader reader)
    {
        int tag = reader.ReadLength();
        if (tag < 0)
        {
            return;
        }

        foreach (var member in members[tag])
        {
            member.Skip(ref reader);
        }
    }

    private int TagOf(RecordType type)
    {
        for (int tag = 0; tag < runtimeOrder.Count; tag++)
        {
            if (runtimeOrder[tag] == type)
            {
                return tag;
            }
        }

        throw new System.InvalidOperationException("a state holds a '" + type.Name + "', which is not among the records its field may hold");
    }

    private static bool Same(RecordType type, Value[] previous, Value[] fields)
    {
        var types = type.FieldTypes;
        for (int i = 0; i < types.Count; i++)
        {
            if (!types[i].Equal(previous[i], fields[i]))
            {
                return false;
            }
        }

        return true;
    }
}
