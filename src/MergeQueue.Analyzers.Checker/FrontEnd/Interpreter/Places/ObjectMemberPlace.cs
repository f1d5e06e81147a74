using MergeQueue.Analyzers.FrontEnd.Values;
using MergeQueue.Analyzers.FrontEnd.Values.Heap;

namespace MergeQueue.Analyzers.FrontEnd.Interpreter.Places;

/// <summary>A settable property of a record class: written in place, as the object is shared by reference.</summary>
internal sealed class ObjectMemberPlace(Expr instance, int field) : Place
{
    public override Bound Bind(Frame frame) => new(instance(frame).Ref ?? throw Errors.NullReference(), 0, default);

    public override Value Get(Frame frame, in Bound bound) => ((RecordObject)bound.Target!).Fields[field];

    public override void Set(Frame frame, in Bound bound, Value value) => ((RecordObject)bound.Target!).Fields[field] = value;
}
