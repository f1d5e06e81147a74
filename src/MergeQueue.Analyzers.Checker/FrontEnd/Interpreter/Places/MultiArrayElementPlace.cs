using MergeQueue.Analyzers.FrontEnd.Values;
using MergeQueue.Analyzers.FrontEnd.Values.Heap;
using MergeQueue.Analyzers.FrontEnd.Values.Types;

namespace MergeQueue.Analyzers.FrontEnd.Interpreter.Places;

/// <summary><c>a[i, j]</c>: the array is owned (copied out of the state before the first write); the indices are checked when bound.</summary>
internal sealed class MultiArrayElementPlace(Expr array, Expr[] indices) : Place
{
    public override Bound Bind(Frame frame)
    {
        var target = (ArrayObject)(array(frame).Ref ?? throw Errors.NullReference());
        return new Bound(target, FlatIndex(target, indices, frame), default);
    }

    /// <summary>
    /// The element's index in the row-major items: every index evaluated, then checked, as C# does; a two-dimensional
    /// array's without an array of indices, since models read their grids in every step.
    /// </summary>
    public static int FlatIndex(ArrayObject target, Expr[] indices, Frame frame)
    {
        if (indices.Length == 2)
        {
            long first = indices[0](frame).Bits;
            return MultiArrayType.FlatIndex(target, first, indices[1](frame).Bits);
        }

        var values = new long[indices.Length];
        for (int d = 0; d < values.Length; d++)
        {
            values[d] = indices[d](frame).Bits;
        }

        return MultiArrayType.FlatIndex(target, values);
    }

    public override Value Get(Frame frame, in Bound bound) => ((ArrayObject)bound.Target!).Items[bound.Index];

    public override void Set(Frame frame, in Bound bound, Value value) => ((ArrayObject)bound.Target!).Items[bound.Index] = value;
}
