using MergeQueue.Analyzers.FrontEnd.Values;

namespace MergeQueue.Analyzers.FrontEnd.Interpreter;

/// <summary>
/// A static field or auto-property of a record or helper type of the source (<c>Vertex.Genesis</c>): not state, its
/// initializer runs on first read, as .NET runs a type's static initializer before its first use.
/// </summary>
internal sealed class SourceStatic(CompiledFunction initializer)
{
    private readonly object gate = new();
    private Value value;
    private volatile bool ready;

    public CompiledFunction Initializer { get; } = initializer;

    /// <summary>The value, computed by <paramref name="compute"/> the first time (once, even with several workers).</summary>
    public Value Get(System.Func<Value> compute)
    {
        if (ready)
        {
            return value;
        }

        lock (gate)
        {
            if (!ready)
            {
                value = compute();
                ready = true;
            }

            return value;
        }
    }
}
