using System.Collections.Generic;
using System.Linq;
using MergeQueue.Analyzers.FrontEnd.Interpreter.Places;
using MergeQueue.Analyzers.FrontEnd.Values;
using MergeQueue.Analyzers.FrontEnd.Values.Heap;
using MergeQueue.Analyzers.FrontEnd.Values.Types;
using Microsoft.CodeAnalysis.Operations;

namespace MergeQueue.Analyzers.FrontEnd.Interpreter.Compiler;

/// <summary>
/// Multi-dimensional arrays (<c>bool[,]</c>): creation with sizes or nested initializers, <c>a[i, j]</c>,
/// <c>GetLength(d)</c> and <c>Rank</c>. <c>Length</c>, <c>foreach</c> and LINQ see the elements in row-major order
/// (see <see cref="MultiArrayType"/>).
/// </summary>
internal sealed partial class BodyCompiler
{
    private Expr MultiArrayElementRead(IArrayElementReferenceOperation operation, MultiArrayType type, Use use)
    {
        Expr[] indices = System.Array.Empty<Expr>();
        var indexEffects = Track(() => indices = operation.Indices.Select(Index).ToArray());
        var array = Expr(operation.ArrayReference, type.Element.HasMutableParts ? use.With(indexEffects) : Use.Peek(indexEffects));
        return frame =>
        {
            var target = (ArrayObject)(array(frame).Ref ?? throw Errors.NullReference());
            return target.Items[Places.MultiArrayElementPlace.FlatIndex(target, indices, frame)];
        };
    }

    private Place MultiArrayElementPlace(IArrayElementReferenceOperation element) =>
        new MultiArrayElementPlace(Expr(element.ArrayReference, Use.Own), element.Indices.Select(Index).ToArray());

    private Expr MultiArrayCreation(IArrayCreationOperation operation, MultiArrayType type)
    {
        if (operation.Initializer is { } initializer)
        {
            // `new[,] { { a, b }, { c, d } }`: the nested initializers give the lengths and the row-major order.
            var elements = new List<Expr>();
            var lengths = new int[type.Rank];
            Flatten(initializer, 0, elements, lengths);
            var values = elements.ToArray();
            return frame =>
            {
                var items = new Value[values.Length];
                for (int i = 0; i < items.Length; i++)
                {
                    items[i] = values[i](frame);
                }

                return new Value(new ArrayObject(items, lengths));
            };
        }

        var sizes = operation.DimensionSizes.Select(d => Expr(d)).ToArray();
        var element = type.Element.Default;
        return frame =>
        {
            var lengths = new int[sizes.Length];
            long count = 1;
            for (int d = 0; d < lengths.Length; d++)
            {
                long length = sizes[d](frame).Bits;
                if (length < 0 || length > int.MaxValue)
                {
                    throw Errors.Overflow();
                }

                lengths[d] = (int)length;
                count *= length;
            }

            if (count > int.MaxValue)
            {
                throw Errors.Overflow();
            }

            Allocation.Check(count);
            var items = new Value[count];
            if (element.Ref is not null || element.Bits != 0)
            {
                for (int i = 0; i < items.Length; i++)
                {
                    items[i] = element;
                }
            }

            return new Value(new ArrayObject(items, lengths));
        };
    }

    private void Flatten(IArrayInitializerOperation initializer, int dimension, List<Expr> elements, int[] lengths)
    {
        lengths[dimension] = initializer.ElementValues.Length;
        foreach (var value in initializer.ElementValues)
        {
            if (value is IArrayInitializerOperation inner && dimension + 1 < lengths.Length)
            {
                Flatten(inner, dimension + 1, elements, lengths);
            }
            else
            {
                elements.Add(Expr(value));
            }
        }
    }

    /// <summary><c>array.Clone()</c>: a new array of the same shape holding the same elements (shallow, as .NET's).</summary>
    private static Value ArrayClone(Frame frame, object? receiver, Value[] arguments, System.Action<int, Value> setOut)
    {
        var array = (ArrayObject)receiver!;
        return new Value(new ArrayObject((Value[])array.Items.Clone(), array.Lengths));
    }

    /// <summary><c>GetLength(d)</c>, <c>GetLowerBound(d)</c> and <c>GetUpperBound(d)</c>: IndexOutOfRangeException for a dimension the array lacks, with .NET's message.</summary>
    private Library? MultiArrayMethod(IInvocationOperation operation)
    {
        static int Length(object? receiver, Value dimension)
        {
            var lengths = ((ArrayObject)receiver!).Lengths!;
            return (ulong)dimension.Bits < (ulong)lengths.Length ? lengths[dimension.Bits] : throw Errors.NoSuchDimension();
        }

        return (operation.TargetMethod.Name, operation.Arguments.Length) switch
        {
            ("GetLength", 1) => (_, r, v, _) => new Value(Length(r, v[0])),
            ("GetLowerBound", 1) => (_, r, v, _) => new Value(0 * Length(r, v[0])),
            ("GetUpperBound", 1) => (_, r, v, _) => new Value(Length(r, v[0]) - 1),
            _ => null,
        };
    }
}
