using System;
using System.Runtime.CompilerServices;
using MergeQueue.Analyzers.Engine;
using MergeQueue.Analyzers.Engine.Runtime;
using MergeQueue.Analyzers.FrontEnd.Interpreter;
using MergeQueue.Analyzers.FrontEnd.Values.Heap;

namespace MergeQueue.Analyzers.FrontEnd.Values;

/// <summary>
/// The bound on how deep a value may nest (<c>record Node(int V, Node? Next)</c> built into a long chain). Values are
/// compared, hashed, copied and printed by recursion; a stack overflow would kill the compiler, so a value deeper
/// than <see cref="MaxDepth"/> fails the step that builds or walks it instead, with a message that says so. States
/// are checked when frozen (<see cref="HeapObject.Nesting"/>), so the engine's own walks over states stay shallow;
/// a step's own values are checked while walked, by <see cref="Enter"/> on the record types that can hold themselves.
/// </summary>
internal static class ValueNesting
{
    /// <summary>The generated <c>Explore()</c>'s bound too: both paths stop the same chain at the same level.</summary>
    public const int MaxDepth = ValueDepth.MaxDepth;

    [ThreadStatic]
    private static int depth;

    /// <summary>
    /// One level deeper into a value, counted only for a type that can hold itself (<paramref name="selfNested"/>):
    /// other values nest no deeper than their declared types. Dispose the result when leaving the level.
    /// </summary>
    public static Level Enter(bool selfNested)
    {
        if (!selfNested)
        {
            return default;
        }

        if (depth >= MaxDepth)
        {
            throw TooDeep();
        }

        try
        {
            RuntimeHelpers.EnsureSufficientExecutionStack();
        }
        catch (InsufficientExecutionStackException)
        {
            throw TooDeep();
        }

        depth++;
        return new Level(entered: true);
    }

    /// <summary>The depth of a frozen part of a value (0 for scalars and null).</summary>
    public static int Of(Value value) => value.Ref is HeapObject heapObject ? heapObject.Nesting : 0;

    /// <summary>The depth of a value whose parts are frozen; fails past the bound.</summary>
    public static int Above(int deepestPart) => deepestPart < MaxDepth ? deepestPart + 1 : throw TooDeep();

    /// <summary>A level entered by <see cref="Enter"/>, left when disposed.</summary>
    public readonly struct Level(bool entered) : IDisposable
    {
        public void Dispose()
        {
            if (entered)
            {
                depth--;
            }
        }
    }

    public static ModelException TooDeep() => new(FailureKind.LimitExceeded, ValueDepth.TooDeepMessage);
}
