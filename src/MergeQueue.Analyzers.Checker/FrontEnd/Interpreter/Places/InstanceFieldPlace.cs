using MergeQueue.Analyzers.FrontEnd.Values;
using MergeQueue.Analyzers.FrontEnd.Values.Heap;

namespace MergeQueue.Analyzers.FrontEnd.Interpreter.Places;

/// <summary>A field of another instance of the model (<c>copy.buff = ...</c>): written into that instance's own fields.</summary>
internal sealed class InstanceFieldPlace(Expr instance, int slot) : Place
{
    public override Bound Bind(Frame frame) => new(instance(frame).Ref as ModelInstance ?? throw Errors.NullReference(), slot, default);

    public override Value Get(Frame frame, in Bound bound) => ((ModelInstance)bound.Target!).Fields[slot];

    public override void Set(Frame frame, in Bound bound, Value value) => ((ModelInstance)bound.Target!).Set(slot, value);
}
