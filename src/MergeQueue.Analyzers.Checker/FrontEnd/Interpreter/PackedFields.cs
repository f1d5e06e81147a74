using System.Runtime.CompilerServices;
using MergeQueue.Analyzers.Engine.Runtime;
using MergeQueue.Analyzers.FrontEnd.Interpreter.Packing;
using MergeQueue.Analyzers.FrontEnd.Values;
using MergeQueue.Analyzers.FrontEnd.Values.Heap;
using MergeQueue.Analyzers.FrontEnd.Values.Types;

namespace MergeQueue.Analyzers.FrontEnd.Interpreter;

/// <summary>
/// The state fields of a model as the canonical encoding the generated adapters use (<see cref="StateCoding"/>):
/// equal states are equal bytes, so a state is looked up as bytes and a successor already
/// seen costs no garbage. A model of bools, integers, chars, enums and arrays of them (<see cref="Simple"/>) takes a
/// path of its own: a state of the merge-queue family is two machine words, and a step allocates nothing. Any other
/// goes through one <see cref="ValueCodec"/> per field. A run works on objects its execution owns, refilled from the
/// state it starts from.
/// </summary>
internal sealed partial class PackedFields
{
    // Test hook: [ThreadStatic] so that a test comparing the two representations does not change other tests' models.
    [System.ThreadStatic]
    private static bool frozenOnly;

    private readonly StateLayout layout;
    private readonly VType[] types;
    private readonly bool[] isArray;
    private readonly ScalarCoding[] codings;
    private readonly int arrayCount;

    private PackedFields(StateLayout layout, ValueCodec[]? codecs, int[]? firstCodec, int codecCount)
    {
        this.layout = layout;
        types = layout.Types;
        isArray = new bool[types.Length];
        codings = new ScalarCoding[types.Length];
        for (int i = 0; i < types.Length; i++)
        {
            isArray[i] = types[i] is ArrayType;
            arrayCount += isArray[i] ? 1 : 0;
            codings[i] = Coding(isArray[i] ? ((ArrayType)types[i]).Element : types[i]);
        }

        this.codecs = codecs;
        this.firstCodec = firstCodec;
        CodecCount = codecCount;
        tracking = Tracking(layout);
    }

    /// <summary>Whether every field is a scalar or an array of scalars, encoded without codecs.</summary>
    public bool Simple => codecs is null;

    /// <summary>
    /// The encoding of <paramref name="layout"/>'s fields, or null when some field holds a kind kept as frozen
    /// objects (see <see cref="ValueCodec.For"/>).
    /// </summary>
    public static PackedFields? For(StateLayout layout)
    {
        if (frozenOnly)
        {
            return null;
        }

        bool simple = true;
        foreach (var type in layout.Types)
        {
            simple &= IsScalar(type) || (type is ArrayType array && IsScalar(array.Element));
        }

        if (simple)
        {
            return new PackedFields(layout, null, null, 0);
        }

        var codecs = new ValueCodec[layout.Count];
        var firstCodec = new int[layout.Count + 1];
        int ids = 0;
        for (int i = 0; i < codecs.Length; i++)
        {
            firstCodec[i] = ids;
            if (ValueCodec.For(layout.Types[i], ref ids) is not { } codec)
            {
                return null;
            }

            codecs[i] = codec;
        }

        firstCodec[codecs.Length] = ids;
        return new PackedFields(layout, codecs, firstCodec, ids);
    }

    /// <summary>
    /// Makes the models compiled on this thread until disposed keep every state as frozen objects, as a model of a
    /// kind without an encoding does: for tests that compare the two representations.
    /// </summary>
    internal static System.IDisposable FrozenOnlyOnThisThread()
    {
        frozenOnly = true;
        return new FrozenOnlyScope();
    }

    private static ScalarCoding Coding(VType type) => type switch
    {
        BoolType => ScalarCoding.Bool,
        IntegerType { Kind: IntKind.Char or IntKind.UInt64 } => ScalarCoding.Unsigned,
        _ => ScalarCoding.Signed,
    };

    private sealed class FrozenOnlyScope : System.IDisposable
    {
        public void Dispose() => frozenOnly = false;
    }

    /// <summary>
    /// Decodes <paramref name="state"/> into <paramref name="fields"/>, the arrays into <paramref name="arrays"/>
    /// (one per field, reused while the length is the same).
    /// </summary>
    public void Load(PackedState state, Value[] fields, ArrayObject?[] arrays, System.Threading.CancellationToken cancellation = default)
    {
        var reader = new StateReader(state);
        for (int i = 0; i < fields.Length; i++)
        {
            if (!isArray[i])
            {
                fields[i] = new Value(ScalarCodec.Read(codings[i], ref reader));
                continue;
            }

            int length = reader.ReadLength();
            if (length < 0)
            {
                fields[i] = Value.Null;
                continue;
            }

            LongValues.Check(length, cancellation);
            var array = arrays[i];
            if (array is null || array.Items.Length != length)
            {
                array = arrays[i] = new ArrayObject(new Value[length]);
            }

            var items = array.Items;
            var coding = codings[i];
            for (int j = 0; j < items.Length; j++)
            {
                items[j] = new Value(ScalarCodec.Read(coding, ref reader));
            }

            fields[i] = new Value(array);
        }
    }

    /// <summary>A state's fields as new objects, for printing it.</summary>
    public Value[] Decode(PackedState state)
    {
        var fields = new Value[types.Length];
        if (Simple)
        {
            Load(state, fields, new ArrayObject?[types.Length]);
        }
        else
        {
            Load(state, fields, new PackContext(CodecCount), ulong.MaxValue);
        }

        return fields;
    }

    /// <summary>
    /// One field of a state as a new object, for printing it: the fields before it are skipped, those after it not
    /// read. A trace prints each field of each state, and a state of a 16-million-character string took a second to
    /// print whole once for each of its fields.
    /// </summary>
    public Value DecodeField(PackedState state, int field)
    {
        var fields = new Value[field + 1];
        if (Simple)
        {
            Load(state, fields, new ArrayObject?[field + 1]);
        }
        else
        {
            Load(state, fields, new PackContext(CodecCount), 1UL << System.Math.Min(field, 63));
        }

        return fields[field];
    }

    /// <summary>Encodes the fields (past two words, with <paramref name="writer"/>); one array in two fields is the model error of SPEC §2.</summary>
    public PackedState Store(Value[] fields, StateWriter writer, PackContext? context, bool checkSharing, System.Threading.CancellationToken cancellation = default)
    {
        if (!Simple)
        {
            return StoreWithCodecs(fields, writer, context!, checkSharing);
        }

        if (checkSharing && arrayCount > 1)
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
        Encode(fields, ref bytes, cancellation);
        return writer.ToPacked();
    }

    // The fields as varints (StateCoding): integers zigzagged, bools, chars and ulongs as they are, an array as its
    // length plus one (0 for null) and its items. False when the sink is full.
    private bool Encode<TSink>(Value[] fields, ref TSink sink, System.Threading.CancellationToken cancellation = default)
        where TSink : struct, IVarintSink
    {
        for (int i = 0; i < fields.Length; i++)
        {
            if (!isArray[i])
            {
                if (!sink.Put(ScalarCodec.ToVarint(codings[i], fields[i].Bits)))
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

            LongValues.Check(items?.Length ?? 0, cancellation);
            var coding = codings[i];
            for (int j = 0; items is not null && j < items.Length; j++)
            {
                if (!sink.Put(ScalarCodec.ToVarint(coding, items[j].Bits)))
                {
                    return false;
                }
            }
        }

        return true;
    }

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
