using MergeQueue.Analyzers.FrontEnd.Values;

namespace MergeQueue.Analyzers.FrontEnd.Interpreter.Places;

/// <summary>A compiled assignment target: a variable, state field, element, entry or member.</summary>
internal abstract class Place
{
    public abstract Bound Bind(Frame frame);

    public abstract Value Get(Frame frame, in Bound bound);

    public abstract void Set(Frame frame, in Bound bound, Value value);
}
