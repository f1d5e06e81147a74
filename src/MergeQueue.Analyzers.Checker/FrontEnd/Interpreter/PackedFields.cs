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

    /// <summary>Encodes the fields (past two words, with <paramref name="writer"/>); one array in two fields is the model error of SPEC §2.</summary>
    public PackedState Store(Value[] fields, StateWriter writer)
    {
        if (arrayCount > 1)
        {
            CheckSharing(fields);
        }

        // The common case straight into the two words; the StateWriter (same bytes) for a longer state.
        var words = default(WordSink);
        if (Encode(fields, ref words))
        {
            return new PackedState(words.Low, words.High, null);
        }

        writer.Reset();
        var bytes = new WriterSink(writer);
        Encode(fields, ref bytes);
        return writer.ToPacked();
    }

    // The fields as varints (StateCoding): numbers zigzagged, an array as its length plus one (0 for null) and its
    // items. False when the sink is full.
    private bool Encode<TSink>(Value[] fields, ref TSink sink)
        where TSink : struct, IVarintSink
    {
        for (int i = 0; i < fields.Length; i++)
        {
            if (!isArray[i])
            {
                if (!sink.Put(ZigZag(fields[i].Bits)))
                {
                    return false;
                }

                continue;
            }

            var items = (fields[i].Ref as ArrayObject)?.Items;
            if (!sink.Put(items is null ? 0 : (ulong)items.Length + 1))
            {
                return false;
            }

            for (int j = 0; items is not null && j < items.Length; j++)
            {
                if (!sink.Put(ZigZag(items[j].Bits)))
                {
                    return false;
                }
            }
        }

        return true;
    }

    private static ulong ZigZag(long value) => unchecked((ulong)((value << 1) ^ (value >> 63)));

    private interface IVarintSink
    {
        bool Put(ulong value);
    }

    // The bytes StateWriter.WriteUnsigned would write, in the two words of a PackedState; full past the sixteenth.
    private struct WordSink : IVarintSink
    {
        public ulong Low;
        public ulong High;
        private int at;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public bool Put(ulong value)
        {
            while (at < 16)
            {
                ulong next = value >= 0x80 ? (value & 0x7F) | 0x80 : value;
                if (at < 8)
                {
                    Low |= next << (at << 3);
                }
                else
                {
                    High |= next << ((at - 8) << 3);
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
    }

    private readonly struct WriterSink(StateWriter writer) : IVarintSink
    {
        public bool Put(ulong value)
        {
            writer.WriteUnsigned(value);
            return true;
        }
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
