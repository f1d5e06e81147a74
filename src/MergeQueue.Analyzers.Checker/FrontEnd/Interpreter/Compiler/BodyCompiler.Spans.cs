using System;
using System.Collections.Generic;
using System.Linq;
using MergeQueue.Analyzers.FrontEnd.Interpreter.Runtime;
using MergeQueue.Analyzers.FrontEnd.Values;
using MergeQueue.Analyzers.FrontEnd.Values.Heap;
using MergeQueue.Analyzers.FrontEnd.Values.Types;
using MergeQueue.Analyzers.FrontEnd.Shape;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace MergeQueue.Analyzers.FrontEnd.Interpreter.Compiler;

/// <summary>
/// <c>MemoryExtensions</c> over arrays and spans: C# 14 binds <c>array.Contains(x)</c>, <c>array.SequenceEqual(other)</c>
/// and <c>array.IndexOf(x)</c> to these span overloads. A span is the array it views (the type mapper maps
/// <c>Span&lt;T&gt;</c> to <c>T[]</c>); a null array converts to an empty span. Nothing writes through a span (an
/// element assignment into one is refused), so a slice may be a copy.
/// </summary>
internal sealed partial class BodyCompiler
{
    private Expr? SpanCall(IInvocationOperation operation)
    {
        var arguments = operation.Arguments;
        if (operation.TargetMethod.Name == "AsSpan")
        {
            return AsSpan(operation);
        }

        var spanOperation = SpanSource(arguments[0].Value);
        // .NET 10's optional comparer, left out: the default equality, as without it.
        bool defaultComparer = arguments.Length == 2
            || arguments.Length == 3 && (arguments[2].ArgumentKind == ArgumentKind.DefaultValue || arguments[2].Value.ConstantValue is { HasValue: true, Value: null });
        if (TypeOf(spanOperation)?.ElementType is not { } element || !defaultComparer)
        {
            return null;
        }

        var span = Expr(spanOperation, Use.Peek());
        switch (operation.TargetMethod.Name)
        {
            case "Contains" or "IndexOf" or "LastIndexOf" when TypeOf(StripConversions(arguments[1].Value)) is not ArrayType:
                var sought = Expr(arguments[1].Value);
                string name = operation.TargetMethod.Name;
                bool last = name == "LastIndexOf";
                bool contains = name == "Contains";
                return frame =>
                {
                    var items = Items(span(frame));
                    var v = sought(frame);
                    int found = last ? LastIndexOf(items, v, element) : IndexOf(items, v, element);
                    return contains ? Value.Of(found >= 0) : new Value(found);
                };
            case "SequenceEqual" or "StartsWith" or "EndsWith" when TypeOf(SpanSource(arguments[1].Value))?.ElementType is not null:
                var other = Expr(SpanSource(arguments[1].Value), Use.Peek());
                string mode = operation.TargetMethod.Name;
                return frame =>
                {
                    var a = Items(span(frame));
                    var b = Items(other(frame));
                    int at = mode == "EndsWith" ? a.Length - b.Length : 0;
                    bool fits = mode == "SequenceEqual" ? a.Length == b.Length : b.Length <= a.Length;
                    return Value.Of(fits && SameFrom(a, at, b, element));
                };
            case "SequenceCompareTo" when TypeOf(SpanSource(arguments[1].Value))?.ElementType is not null && ElementCompareTo(element) is { } compare:
                var second = Expr(SpanSource(arguments[1].Value), Use.Peek());
                // The IComparable<T> overload compares bytes and chars as numbers, lengths too; the others by sign.
                bool lengthDifference = arguments.Length == 2 && element is IntegerType { Kind: IntKind.Byte or IntKind.Char };
                return frame =>
                {
                    var a = Items(span(frame));
                    var b = Items(second(frame));
                    for (int i = 0; i < Math.Min(a.Length, b.Length); i++)
                    {
                        int result = compare(a[i], b[i]);
                        if (result != 0)
                        {
                            return new Value(result);
                        }
                    }

                    return new Value(lengthDifference ? a.Length - b.Length : a.Length.CompareTo(b.Length));
                };
            default:
                return null;
        }
    }

