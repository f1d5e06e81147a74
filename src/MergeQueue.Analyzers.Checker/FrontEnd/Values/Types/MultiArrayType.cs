using System.Text;
using MergeQueue.Analyzers.FrontEnd.Values.Heap;

namespace MergeQueue.Analyzers.FrontEnd.Values.Types;

/// <summary>
/// A multi-dimensional array (<c>bool[,]</c>): its elements in row-major order, as .NET enumerates them, and the
/// length of each dimension, which is part of its identity (a 2x3 array is not a 3x2 one). Traces print it as nested
/// rows: <c>[[a, b], [c, d]]</c>.
/// </summary>
internal sealed class MultiArrayType(VType element, int rank)
    : IndexedCollectionType(element, element.Name + "[" + new string(',', rank - 1) + "]", element.ClrName + "[" + new string(',', rank - 1) + "]", Seed)
{
    private const long Seed = 0x4D41;

    public int Rank { get; } = rank;

    public override int CountOf(object collection) => ((ArrayObject)collection).Items.Length;

    public override Value ItemAt(object collection, int index) => ((ArrayObject)collection).Items[index];

    public override bool Equal(Value a, Value b) =>
        ReferenceEquals(a.Ref, b.Ref)
        || (a.Ref is ArrayObject x && b.Ref is ArrayObject y && SameShape(x, y) && base.Equal(a, b));

    public override long Hash(Value value)
    {
        if (value.Ref is not ArrayObject { Frozen: false, Lengths: { } lengths })
        {
            return base.Hash(value);
        }

        long hash = base.Hash(value);
        foreach (int length in lengths)
        {
            hash = Hashing.Combine(hash, length);
        }

        return hash;
    }

    public override int Compare(Value a, Value b)
    {
        if (a.Ref is ArrayObject { Lengths: { } x } && b.Ref is ArrayObject { Lengths: { } y })
        {
            for (int d = 0; d < x.Length; d++)
            {
                if (x[d] != y[d])
                {
                    return x[d].CompareTo(y[d]);
                }
            }
        }

        return base.Compare(a, b);
    }

    protected override HeapObject CopyOf(object collection, bool deep)
    {
        var source = (ArrayObject)collection;
        var items = (Value[])source.Items.Clone();
        if (deep)
        {
            for (int i = 0; i < items.Length; i++)
            {
                items[i] = Element.DeepCopy(items[i]);
            }
        }

        return new ArrayObject(items, source.Lengths);
    }

    public override void Format(Value value, StringBuilder text)
    {
        if (value.Ref is not ArrayObject { Lengths: { } lengths } array)
        {
            text.Append("null");
            return;
        }

        int next = 0;
        FormatDimension(array.Items, lengths, 0, ref next, text);
    }

    private void FormatDimension(Value[] items, int[] lengths, int dimension, ref int next, StringBuilder text)
    {
        text.Append('[');
        for (int i = 0; i < lengths[dimension]; i++)
        {
            if (i > 0)
            {
                text.Append(", ");
            }

            if (dimension == lengths.Length - 1)
            {
                Element.Format(items[next++], text);
            }
            else
            {
                FormatDimension(items, lengths, dimension + 1, ref next, text);
            }
        }

        text.Append(']');
    }

    /// <summary>The row-major position of <c>a[i, j, …]</c>; IndexOutOfRangeException when an index is outside its dimension.</summary>
    /// <summary><see cref="FlatIndex(ArrayObject, long[])"/> of a two-dimensional array, without an array of indices.</summary>
    public static int FlatIndex(ArrayObject array, long first, long second)
    {
        var lengths = array.Lengths!;
        if ((ulong)first >= (ulong)lengths[0] || (ulong)second >= (ulong)lengths[1])
        {
            throw Interpreter.Errors.IndexOutOfRange();
        }

        return (int)((first * lengths[1]) + second);
    }

    public static int FlatIndex(ArrayObject array, long[] indices)
    {
        var lengths = array.Lengths!;
        long flat = 0;
        for (int d = 0; d < lengths.Length; d++)
        {
            if ((ulong)indices[d] >= (ulong)lengths[d])
            {
                throw Interpreter.Errors.IndexOutOfRange();
            }

            flat = (flat * lengths[d]) + indices[d];
        }

        return (int)flat;
    }

    private static bool SameShape(ArrayObject x, ArrayObject y)
    {
        if (x.Lengths is not { } a || y.Lengths is not { } b || a.Length != b.Length)
        {
            return false;
        }

        for (int d = 0; d < a.Length; d++)
        {
            if (a[d] != b[d])
            {
                return false;
            }
        }

        return true;
    }
}
