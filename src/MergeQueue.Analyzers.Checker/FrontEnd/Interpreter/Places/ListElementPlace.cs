using MergeQueue.Analyzers.FrontEnd.Values;
using MergeQueue.Analyzers.FrontEnd.Values.Heap;

namespace MergeQueue.Analyzers.FrontEnd.Interpreter.Places;

/// <summary><c>list[i]</c>.</summary>
internal sealed class ListElementPlace(Expr list, Expr index) : Place
{
    public override Bound Bind(Frame frame)
    {
        var target = list(frame).Ref ?? throw Errors.NullReference();
        return new Bound(target, index(frame).Bits, default);
    }

    public override Value Get(Frame frame, in Bound bound) => ((ListObject)bound.Target!)[bound.Index];

    public override void Set(Frame frame, in Bound bound, Value value) => ((ListObject)bound.Target!)[bound.Index] = value;
}
