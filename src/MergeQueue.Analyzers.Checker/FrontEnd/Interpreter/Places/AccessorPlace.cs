using MergeQueue.Analyzers.FrontEnd.Values;

namespace MergeQueue.Analyzers.FrontEnd.Interpreter.Places;

/// <summary>A property of the model with written accessors: reads and writes are calls.</summary>
internal sealed class AccessorPlace(Expr get, System.Func<Frame, Value, Value> set) : Place
{
    public override Bound Bind(Frame frame) => default;

    public override Value Get(Frame frame, in Bound bound) => get(frame);

    public override void Set(Frame frame, in Bound bound, Value value) => set(frame, value);
}
