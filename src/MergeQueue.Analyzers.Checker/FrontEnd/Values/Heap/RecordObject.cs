using MergeQueue.Analyzers.FrontEnd.Values.Types;

namespace MergeQueue.Analyzers.FrontEnd.Values.Heap;

/// <summary>
/// A record, struct, tuple or key-value pair: its fields in declaration order. Value types and immutable records are
/// never written after construction (a member write builds a new object), so sharing them is safe.
/// </summary>
internal sealed class RecordObject(RecordType type, Value[] fields) : HeapObject
{
    /// <summary>The value's type: a tuple declared with element names gives the one without, which it is to .NET.</summary>
    public RecordType Type { get; } = type.Identity;

    public Value[] Fields { get; } = fields;

    public RecordObject With(int field, Value value)
    {
        var fields = (Value[])Fields.Clone();
        fields[field] = value;
        return new RecordObject(Type, fields);
    }
}
