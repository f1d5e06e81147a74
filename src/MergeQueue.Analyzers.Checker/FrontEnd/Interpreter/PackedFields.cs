using System.Runtime.CompilerServices;
using MergeQueue.Analyzers.Engine.Runtime;
using MergeQueue.Analyzers.FrontEnd.Values;
using MergeQueue.Analyzers.FrontEnd.Values.Heap;
using MergeQueue.Analyzers.FrontEnd.Values.Types;

namespace MergeQueue.Analyzers.FrontEnd.Interpreter;

/// <summary>
/// The state fields of a model made only of bools, integers, chars, enums and arrays of them, as the canonical
/// encoding the generated adapters use (<see cref="StateCoding"/>): a state of the merge-queue family is two machine
/// words, so a step allocates nothing and a successor already seen costs no garbage. A run works on arrays this
/// object owns, refilled from the state it starts from.
/// </summary>
internal sealed class PackedFields
{
    private readonly StateLayout layout;
    private readonly VType[] types;
    private readonly bool[] isArray;
    private readonly int arrayCount;

    private PackedFields(StateLayout layout)
    {
        this.layout = layout;
        types = layout.Types;
        isArray = new bool[types.Length];
        for (int i = 0; i < types.Length; i++)
        {
            isArray[i] = types[i] is ArrayType;
            arrayCount += isArray[i] ? 1 : 0;
        }
    }

    /// <summary>The encoding of <paramref name="layout"/>'s fields, or null when some field is not a scalar or an array of scalars.</summary>
    public static PackedFields? For(StateLayout layout)
    {
        foreach (var type in layout.Types)
        {
            if (!IsScalar(type) && !(type is ArrayType array && IsScalar(array.Element)))
            {
                return null;
            }
        }

        return new PackedFields(layout);
    }

    /// <summary>
    /// Decodes <paramref name="state"/> into <paramref name="fields"/>, the arrays into <paramref name="arrays"/>
    /// (one per field, reused while the length is the same).
    /// </summary>
    public void Load(PackedState state, Value[] fields, ArrayObject?[] arrays)
    {
        var reader = new StateReader(state);
        for (int i = 0; i < fields.Length; i++)
        {
            if (!isArray[i])
            {
                fields[i] = new Value(reader.ReadSigned());
                continue;
            }

            int length = reader.ReadLength();
            if (length < 0)
            {
                fields[i] = Value.Null;
                continue;
            }

            var array = arrays[i];
            if (array is null || array.Items.Length != length)
            {
                array = arrays[i] = new ArrayObject(new Value[length]);
            }

            var items = array.Items;
            for (int j = 0; j < items.Length; j++)
            {
                items[j] = new Value(reader.ReadSigned());
            }

            fields[i] = new Value(array);
        }
    }

    /// <summary>A state's fields as new objects, for printing it.</summary>
    public Value[] Decode(PackedState state)
    {
        var fields = new Value[types.Length];
        Load(state, fields, new ArrayObject?[types.Length]);
        return fields;
    }

    /// <summary>Encodes the fields with <paramref name="writer"/>; one array in two fields is the model error of SPEC §2.</summary>
    public PackedState Store(Value[] fields, StateWriter writer)
    {
        if (arrayCount > 1)
        {
            CheckSharing(fields);
        }

        if (TryStoreInWords(fields, out var state))
        {
            return state;
        }

        writer.Reset();
        for (int i = 0; i < fields.Length; i++)
        {
            if (!isArray[i])
            {
                writer.WriteSigned(fields[i].Bits);
                continue;
            }

            if (fields[i].Ref is not ArrayObject array)
            {
                writer.WriteLength(-1);
                continue;
            }

            var items = array.Items;
            writer.WriteLength(items.Length);
            for (int j = 0; j < items.Length; j++)
            {
                writer.WriteSigned(items[j].Bits);
            }
        }

        return writer.ToPacked();
    }

    // The StateWriter's bytes, put straight into the two words: the common case, at a fraction of the cost.
    private bool TryStoreInWords(Value[] fields, out PackedState state)
    {
        ulong low = 0;
        ulong high = 0;
        int at = 0;
        state = default;
        for (int i = 0; i < fields.Length; i++)
        {
            if (!isArray[i])
            {
                if (!Put(ref low, ref high, ref at, ZigZag(fields[i].Bits)))
                {
                    return false;
                }

                continue;
            }

            if (fields[i].Ref is not ArrayObject array)
            {
                // StateWriter.WriteLength(-1).
                if (!Put(ref low, ref high, ref at, 0))
                {
                    return false;
                }

                continue;
            }

            var items = array.Items;
            if (!Put(ref low, ref high, ref at, (ulong)items.Length + 1))
            {
                return false;
            }

            for (int j = 0; j < items.Length; j++)
            {
                if (!Put(ref low, ref high, ref at, ZigZag(items[j].Bits)))
                {
                    return false;
                }
            }
        }

        state = new PackedState(low, high, null);
        return true;
    }

    private static ulong ZigZag(long value) => unchecked((ulong)((value << 1) ^ (value >> 63)));

    // One varint, as StateWriter.WriteUnsigned writes it; false past the sixteenth byte.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool Put(ref ulong low, ref ulong high, ref int at, ulong value)
    {
        while (at < 16)
        {
            ulong next = value >= 0x80 ? (value & 0x7F) | 0x80 : value;
            if (at < 8)
            {
                low |= next << (at << 3);
            }
            else
            {
                high |= next << ((at - 8) << 3);
            }

            at++;
            if (value < 0x80)
            {
                return true;
            }

            value >>= 7;
        }

        return false;
    }

    private static bool IsScalar(VType type) => type is IntegerType or BoolType or EnumType;

    private void CheckSharing(Value[] fields)
    {
        for (int i = 0; i < fields.Length; i++)
        {
            if (!isArray[i] || fields[i].Ref is not ArrayObject first)
            {
                continue;
            }

            for (int j = i + 1; j < fields.Length; j++)
            {
                if (ReferenceEquals(fields[j].Ref, first))
                {
                    throw Errors.Shared(layout.Names[i], layout.Names[j]);
                }
            }
        }
    }
}