    /// <summary><c>Comparer&lt;T&gt;.Default.Compare</c> for span elements where it is culture-free; else null.</summary>
    private static Func<Value, Value, int>? ElementCompareTo(VType element) => element switch
    {
        IntegerType integer => (a, b) => IntKinds.CompareTo(integer.Kind, a.Bits, b.Bits),
        EnumType enumType => (a, b) => IntKinds.CompareTo(enumType.Underlying, a.Bits, b.Bits),
        BoolType => (a, b) => a.Bits.CompareTo(b.Bits),
        _ => null,
    };

    /// <summary><c>array.AsSpan()</c>, <c>AsSpan(start)</c>, <c>AsSpan(start, length)</c>, with the checks of .NET's span constructors.</summary>
    private Expr? AsSpan(IInvocationOperation operation)
    {
        var arguments = operation.Arguments;
        if (TypeOf(arguments[0].Value) is not ArrayType || arguments.Skip(1).Any(a => KindOf(a.Value.Type) is not IntKind.Int32))
        {
            return null;
        }

        var array = Expr(arguments[0].Value, Use.Own);
        var start = arguments.Length > 1 ? Expr(arguments[1].Value) : null;
        var length = arguments.Length > 2 ? Expr(arguments[2].Value) : null;
        return frame =>
        {
            var whole = array(frame);
            var items = SpanItems(whole);
            if (start is null)
            {
                return ToSpan(whole);
            }

            long from = start(frame).Bits;
            long count = length is null ? items.Length - from : length(frame).Bits;
            if (length is null && (ulong)from > (ulong)items.Length)
            {
                throw ModelException.Of("ArgumentOutOfRangeException", "Specified argument was out of the range of valid values.");
            }

            return SpanSlice(items, from, count);
        };
    }

    /// <summary><c>span.Slice(start)</c>, <c>span.Slice(start, length)</c> and <c>span.ToArray()</c>.</summary>
    private Library? SpanMember(IInvocationOperation operation) => (operation.TargetMethod.Name, operation.Arguments.Length) switch
    {
        ("Slice", 1) => (_, span, v, _) =>
        {
            var items = ((ArrayObject)span!).Items;
            return (ulong)v[0].Bits <= (ulong)items.Length
                ? SpanSlice(items, v[0].Bits, items.Length - v[0].Bits)
                : throw ModelException.Of("ArgumentOutOfRangeException", "Specified argument was out of the range of valid values.");
        },
        ("Slice", 2) => (_, span, v, _) => SpanSlice(((ArrayObject)span!).Items, v[0].Bits, v[1].Bits),
        ("ToArray", 0) => (_, span, _, _) => new Value(new ArrayObject((Value[])((ArrayObject)span!).Items.Clone())),
        _ => null,
    };

    /// <summary>An array (or a span) as a span: the same array, an empty one for null.</summary>
    private static Value ToSpan(Value array) => array.Ref is null ? new Value(new ArrayObject(Array.Empty<Value>())) : array;

    private static bool IsSpan(ITypeSymbol? type) => KnownSymbols.MetadataName(type) is "System.Span`1" or "System.ReadOnlySpan`1";

    /// <summary>The array behind a span argument: the span conversion (C# 14) or <c>op_Implicit</c> (before) taken off.</summary>
    private static IOperation SpanSource(IOperation argument)
    {
        while (argument is IConversionOperation { IsImplicit: true } conversion && IsSpan(conversion.Type))
        {
            argument = conversion.Operand;
        }

        return StripConversions(argument);
    }

    // A span's elements, read where they are: these calls run once per element of a query (pc.Count(labels.Contains)),
    // so neither a copy nor a closure per call.
    private static Value[] Items(Value span) => span.Ref switch
    {
        null => Array.Empty<Value>(),
        ArrayObject array => array.Items,
        var other => Sequences.Enumerate(other).ToArray(),
    };

    private static int IndexOf(Value[] items, Value sought, VType element)
    {
        for (int i = 0; i < items.Length; i++)
        {
            if (element.ValueEquals(items[i], sought))
            {
                return i;
            }
        }

        return -1;
    }

    private static int LastIndexOf(Value[] items, Value sought, VType element)
    {
        for (int i = items.Length - 1; i >= 0; i--)
        {
            if (element.ValueEquals(items[i], sought))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Whether <paramref name="b"/> equals the elements of <paramref name="a"/> from <paramref name="at"/> on (which fit).</summary>
    private static bool SameFrom(Value[] a, int at, Value[] b, VType element)
    {
        for (int i = 0; i < b.Length; i++)
        {
            if (!element.ValueEquals(a[at + i], b[i]))
            {
                return false;
            }
        }

        return true;
    }
}
