using System;
using MergeQueue.Analyzers.FrontEnd.Interpreter.Runtime;
using MergeQueue.Analyzers.FrontEnd.Values;
using MergeQueue.Analyzers.FrontEnd.Values.Types;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace MergeQueue.Analyzers.FrontEnd.Interpreter.Compiler;

/// <summary>
/// Nullable value types (<c>int?</c>, <c>Color?</c>, <c>Vertex?</c>): C#'s lifted operators, <c>T -&gt; T?</c> and
/// <c>(T)x</c>, and the members of <c>Nullable&lt;T&gt;</c>. Null is a null reference (see <see cref="NullableType"/>).
/// </summary>
internal sealed partial class BodyCompiler
{
    public const string NullableName = "System.Nullable`1";

    /// <summary><c>T</c> of <c>T?</c>; null for any other type.</summary>
    private static ITypeSymbol? UnderlyingOf(ITypeSymbol? type) =>
        type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable ? nullable.TypeArguments[0] : null;

    /// <summary>
    /// A lifted binary operator, as C# defines it: <c>==</c> and <c>!=</c> treat null as a value equal only to null,
    /// <c>&lt;</c> and the other comparisons are false when either side is null, arithmetic gives null, and
    /// <c>bool?</c>'s <c>&amp;</c> and <c>|</c> follow three-valued logic (<c>false &amp; null</c> is false).
    /// </summary>
    private Expr LiftedBinary(IBinaryOperation operation)
    {
        var op = operation.OperatorKind;
        if (TypeOf(operation.LeftOperand) is not NullableType operand || TypeOf(operation.RightOperand) != operand
            || (operation.OperatorMethod is { IsImplicitlyDeclared: false }))
        {
            return Unsupported(operation, "the operator '" + Shorten(operation.Syntax.ToString()) + "' on nullable values");
        }

        var l = Expr(operation.LeftOperand, Use.Peek());
        var r = Expr(operation.RightOperand, Use.Peek());
        if (op is BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals)
        {
            bool equals = op == BinaryOperatorKind.Equals;
            return frame => Value.Of(operand.ValueEquals(l(frame), r(frame)) == equals);
        }

        if (operand.Underlying is BoolType && op is BinaryOperatorKind.And or BinaryOperatorKind.Or)
        {
            // A side that decides the result alone decides it even when the other is null.
            bool decider = op == BinaryOperatorKind.Or;
            return frame =>
            {
                var a = l(frame);
                var b = r(frame);
                if ((a.Ref is not null && a.Bool == decider) || (b.Ref is not null && b.Bool == decider))
                {
                    return operand.Wrap(Value.Of(decider));
                }

                return a.Ref is null || b.Ref is null ? Value.Null : operand.Wrap(Value.Of(!decider));
            };
        }

        var kind = KindOf(UnderlyingOf(operation.LeftOperand.Type));
        if (kind is not { } k)
        {
            return Unsupported(operation, "the operator '" + Shorten(operation.Syntax.ToString()) + "' on nullable values");
        }

        if (op is BinaryOperatorKind.LessThan or BinaryOperatorKind.LessThanOrEqual or BinaryOperatorKind.GreaterThan or BinaryOperatorKind.GreaterThanOrEqual)
        {
            return frame =>
            {
                var a = l(frame);
                var b = r(frame);
                return Value.Of(a.Ref is not null && b.Ref is not null && IntegerOps.Compare(op, k, a.Bits, b.Bits));
            };
        }

        if (TypeOf(operation) is not NullableType result || KindOf(UnderlyingOf(operation.Type)) is not { } resultKind)
        {
            return Unsupported(operation, "the operator '" + Shorten(operation.Syntax.ToString()) + "' on nullable values");
        }

        bool isChecked = operation.IsChecked;
        return frame =>
        {
            var a = l(frame);
            var b = r(frame);
            if (a.Ref is null || b.Ref is null)
            {
                return Value.Null;
            }

            return result.Wrap(new Value(IntKinds.Wrap(resultKind, IntegerOps.Binary(op, k, isChecked, a.Bits, b.Bits))));
        };
    }

    /// <summary>A lifted unary operator: null stays null.</summary>
    private Expr LiftedUnary(IUnaryOperation operation)
    {
        if (TypeOf(operation) is not NullableType result)
        {
            return Unsupported(operation, "the operator '" + Shorten(operation.Syntax.ToString()) + "' on nullable values");
        }

        var operand = Expr(operation.Operand);
        var kind = KindOf(result.Underlying is EnumType or IntegerType ? UnderlyingOf(operation.Type) : null);
        bool isChecked = operation.IsChecked;
        Func<long, long>? apply = operation.OperatorKind switch
        {
            UnaryOperatorKind.Not when result.Underlying is BoolType => bits => bits == 0 ? 1 : 0,
            UnaryOperatorKind.Plus when kind is not null => bits => bits,
            UnaryOperatorKind.Minus when kind is { } k => bits => IntegerOps.Negate(k, isChecked, bits),
            UnaryOperatorKind.BitwiseNegation when kind is { } k => bits => IntegerOps.Complement(k, bits),
            _ => null,
        };
        if (apply is null)
        {
            return Unsupported(operation, "the operator '" + Shorten(operation.Syntax.ToString()) + "' on nullable values");
        }

        return frame =>
        {
            var v = operand(frame);
            return v.Ref is null ? Value.Null : result.Wrap(new Value(apply(v.Bits)));
        };
    }

