namespace MergeQueue.Analyzers.FrontEnd.Values;

/// <summary>The C# integral types (char included), each stored in <see cref="Value.Bits"/> sign- or zero-extended.</summary>
internal enum IntKind
{
    SByte,
    Byte,
    Int16,
    UInt16,
    Char,
    Int32,
    UInt32,
    Int64,
    UInt64,
}
