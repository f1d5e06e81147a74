using MergeQueue.Analyzers.FrontEnd.Values;

namespace MergeQueue.Analyzers.FrontEnd.Interpreter.Places;

/// <summary>A local or parameter, possibly of an enclosing function.</summary>
internal sealed class VariablePlace(int hops, int slot) : Place
{
    public override Bound Bind(Frame frame) => new(frame.Up(hops), slot, default);

    public override Value Get(Frame frame, in Bound bound) => ((Frame)bound.Target!).Slots[slot];

    public override void Set(Frame frame, in Bound bound, Value value) => ((Frame)bound.Target!).Slots[slot] = value;
}
