namespace MergeQueue.Analyzers.FrontEnd.Values.Heap;

/// <summary>
/// An object the interpreter allocates. Once <see cref="Frozen"/> it belongs to a state and is never written again
/// (a step copies it before writing), so states can share it and its hash is computed once.
/// </summary>
internal abstract class HeapObject
{
    public bool Frozen { get; private set; }

    /// <summary>The structural hash, valid once frozen.</summary>
    public long FrozenHash { get; private set; }

    /// <summary>
    /// How many objects deep the value goes (1 for an object holding no objects), valid once frozen: a state never
    /// holds a value deeper than <see cref="ValueNesting.MaxDepth"/>, so comparing, hashing and printing states
    /// cannot exhaust the stack.
    /// </summary>
    public int Nesting { get; private set; }

    public void Freeze(long hash, int nesting)
    {
        FrozenHash = hash;
        Nesting = nesting;
        Frozen = true;
    }
}
