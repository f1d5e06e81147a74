namespace MergeQueue.Analyzers.FrontEnd.Interpreter.Packing;

/// <summary>How a scalar's bits become one varint: the encoding writes each scalar kind one way.</summary>
internal enum ScalarCoding
{
    /// <summary>Integers but ulong, and enums: zigzag, so small negative values take one byte.</summary>
    Signed,

    /// <summary>char and ulong: the bits as they are.</summary>
    Unsigned,

    /// <summary>One byte, 0 or 1 (a varint of that value is the same byte).</summary>
    Bool,
}
