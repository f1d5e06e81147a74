using System.Runtime.CompilerServices;
using MergeQueue.Analyzers.Engine.Runtime;
using MergeQueue.Analyzers.FrontEnd.Values;

namespace MergeQueue.Analyzers.FrontEnd.Interpreter.Packing;

/// <summary>A bool, integer, char or enum: one varint.</summary>
internal sealed class ScalarCodec(ScalarCoding coding, int id) : ValueCodec(id)
{
    public ScalarCoding Coding { get; } = coding;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong ToVarint(ScalarCoding coding, long bits) =>
        coding == ScalarCoding.Signed ? unchecked((ulong)((bits << 1) ^ (bits >> 63))) : unchecked((ulong)bits);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long Read(ScalarCoding coding, ref StateReader reader) =>
        coding == ScalarCoding.Signed ? reader.ReadSigned() : unchecked((long)reader.ReadUnsigned());

    public override void Write(Value value, StateWriter writer, PackContext context) => writer.WriteUnsigned(ToVarint(Coding, value.Bits));

    public override Value Read(ref StateReader reader, PackContext context) => new(Read(Coding, ref reader));

    public override void Skip(ref StateReader reader) => reader.ReadUnsigned();
}