    /// <summary>
    /// <c>T -&gt; T?</c> (implicit), <c>(T)x</c> (explicit: InvalidOperationException on null, as .NET) and lifted
    /// numeric or enum conversions between nullables (<c>int? -&gt; long?</c>: null stays null).
    /// </summary>
    private Expr NullableConversion(IConversionOperation operation, Use use)
    {
        var fromType = TypeOf(operation.Operand);
        var toType = TypeOf(operation);
        if (fromType is null || toType is null)
        {
            return Nothing;
        }

        var from = fromType as NullableType;
        var to = toType as NullableType;
        var fromUnderlying = from?.Underlying ?? fromType;
        var toUnderlying = to?.Underlying ?? toType;
        Func<Value, Value>? convert = fromUnderlying == toUnderlying ? v => v : null;
        if (convert is null
            && KindOf(UnderlyingOf(operation.Operand.Type) ?? operation.Operand.Type) is { } fromKind
            && KindOf(UnderlyingOf(operation.Type) ?? operation.Type) is { } toKind)
        {
            bool isChecked = operation.IsChecked;
            convert = v => !isChecked || IntKinds.Fits(fromKind, v.Bits, toKind) ? new Value(IntKinds.Wrap(toKind, v.Bits)) : throw Errors.Overflow();
        }

        if (convert is null)
        {
            return Unsupported(operation, "the conversion of '" + Shorten(operation.Operand.Syntax.ToString()) + "' to '" + operation.Type?.ToDisplayString() + "'");
        }

        var value = Expr(operation.Operand, use);
        return (from, to) switch
        {
            (null, { } t) => frame => t.Wrap(convert(value(frame))),
            ({ } f, null) => frame => value(frame) is { Ref: not null } v ? convert(f.Unwrap(v)) : throw Errors.NoValue(),
            ({ } f, { } t) => frame => value(frame) is { Ref: not null } v ? t.Wrap(convert(f.Unwrap(v))) : Value.Null,
            _ => value,
        };
    }

    /// <summary><c>x.HasValue</c> and <c>x.Value</c>; null when the property is not one of them.</summary>
    private Expr? NullableProperty(IPropertyReferenceOperation operation, Use use)
    {
        if (UnderlyingOf(operation.Instance?.Type) is null || TypeOf(operation.Instance!) is not NullableType nullable)
        {
            return null;
        }

        var value = Expr(operation.Instance!, use);
        return operation.Property.Name switch
        {
            "HasValue" => frame => Value.Of(value(frame).Ref is not null),
            "Value" => frame => value(frame) is { Ref: not null } v ? nullable.Unwrap(v) : throw Errors.NoValue(),
            _ => Unsupported(operation, "the property '" + operation.Property.ToDisplayString() + "'"),
        };
    }

    /// <summary><c>x.GetValueOrDefault()</c> and <c>x.GetValueOrDefault(fallback)</c>.</summary>
    private Expr NullableCall(IInvocationOperation operation, Use use)
    {
        if (operation.Instance is not { } instance || TypeOf(instance) is not NullableType nullable
            || operation.TargetMethod.Name != "GetValueOrDefault")
        {
            return Unsupported(operation, "the call to '" + operation.TargetMethod.ToDisplayString() + "'");
        }

        var value = Expr(instance, use);
        var fallback = operation.Arguments.Length == 1 ? Expr(operation.Arguments[0].Value, use) : Default(nullable.Underlying);
        return frame => value(frame) is { Ref: not null } v ? nullable.Unwrap(v) : fallback(frame);
    }

    /// <summary>
    /// A pattern on a <c>T?</c>: <c>null</c>, <c>var</c>, <c>_</c> and the combinators see the nullable itself; every
    /// other pattern (<c>int v</c>, <c>{ } v</c>, <c>Color.Red</c>, <c>&gt; 3</c>) matches only a value, and sees it as a <c>T</c>.
    /// </summary>
    private Pattern? NullablePattern(IPatternOperation pattern, VType input)
    {
        if (input is not NullableType nullable
            || pattern is IDiscardPatternOperation or INegatedPatternOperation or IBinaryPatternOperation
            || pattern is IConstantPatternOperation { Value.ConstantValue: { HasValue: true, Value: null } }
            || pattern is IDeclarationPatternOperation { MatchesNull: true })
        {
            return null;
        }

        var inner = Pattern(pattern, nullable.Underlying);
        return (frame, value) => value.Ref is not null && inner(frame, nullable.Unwrap(value));
    }

    /// <summary>Turns a value of <paramref name="from"/> into <paramref name="to"/> where C# lifts it (<c>a?.B</c> with a value-typed <c>B</c>).</summary>
    private static Func<Value, Value> LiftInto(VType? from, VType? to) =>
        to is NullableType nullable && from is not NullableType ? nullable.Wrap : v => v;
}
