using System;
using System.Collections.Generic;
using System.Linq;
using MergeQueue.Analyzers.FrontEnd.Interpreter.Runtime;
using MergeQueue.Analyzers.FrontEnd.Values;
using MergeQueue.Analyzers.FrontEnd.Shape;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace MergeQueue.Analyzers.FrontEnd.Interpreter.Compiler;

/// <summary>
/// <c>MemoryExtensions</c> over arrays: C# 14 binds <c>array.Contains(x)</c>, <c>array.SequenceEqual(other)</c> and
/// <c>array.IndexOf(x)</c> to these span overloads. A null array converts to an empty span, so it reads as empty.
/// </summary>
internal sealed partial class BodyCompiler
{
    private Expr? SpanCall(IInvocationOperation operation)
    {
        var arguments = operation.Arguments;
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
            case "Contains" or "IndexOf":
                var sought = Expr(arguments[1].Value);
                bool index = operation.TargetMethod.Name == "IndexOf";
                return frame =>
                {
                    var items = Items(span(frame));
                    var v = sought(frame);
                    int found = items.FindIndex(item => element.ValueEquals(item, v));
                    return index ? new Value(found) : Value.Of(found >= 0);
                };
            case "SequenceEqual" when TypeOf(SpanSource(arguments[1].Value))?.ElementType is not null:
                var other = Expr(SpanSource(arguments[1].Value), Use.Peek());
                return frame =>
                {
                    var a = Items(span(frame));
                    var b = Items(other(frame));
                    return Value.Of(a.Count == b.Count && a.Zip(b, element.ValueEquals).All(same => same));
                };
            default:
                return null;
        }
    }

    /// <summary>The array behind a span argument: the span conversion (C# 14) or <c>op_Implicit</c> (before) taken off.</summary>
    private static IOperation SpanSource(IOperation argument)
    {
        while (argument is IConversionOperation { IsImplicit: true } conversion
            && KnownSymbols.MetadataName(conversion.Type) is "System.Span`1" or "System.ReadOnlySpan`1")
        {
            argument = conversion.Operand;
        }

        return StripConversions(argument);
    }

    private static List<Value> Items(Value span) => span.Ref is null ? new List<Value>() : Sequences.Enumerate(span.Ref).ToList();
}
