using MergeQueue.Analyzers.FrontEnd.Values;

namespace MergeQueue.Analyzers.FrontEnd.Interpreter.Places;

/// <summary>A state field of the model.</summary>
internal sealed class StateFieldPlace(int slot) : Place
{
    public override Bound Bind(Frame frame) => default;

    public override Value Get(Frame frame, in Bound bound) => frame.Ex.Fields[slot];

    public override void Set(Frame frame, in Bound bound, Value value) => frame.Ex.Write(slot, value);
}
