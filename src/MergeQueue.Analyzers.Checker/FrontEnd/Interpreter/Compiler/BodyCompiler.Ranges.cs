using System;
using MergeQueue.Analyzers.FrontEnd.Interpreter.Runtime;
using MergeQueue.Analyzers.FrontEnd.Library;
using MergeQueue.Analyzers.FrontEnd.Shape;
using MergeQueue.Analyzers.FrontEnd.Values;
using MergeQueue.Analyzers.FrontEnd.Values.Heap;
using MergeQueue.Analyzers.FrontEnd.Values.Types;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace MergeQueue.Analyzers.FrontEnd.Interpreter.Compiler;

/// <summary>
/// Indices and ranges in brackets: <c>xs[^1]</c>, <c>xs[a..b]</c>. On an array C# calls
/// <c>RuntimeHelpers.GetSubArray</c>; on a string, list or span it computes the offsets from <c>Length</c> (or
/// <c>Count</c>) and calls the type's own indexer, <c>Substring</c> or <c>Slice</c>, so each range reaches the
/// member's row in the library table and .NET's checks of that member. An index is the number written, marked
/// <see cref="FromEnd"/> after <c>^</c>; a range is a <see cref="WrittenRange"/> of two indices.
/// </summary>
internal sealed partial class BodyCompiler
{
    private const string SystemIndex = "System.Index";
    private const string SystemRange = "System.Range";

    private static bool IsIndexOrRange(ITypeSymbol? type) => KnownSymbols.MetadataName(type) is SystemIndex or SystemRange;

    /// <summary><c>array[^i]</c> or <c>array[a..b]</c> on a one-dimensional array.</summary>
    private Expr ArrayIndexOrRange(IArrayElementReferenceOperation operation, ArrayType arrayType, Use use)
    {
        var index = operation.Indices[0];
        if (KnownSymbols.MetadataName(index.Type) == SystemIndex)
        {
            Expr offset = Nothing;
            var effects = Track(() => offset = IndexValue(index));
            var array = Expr(operation.ArrayReference, arrayType.Element.HasMutableParts ? use.With(effects) : Use.Peek(effects));
            return frame =>
            {
                var items = Collections.As<ArrayObject>(array(frame)).Items;
                long i = Offset(offset(frame), items.Length);
                return (ulong)i < (ulong)items.Length ? items[i] : throw Errors.IndexOutOfRange();
            };
        }

        return Find("System.Runtime.CompilerServices.RuntimeHelpers", "GetSubArray") is null
            ? Unsupported(operation, "the range '" + Shorten(operation.Syntax.ToString()) + "'")
            : SubArray(operation.ArrayReference, index, arrayType);
    }

    /// <summary><c>RuntimeHelpers.GetSubArray(array, range)</c>: a new array of the elements in the range.</summary>
    private Expr SubArray(IOperation arrayOperation, IOperation rangeOperation, ArrayType arrayType)
    {
        Expr range = Nothing;
        var rangeEffects = Track(() => range = RangeValue(rangeOperation, validate: true));
        var source = Expr(arrayOperation, arrayType.Element.HasMutableParts ? Use.Own : Use.Peek(rangeEffects));
        return frame =>
        {
            var whole = source(frame).Ref as ArrayObject ?? throw ModelException.Of("ArgumentNullException", "Value cannot be null. (Parameter 'array')");
            var items = whole.Items;
            var (start, end) = Bounds(range(frame), items.Length);
            if ((ulong)end > (ulong)items.Length || (ulong)start > (ulong)end)
            {
                throw Errors.ArgumentOutOfRange("length");
            }

            var slice = new Value[end - start];
            Array.Copy(items, start, slice, 0, slice.Length);
            return new Value(new ArrayObject(slice));
        };
    }

    /// <summary><c>s[^1]</c>, <c>s[1..]</c>, <c>list[^1]</c>, <c>list[a..b]</c>, <c>span[1..]</c>: C#'s pattern-based indexers.</summary>
    private Expr ImplicitIndexer(IImplicitIndexerReferenceOperation operation, Use use)
    {
        var type = TypeOf(operation.Instance);
        if (type is null)
        {
            return Nothing;
        }

        // The member C# calls with the computed offsets: this[int], Substring or Slice, each a row of the table.
        if (operation.IndexerSymbol is IMethodSymbol method && LibraryMembers.Find(method) is null)
        {
            return Unsupported(operation, "the call to '" + method.ToDisplayString() + "'");
        }

        bool isRange = KnownSymbols.MetadataName(operation.Argument.Type) == SystemRange;
        Expr argument = Nothing;
        var argumentEffects = Track(() => argument = isRange ? RangeValue(operation.Argument, validate: false) : IndexValue(operation.Argument));
        bool mutableElements = type.ElementType is { HasMutableParts: true };
        var receiver = Expr(operation.Instance, mutableElements ? (isRange ? Use.Own : use.With(argumentEffects)) : Use.Peek(argumentEffects));
        switch (type)
        {
            case StringType when !isRange:
                return frame =>
                {
                    var s = (string?)receiver(frame).Ref ?? throw Errors.NullReference();
                    long i = Offset(argument(frame), s.Length);
                    return (ulong)i < (ulong)s.Length ? new Value(s[(int)i]) : throw Errors.IndexOutOfRange();
                };
            case StringType:
                return frame =>
                {
                    var s = (string?)receiver(frame).Ref ?? throw Errors.NullReference();
                    var (start, end) = Bounds(argument(frame), s.Length);
                    return new Value(Substring(s, start, end - start));
                };
            case ListType when !isRange:
                return frame =>
                {
                    var list = Collections.As<ListObject>(receiver(frame));
                    return list[Offset(argument(frame), list.Count)];
                };
            case ListType:
                return frame =>
                {
                    var list = Collections.As<ListObject>(receiver(frame));
                    var (start, end) = Bounds(argument(frame), list.Count);
                    int index = CheckRange(list, start, end - start);
                    var slice = new Value[end - start];
                    Array.Copy(list.Items, index, slice, 0, slice.Length);
                    return new Value(new ListObject(slice, slice.Length));
                };
            case ArrayType when !isRange:
                return frame =>
                {
                    var items = SpanItems(receiver(frame));
                    long i = Offset(argument(frame), items.Length);
                    return (ulong)i < (ulong)items.Length ? items[i] : throw Errors.IndexOutOfRange();
                };
            case ArrayType:
                return frame =>
                {
                    var items = SpanItems(receiver(frame));
                    var (start, end) = Bounds(argument(frame), items.Length);
                    return SpanSlice(items, start, end - start);
                };
            default:
                return Unsupported(operation, "the index '" + Shorten(operation.Argument.Syntax.ToString()) + "' on '" + type.Name + "'");
        }
    }

