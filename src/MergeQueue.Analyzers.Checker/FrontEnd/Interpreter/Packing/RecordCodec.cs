using MergeQueue.Analyzers.Engine.Runtime;
using MergeQueue.Analyzers.FrontEnd.Values;
using MergeQueue.Analyzers.FrontEnd.Values.Heap;
using MergeQueue.Analyzers.FrontEnd.Values.Types;

namespace MergeQueue.Analyzers.FrontEnd.Interpreter.Packing;

/// <summary>
/// A tuple, struct or record struct of immutable members: its members in declaration order, no tag. Such an object
/// is never written (a member write builds a new one), so a decode that reads what it read last hands that out again.
/// </summary>
internal sealed class RecordCodec(RecordType type, ValueCodec[] members, int id) : ValueCodec(id)
{
    public override void Write(Value value, StateWriter writer, PackContext context)
    {
        var fields = ((RecordObject)(value.Ref ?? type.Default.Ref!)).Fields;
        for (int i = 0; i < members.Length; i++)
        {
            members[i].Write(fields[i], writer, context);
        }
    }

    public override Value Read(ref StateReader reader, PackContext context)
    {
        var fields = context.Values(Id, members.Length);
        for (int i = 0; i < members.Length; i++)
        {
            fields[i] = members[i].Read(ref reader, context);
        }

        ref object? last = ref context.Next(Id);
        if (last is RecordObject previous && Same(previous.Fields, fields))
        {
            return new Value(previous);
        }

        var copy = new Value[members.Length];
        System.Array.Copy(fields, copy, copy.Length);
        var record = new RecordObject(type, copy);
        last = record;
        return new Value(record);
    }

    public override void Skip(ref StateReader reader)
    {
        foreach (var member in members)
        {
            member.Skip(ref reader);
        }
    }

    private bool Same(Value[] previous, Value[] fields)
    {
        var types = type.FieldTypes;
        for (int i = 0; i < members.Length; i++)
        {
            if (!types[i].Equal(previous[i], fields[i]))
            {
                return false;
            }
        }

        return true;
    }
}
