using MergeQueue.Analyzers.Engine.Runtime;
using MergeQueue.Analyzers.FrontEnd.Values;

namespace MergeQueue.Analyzers.FrontEnd.Model;

/// <summary>
/// An immutable snapshot of every state field of an interpreted model. A model whose every field has an encoding
/// (<see cref="Interpreter.PackedFields"/>: scalars, strings, nullable values, collections, dictionaries, arrays,
/// tuples, structs and records of them) keeps it as its canonical encoding (<see cref="Packed"/>, no object at all);
/// any other keeps the frozen field values (<see cref="Fields"/>), sharing the objects a step did not write with the
/// state it started from.
/// </summary>
internal readonly struct InterpretedState
{
    private readonly Value[]? fields;

    // Packed: the encoding. Frozen: the fields' hash, in the low word.
    private readonly PackedState packed;

    internal InterpretedState(Value[] fields, long hash)
    {
        this.fields = fields;
        packed = new PackedState(unchecked((ulong)hash), 0, null);
    }

    internal InterpretedState(PackedState packed)
    {
        fields = null;
        this.packed = packed;
    }

    /// <summary>Whether the state is its encoding rather than field values.</summary>
    internal bool IsPacked => fields is null;

    /// <summary>The frozen field values; null when <see cref="IsPacked"/>.</summary>
    internal Value[]? Fields => fields;

    internal PackedState Packed => packed;

    /// <summary>Whether this is <paramref name="other"/>, cheaply: the same encoding, or the same field values object.</summary>
    internal bool IsSame(in InterpretedState other) =>
        fields is null ? other.fields is null && packed.Equals(other.packed) : ReferenceEquals(fields, other.fields);

    /// <summary>A hash of the canonical form of the fields: equal states hash alike in every process.</summary>
    public long Hash => fields is null ? unchecked((long)packed.Hash64()) : unchecked((long)packed.Low);
}
