using MergeQueue.Analyzers.FrontEnd.Values;

namespace MergeQueue.Analyzers.FrontEnd.Interpreter.Places;

/// <summary>A place with its receiver and index evaluated once, so that <c>a[i()] += 1</c> calls <c>i()</c> once.</summary>
internal readonly struct Bound(object? target, long index, Value key)
{
    public object? Target { get; } = target;

    public long Index { get; } = index;

    public Value Key { get; } = key;
}
