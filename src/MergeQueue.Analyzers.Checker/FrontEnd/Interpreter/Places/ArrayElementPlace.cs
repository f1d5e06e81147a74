using MergeQueue.Analyzers.FrontEnd.Values;
using MergeQueue.Analyzers.FrontEnd.Values.Heap;

namespace MergeQueue.Analyzers.FrontEnd.Interpreter.Places;

/// <summary><c>a[i]</c>: the array is owned (copied out of the state before the first write).</summary>
internal sealed class ArrayElementPlace(Expr array, Expr index) : Place
{
    public override Bound Bind(Frame frame)
    {
        var target = array(frame).Ref ?? throw Errors.NullReference();
        return new Bound(target, index(frame).Bits, default);
    }

    public override Value Get(Frame frame, in Bound bound)
    {
        var items = ((ArrayObject)bound.Target!).Items;
        return (ulong)bound.Index < (ulong)items.Length ? items[bound.Index] : throw Errors.IndexOutOfRange();
    }

    public override void Set(Frame frame, in Bound bound, Value value)
    {
        var items = ((ArrayObject)bound.Target!).Items;
        if ((ulong)bound.Index >= (ulong)items.Length)
        {
            throw Errors.IndexOutOfRange();
        }

        items[bound.Index] = value;
    }
}
