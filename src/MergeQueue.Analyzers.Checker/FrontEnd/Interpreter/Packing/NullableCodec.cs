using MergeQueue.Analyzers.Engine.Runtime;
using MergeQueue.Analyzers.FrontEnd.Values;
using MergeQueue.Analyzers.FrontEnd.Values.Types;

namespace MergeQueue.Analyzers.FrontEnd.Interpreter.Packing;

/// <summary><c>T?</c> of a value type: whether it has a value, then the value.</summary>
internal sealed class NullableCodec(NullableType type, ValueCodec underlying, int id) : ValueCodec(id)
{
    public override void Write(Value value, StateWriter writer, PackContext context)
    {
        bool present = NullableType.HasValue(value);
        writer.WriteBool(present);
        if (present)
        {
            underlying.Write(type.Unwrap(value), writer, context);
        }
    }

    public override Value Read(ref StateReader reader, PackContext context) =>
        reader.ReadBool() ? type.Wrap(underlying.Read(ref reader, context)) : Value.Null;

    public override void Skip(ref StateReader reader)
    {
        if (reader.ReadBool())
        {
            underlying.Skip(ref reader);
        }
    }
}
