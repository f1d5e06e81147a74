namespace MergeQueue.Analyzers.FrontEnd.Values.Heap;

/// <summary>
/// A C# array. A multi-dimensional one (<c>bool[,]</c>) keeps its elements in row-major order, the order .NET
/// enumerates them in, with the length of each dimension beside them.
/// </summary>
internal sealed class ArrayObject(Value[] items, int[]? lengths = null) : HeapObject
{
    public Value[] Items { get; } = items;

    /// <summary>The length of each dimension of a multi-dimensional array; null for a one-dimensional one.</summary>
    public int[]? Lengths { get; } = lengths;
}
