using MergeQueue.Analyzers.Engine.Runtime;
using MergeQueue.Analyzers.FrontEnd.Values;
using MergeQueue.Analyzers.FrontEnd.Values.Types;

namespace MergeQueue.Analyzers.FrontEnd.Interpreter.Packing;

/// <summary>
/// How one value kind is written in the canonical state encoding (the one the generated explorer writes, on
/// <see cref="StateCoding"/>) and read back into the objects the interpreter works on. A codec is shared by every
/// thread; what a read reuses lives in the caller's <see cref="PackContext"/>, in the pools numbered by <see cref="Id"/>.
/// </summary>
internal abstract class ValueCodec(int id)
{
    /// <summary>This codec's pool in a <see cref="PackContext"/>; every codec of one field is numbered apart.</summary>
    public int Id { get; } = id;

    public abstract void Write(Value value, StateWriter writer, PackContext context);

    /// <summary>The value read, in objects taken from this codec's pool (refilled) or new ones added to it.</summary>
    public abstract Value Read(ref StateReader reader, PackContext context);

    /// <summary>Moves past a value without building it.</summary>
    public abstract void Skip(ref StateReader reader);

    /// <summary>
    /// The codec of <paramref name="type"/>, numbering its pools from <paramref name="ids"/>; null when the kind is
    /// kept as frozen objects (records with mutable members or holding themselves, opaque values, model instances).
    /// </summary>
    public static ValueCodec? For(VType type, ref int ids)
    {
        switch (type)
        {
            case BoolType:
                return new ScalarCodec(ScalarCoding.Bool, ids++);
            case EnumType:
                return new ScalarCodec(ScalarCoding.Signed, ids++);
            case IntegerType integer:
                return new ScalarCodec(integer.Kind is IntKind.Char or IntKind.UInt64 ? ScalarCoding.Unsigned : ScalarCoding.Signed, ids++);
            case StringType:
                return new StringCodec(ids++);
            case NullableType nullable:
                return For(nullable.Underlying, ref ids) is { } underlying ? new NullableCodec(nullable, underlying, ids++) : null;
            case MultiArrayType multi:
                return For(multi.Element, ref ids) is { } cell ? new ArrayCodec(cell, multi.Rank, ids++) : null;
            case ArrayType array:
                return For(array.Element, ref ids) is { } element ? new ArrayCodec(element, 0, ids++) : null;
            case ListType or QueueType or StackType:
                return For(((IndexedCollectionType)type).Element, ref ids) is { } item ? new SequenceCodec(type, item, ids++) : null;
            case TableType table when !table.Key.HasMutableParts:
                // A key compared by reference (a mutable one) has no structural encoding.
                if (For(table.Key, ref ids) is not { } key)
                {
                    return null;
                }

                ValueCodec? value = null;
                if (table.ValueType is not null && (value = For(table.ValueType, ref ids)) is null)
                {
                    return null;
                }

                return new TableCodec(table, key, value, ids++);
            case RecordType record when record.Kind is RecordKind.RecordStruct or RecordKind.Struct or RecordKind.Tuple or RecordKind.Pair
                && !record.HasMutableParts && !record.SelfNested && record.RuntimeTypes.Count == 0:
                var members = new ValueCodec[record.FieldTypes.Count];
                for (int i = 0; i < members.Length; i++)
                {
                    if (For(record.FieldTypes[i], ref ids) is not { } member)
                    {
                        return null;
                    }

                    members[i] = member;
                }

                return new RecordCodec(record, members, ids++);
            case RecordType record when record.Kind == RecordKind.RecordClass && !record.HasMutableParts && !record.SelfNested:
                return RecordClass(record, ref ids);
            default:
                return null;
        }
    }

    private static ValueCodec? RecordClass(RecordType declared, ref int ids)
    {
        var order = RecordClassCodec.RuntimeOrder(declared);
        var members = new ValueCodec[order.Count][];
        for (int tag = 0; tag < order.Count; tag++)
        {
            var types = order[tag].FieldTypes;
            members[tag] = new ValueCodec[types.Count];
            for (int i = 0; i < types.Count; i++)
            {
                if (For(types[i], ref ids) is not { } member)
                {
                    return null;
                }

                members[tag][i] = member;
            }
        }

        return new RecordClassCodec(order, members, ids++);
    }
}
