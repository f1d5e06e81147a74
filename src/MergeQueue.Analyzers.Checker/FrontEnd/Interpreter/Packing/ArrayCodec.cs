using MergeQueue.Analyzers.Engine.Runtime;
using MergeQueue.Analyzers.FrontEnd.Values;
using MergeQueue.Analyzers.FrontEnd.Values.Heap;

namespace MergeQueue.Analyzers.FrontEnd.Interpreter.Packing;

/// <summary>
/// An array: null as -1, else its length and elements; a multi-dimensional one (<paramref name="rank"/> 2 or more)
/// its rank, each dimension's length, and its elements in row-major order.
/// </summary>
internal sealed class ArrayCodec(ValueCodec element, int rank, int id) : ValueCodec(id)
{
    private readonly ScalarCodec? scalar = element as ScalarCodec;

    public override void Write(Value value, StateWriter writer, PackContext context)
    {
        if (value.Ref is not ArrayObject array)
        {
            writer.WriteLength(-1);
            return;
        }

        context.Visit(array);
        var items = array.Items;
        context.BeforeLong(items.Length);
        if (rank == 0)
        {
            writer.WriteLength(items.Length);
        }
        else
        {
            writer.WriteLength(rank);
            foreach (int length in array.Lengths!)
            {
                writer.WriteLength(length);
            }
        }

        if (scalar is not null)
        {
            var coding = scalar.Coding;
            for (int i = 0; i < items.Length; i++)
            {
                writer.WriteUnsigned(ScalarCodec.ToVarint(coding, items[i].Bits));
            }

            return;
        }

        for (int i = 0; i < items.Length; i++)
        {
            element.Write(items[i], writer, context);
        }
    }

    public override Value Read(ref StateReader reader, PackContext context)
    {
        int header = reader.ReadLength();
        if (header < 0)
        {
            return Value.Null;
        }

        ref object? pooled = ref context.Next(Id);
        var array = pooled as ArrayObject;
        int count = header;
        int[]? dimensions = null;
        if (rank != 0)
        {
            dimensions = context.Dimensions(header);
            count = 1;
            for (int d = 0; d < header; d++)
            {
                dimensions[d] = reader.ReadLength();
                count *= dimensions[d];
            }

            if (array?.Lengths is not { } lengths || !SameShape(lengths, dimensions))
            {
                array = null;
            }
        }

        if (array is null || array.Items.Length != count)
        {
            array = new ArrayObject(new Value[count], dimensions is null ? null : Shape(dimensions, rank));
            pooled = array;
        }

        var items = array.Items;
        context.BeforeLong(items.Length);
        if (scalar is not null)
        {
            var coding = scalar.Coding;
            for (int i = 0; i < items.Length; i++)
            {
                items[i] = new Value(ScalarCodec.Read(coding, ref reader));
            }
        }
        else
        {
            for (int i = 0; i < items.Length; i++)
            {
                items[i] = element.Read(ref reader, context);
            }
        }

        return new Value(array);
    }

    public override void Skip(ref StateReader reader)
    {
        int header = reader.ReadLength();
        if (header < 0)
        {
            return;
        }

        int count = header;
        if (rank != 0)
        {
            count = 1;
            for (int d = 0; d < header; d++)
            {
                count *= reader.ReadLength();
            }
        }

        for (int i = 0; i < count; i++)
        {
            element.Skip(ref reader);
        }
    }

    private static bool SameShape(int[] lengths, int[] dimensions)
    {
        for (int d = 0; d < lengths.Length; d++)
        {
            if (lengths[d] != dimensions[d])
            {
                return false;
            }
        }

        return true;
    }

    private static int[] Shape(int[] dimensions, int rank)
    {
        var lengths = new int[rank];
        System.Array.Copy(dimensions, lengths, rank);
        return lengths;
    }
}
