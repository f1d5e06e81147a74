namespace MergeQueue.Analyzers.FrontEnd.Values.Heap;

/// <summary>A C# one-dimensional array.</summary>
internal sealed class ArrayObject(Value[] items) : HeapObject
{
    public Value[] Items { get; } = items;
}
