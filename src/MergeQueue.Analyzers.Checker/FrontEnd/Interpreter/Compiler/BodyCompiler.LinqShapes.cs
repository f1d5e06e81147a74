using System;
using MergeQueue.Analyzers.FrontEnd.Interpreter.Runtime;
using MergeQueue.Analyzers.FrontEnd.Values;
using MergeQueue.Analyzers.FrontEnd.Values.Types;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace MergeQueue.Analyzers.FrontEnd.Interpreter.Compiler;

/// <summary>
/// The LINQ operators that key, combine or reshape sequences: <c>ToDictionary</c>, <c>MaxBy</c>/<c>MinBy</c>, the
/// set operators, <c>Order</c>/<c>ThenBy</c>, <c>SelectMany</c>, <c>Zip</c>, <c>Chunk</c> and <c>OfType</c>.
/// </summary>
internal sealed partial class BodyCompiler
{
    private Expr? LinqShapeCall(IInvocationOperation operation, string name, VType itemType, VType resultType, Expr source, Expr? function, Expr[] others)
    {
        switch (name)
        {
            case "ToDictionary" when function is not null && others.Length <= 2 && resultType is DictionaryType dictionary:
                var element = others.Length == 2 ? others[1] : null;
                return frame => Runtime.Linq.ToDictionary(frame.Ex, source(frame), ClosureOf(function, frame)!, ClosureOf(element, frame), dictionary);
            case "MaxBy" or "MinBy" when function is not null && others.Length == 1:
                if (OrderedKey(operation, 1) is not { } byKey)
                {
                    return Nothing;
                }

                bool max = name == "MaxBy";
                var whenEmpty = operation.Type is { IsReferenceType: true } or { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } ? resultType.Default : (Value?)null;
                bool keyMayBeNull = Types.Map(((INamedTypeSymbol)operation.TargetMethod.Parameters[1].Type).DelegateInvokeMethod!.ReturnType) is { IsReference: true };
                return frame => Runtime.Linq.ExtremeBy(frame.Ex, source(frame), ClosureOf(function, frame)!, byKey, max, whenEmpty, keyMayBeNull);
            case "Union" when others.Length == 1:
                return frame => new Value(LazyLinq.Union(frame.Ex, source(frame), others[0](frame), itemType));
            case "Intersect" or "Except" when others.Length == 1:
                bool keepShared = name == "Intersect";
                return frame => new Value(LazyLinq.Intersect(frame.Ex, source(frame), others[0](frame), itemType, keepShared));
            case "Order" or "OrderDescending" when others.Length == 0:
                if (KeyOrder(((INamedTypeSymbol)operation.TargetMethod.Parameters[0].Type).TypeArguments[0], operation) is not { } itemOrder)
                {
                    return Nothing;
                }

                bool descending = name == "OrderDescending";
                return frame => new Value(LazyLinq.OrderBy(frame.Ex, source(frame), null, itemOrder, descending));
            case "ThenBy" or "ThenByDescending" when function is not null && others.Length == 1:
                if (OrderedKey(operation, 1) is not { } thenKey)
                {
                    return Nothing;
                }

                bool thenDescending = name == "ThenByDescending";
                return frame => new Value(Collections.As<OrderedSequence>(source(frame)).ThenBy(ClosureOf(function, frame)!, thenKey, thenDescending));
            case "SelectMany" when function is not null && others.Length <= 2:
                var result = others.Length == 2 ? others[1] : null;
                bool indexed = ((INamedTypeSymbol)operation.TargetMethod.Parameters[1].Type).DelegateInvokeMethod!.Parameters.Length == 2;
                return frame => new Value(LazyLinq.SelectMany(frame.Ex, source(frame), ClosureOf(function, frame)!, ClosureOf(result, frame), indexed));
            case "Zip" when others.Length == 1 && resultType.ElementType is RecordType tuple:
                return frame => new Value(LazyLinq.Zip(frame.Ex, source(frame), others[0](frame), null, tuple));
            case "Zip" when others.Length == 2 && function is not null:
                return frame => new Value(LazyLinq.Zip(frame.Ex, source(frame), others[0](frame), ClosureOf(function, frame), null));
            case "Chunk" when others.Length == 1:
                return frame => new Value(LazyLinq.Chunk(frame.Ex, source(frame), others[0](frame).Bits));
            case "OfType":
                return OfType(operation, itemType, source);
            default:
                return null;
        }
    }

    private Expr OfType(IInvocationOperation operation, VType itemType, Expr source)
    {
        var target = operation.TargetMethod.TypeArguments[0];
        Func<Value, bool>? isOfType = TypeOf(target, operation) switch
        {
            RecordType record when record.IsReference => item => item.Ref is Values.Heap.RecordObject r && r.Type.IsSameOrDerivedFrom(record),
            // A tuple is its own type whatever element names either side declares.
            { } same when ReferenceEquals(same, itemType) || (same is RecordType tuple && itemType is RecordType { Identity: var identity } && tuple.Identity == identity)
                => item => !same.IsReference || item.Ref is not null,
            _ => null,
        };
        if (isOfType is null)
        {
            return Unsupported(operation, "'OfType<" + target.ToDisplayString() + ">' (only records and the sequence's own element type are told apart)");
        }

        return frame => new Value(LazyLinq.OfType(frame.Ex, source(frame), isOfType));
    }

    /// <summary>How the keys of the lambda at <paramref name="parameter"/> compare, as <c>Comparer&lt;T&gt;.Default</c>; null (reported) when not known.</summary>
    private System.Func<Execution, Value, Value, int>? OrderedKey(IInvocationOperation operation, int parameter) =>
        KeyOrder(((INamedTypeSymbol)operation.TargetMethod.Parameters[parameter].Type).DelegateInvokeMethod!.ReturnType, operation);

}
