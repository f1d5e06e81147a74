using MergeQueue.Analyzers.FrontEnd.Values;
using MergeQueue.Analyzers.FrontEnd.Values.Heap;

namespace MergeQueue.Analyzers.FrontEnd.Interpreter.Places;

/// <summary>
/// A member of a struct or tuple held in another place: value types are never written in place, so a write builds
/// the changed copy and stores it back (<c>a[i].X = 1</c> stores a new struct into <c>a[i]</c>).
/// </summary>
internal sealed class MemberPlace(Place holder, int field) : Place
{
    public override Bound Bind(Frame frame) => holder.Bind(frame);

    public override Value Get(Frame frame, in Bound bound) => ((RecordObject)holder.Get(frame, bound).Ref!).Fields[field];

    public override void Set(Frame frame, in Bound bound, Value value)
    {
        var record = (RecordObject)holder.Get(frame, bound).Ref!;
        holder.Set(frame, bound, new Value(record.With(field, value)));
    }
}