    /// <summary>An <c>Index</c> written in the brackets: <c>^n</c> or an integer.</summary>
    private Expr IndexValue(IOperation index)
    {
        switch (index)
        {
            case IUnaryOperation { OperatorKind: UnaryOperatorKind.Hat } hat when KindOf(hat.Operand.Type) is not null:
                var fromEnd = Expr(hat.Operand);
                return frame => new Value(fromEnd(frame).Bits, FromEnd);
            case IConversionOperation { Conversion.IsUserDefined: true } conversion when KindOf(conversion.Operand.Type) is not null:
                return Expr(conversion.Operand);
            default:
                return Unsupported(index, "the index '" + Shorten(index.Syntax.ToString()) + "' (an Index is interpreted where it is written in the brackets: ^n or n)");
        }
    }

    /// <summary>
    /// A <c>Range</c> written in the brackets. <paramref name="validate"/>: the range is a <c>System.Range</c> value
    /// (an array's <c>GetSubArray</c>), whose <c>Index</c> parts refuse a negative number as .NET's do.
    /// </summary>
    private Expr RangeValue(IOperation range, bool validate)
    {
        if (range is not IRangeOperation { } written)
        {
            return Unsupported(range, "the range '" + Shorten(range.Syntax.ToString()) + "' (a Range is interpreted where it is written in the brackets: a..b)");
        }

        var start = written.LeftOperand is null ? null : IndexValue(written.LeftOperand);
        var end = written.RightOperand is null ? null : IndexValue(written.RightOperand);
        return frame =>
        {
            var from = start is null ? new Value(0) : start(frame);
            var to = end is null ? new Value(0, FromEnd) : end(frame);
            if (validate && (from.Bits < 0 || to.Bits < 0))
            {
                throw Errors.ArgumentOutOfRange("Non-negative number required.", "value");
            }

            return new Value(new WrittenRange(from, to));
        };
    }

    /// <summary><c>Index.GetOffset</c>.</summary>
    private static long Offset(Value index, int length) => ReferenceEquals(index.Ref, FromEnd) ? length - index.Bits : index.Bits;

    private static (long Start, long End) Bounds(Value range, int length)
    {
        var written = (WrittenRange)range.Ref!;
        return (Offset(written.Start, length), Offset(written.End, length));
    }

    private static Value[] SpanItems(Value span) => span.Ref is ArrayObject array ? array.Items : Array.Empty<Value>();

    /// <summary><c>Span.Slice(start, length)</c>: a copy, which a read-only view cannot tell from the original.</summary>
    private static Value SpanSlice(Value[] items, long start, long length)
    {
        if ((ulong)(uint)start + (uint)length > (uint)items.Length || start < 0 || length < 0)
        {
            throw ModelException.Of("ArgumentOutOfRangeException", "Specified argument was out of the range of valid values.");
        }

        var slice = new Value[length];
        Array.Copy(items, start, slice, 0, slice.Length);
        return new Value(new ArrayObject(slice));
    }

    /// <summary><c>string.Substring</c>, with the exception .NET throws for bad arguments.</summary>
    private static string Substring(string s, long start, long length)
    {
        if (start < 0)
        {
            throw Negative("startIndex", start);
        }

        if (start > s.Length)
        {
            throw Errors.ArgumentOutOfRange("startIndex cannot be larger than length of string.", "startIndex");
        }

        if (length < 0)
        {
            throw Negative("length", length);
        }

        if (start > s.Length - length)
        {
            throw Errors.ArgumentOutOfRange("Index and length must refer to a location within the string.", "length");
        }

        return s.Substring((int)start, (int)length);
    }

    // ArgumentOutOfRangeException.ThrowIfNegative's message.
    private static ModelException Negative(string parameter, long value)
    {
        string text = value.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return ModelException.Of("ArgumentOutOfRangeException", parameter + " ('" + text + "') must be a non-negative value. (Parameter '" + parameter + "')\nActual value was " + text + ".");
    }

    /// <summary>The mark of an index counted from the end (<c>^n</c>), carried as the value's reference.</summary>
    private static readonly object FromEnd = new();

    /// <summary>The two indices of a range, each as <see cref="IndexValue"/> gives it.</summary>
    private sealed class WrittenRange(Value start, Value end)
    {
        public Value Start { get; } = start;

        public Value End { get; } = end;
    }

    private static LibraryMember? Find(string container, string name)
    {
        foreach (var row in LibraryMembers.All)
        {
            if (row.Container == container && row.Name == name)
            {
                return row;
            }
        }

        return null;
    }
}
