using System;
using MergeQueue.Analyzers.FrontEnd.Interpreter.Runtime;
using MergeQueue.Analyzers.FrontEnd.Values;
using MergeQueue.Analyzers.FrontEnd.Values.Heap;
using MergeQueue.Analyzers.FrontEnd.Values.Types;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace MergeQueue.Analyzers.FrontEnd.Interpreter.Compiler;

/// <summary>Operators and conversions, with C# integer semantics.</summary>
internal sealed partial class BodyCompiler
{
    /// <summary>The integer kind arithmetic on a value of this type uses (enums: their underlying type).</summary>
    private static IntKind? KindOf(ITypeSymbol? type) => type switch
    {
        INamedTypeSymbol { TypeKind: TypeKind.Enum, EnumUnderlyingType: { } underlying } => IntKinds.From(underlying.SpecialType),
        null => null,
        _ => IntKinds.From(type.SpecialType),
    };

    private Expr Binary(IBinaryOperation operation)
    {
        var op = operation.OperatorKind;
        if (operation.IsLifted)
        {
            return LiftedBinary(operation);
        }

        if (operation.OperatorMethod is { } method)
        {
            return UserOperator(operation, method);
        }

        if (op is BinaryOperatorKind.ConditionalAnd or BinaryOperatorKind.ConditionalOr)
        {
            var l = Expr(operation.LeftOperand);
            var r = Expr(operation.RightOperand);
            return op == BinaryOperatorKind.ConditionalAnd
                ? frame => l(frame).Bool ? r(frame) : Value.False
                : frame => l(frame).Bool ? Value.True : r(frame);
        }

        var leftType = operation.LeftOperand.Type;
        if (operation.Type?.SpecialType == SpecialType.System_String && op == BinaryOperatorKind.Add)
        {
            var left = TextOf(operation.LeftOperand);
            var right = TextOf(operation.RightOperand);
            return frame => new Value(Allocation.Concat(left(frame), right(frame)));
        }

        if (leftType?.SpecialType == SpecialType.System_Boolean)
        {
            return BoolBinary(operation, op);
        }

        if (op is BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals)
        {
            if (leftType?.SpecialType == SpecialType.System_String || operation.RightOperand.Type?.SpecialType == SpecialType.System_String)
            {
                var left = Expr(operation.LeftOperand);
                var right = Expr(operation.RightOperand);
                bool equals = op == BinaryOperatorKind.Equals;
                return frame => Value.Of(string.Equals((string?)left(frame).Ref, (string?)right(frame).Ref, StringComparison.Ordinal) == equals);
            }

            if (IsNullConstant(operation.LeftOperand) || IsNullConstant(operation.RightOperand))
            {
                var other = Expr(IsNullConstant(operation.LeftOperand) ? operation.RightOperand : operation.LeftOperand, Use.Peek());
                bool equals = op == BinaryOperatorKind.Equals;
                return frame => Value.Of(other(frame).Ref is null == equals);
            }
        }

        var kind = KindOf(leftType) ?? KindOf(operation.RightOperand.Type);
        var resultKind = KindOf(operation.Type);
        if (kind is { } k && (resultKind is not null || operation.Type?.SpecialType == SpecialType.System_Boolean))
        {
            return IntegerBinary(operation, op, k, resultKind);
        }

        return Unsupported(operation, "the operator '" + Shorten(operation.Syntax.ToString()) + "'");
    }

    private static bool IsNullConstant(IOperation operation) =>
        operation.ConstantValue is { HasValue: true, Value: null };

    private Expr UserOperator(IBinaryOperation operation, IMethodSymbol method)
    {
        // A record's synthesized == compares the declared members; anything written by the user is not visible.
        bool equality = method.Name is "op_Equality" or "op_Inequality";
        if (equality && method.IsImplicitlyDeclared && TypeOf(operation.LeftOperand) is RecordType record)
        {
            var left = Expr(operation.LeftOperand, Use.Peek());
            var right = Expr(operation.RightOperand, Use.Peek());
            bool equals = method.Name == "op_Equality";
            return frame => Value.Of(record.ValueEquals(left(frame), right(frame)) == equals);
        }

        // An operator written in the source runs its body, like a static helper.
        if (!method.IsImplicitlyDeclared && model.IsHelper(method.OriginalDefinition))
        {
            return OperatorCall(operation, method, operation.LeftOperand, operation.RightOperand);
        }

        return Unsupported(operation, "the operator '" + method.ToDisplayString() + "'");
    }

    private Expr BoolBinary(IBinaryOperation operation, BinaryOperatorKind op)
    {
        var l = Expr(operation.LeftOperand);
        var r = Expr(operation.RightOperand);
        return op switch
        {
            BinaryOperatorKind.And => frame => Value.Of(l(frame).Bool & r(frame).Bool),
            BinaryOperatorKind.Or => frame => Value.Of(l(frame).Bool | r(frame).Bool),
            BinaryOperatorKind.ExclusiveOr or BinaryOperatorKind.NotEquals => frame => Value.Of(l(frame).Bool ^ r(frame).Bool),
            BinaryOperatorKind.Equals => frame => Value.Of(l(frame).Bool == r(frame).Bool),
            _ => Unsupported(operation, "the operator '" + Shorten(operation.Syntax.ToString()) + "'"),
        };
    }

    private Expr IntegerBinary(IBinaryOperation operation, BinaryOperatorKind op, IntKind kind, IntKind? resultKind)
    {
        var l = Expr(operation.LeftOperand);
        switch (op)
        {
            case BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals or BinaryOperatorKind.LessThan
                or BinaryOperatorKind.LessThanOrEqual or BinaryOperatorKind.GreaterThan or BinaryOperatorKind.GreaterThanOrEqual:
                return Comparison(operation, op, kind, l);
        }

        var r = Expr(operation.RightOperand);
        var result = resultKind ?? kind;
        bool isChecked = operation.IsChecked;
        if (kind == IntKind.Int32 && result == IntKind.Int32 && !isChecked)
        {
            // The common case, without the general dispatch.
            switch (op)
            {
                case BinaryOperatorKind.Add:
                    return frame => new Value(unchecked((int)(l(frame).Bits + r(frame).Bits)));
                case BinaryOperatorKind.Subtract:
                    return frame => new Value(unchecked((int)(l(frame).Bits - r(frame).Bits)));
                case BinaryOperatorKind.Multiply:
                    return frame => new Value(unchecked((int)(l(frame).Bits * r(frame).Bits)));
            }
        }

        return frame =>
        {
            long a = l(frame).Bits;
            long b = r(frame).Bits;
            return new Value(IntKinds.Wrap(result, IntegerOps.Binary(op, kind, isChecked, a, b)));
        };
    }

    private Expr Comparison(IBinaryOperation operation, BinaryOperatorKind op, IntKind kind, Expr l)
    {
        if (operation.RightOperand.ConstantValue is { HasValue: true, Value: { } constant } && kind != IntKind.UInt64)
        {
            long c = IntKinds.FromConstant(constant);
            if (op is BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals
                && StateElementOf(operation.LeftOperand) is { } element
                && model.Layout.Types[element.Field] is ArrayType { Element: IntegerType or EnumType or BoolType })
            {
                // `status[p] == Status.Pending`, the commonest guard, as one closure.
                bool equals = op == BinaryOperatorKind.Equals;
                return frame => Value.Of((element.Read(frame).Bits == c) == equals);
            }

            return op switch
            {
                BinaryOperatorKind.Equals => frame => Value.Of(l(frame).Bits == c),
                BinaryOperatorKind.NotEquals => frame => Value.Of(l(frame).Bits != c),
                BinaryOperatorKind.LessThan => frame => Value.Of(l(frame).Bits < c),
                BinaryOperatorKind.LessThanOrEqual => frame => Value.Of(l(frame).Bits <= c),
                BinaryOperatorKind.GreaterThan => frame => Value.Of(l(frame).Bits > c),
                _ => frame => Value.Of(l(frame).Bits >= c),
            };
        }

        if (kind != IntKind.UInt64
            && StateElementOf(operation.LeftOperand) is { } left
            && StateElementOf(operation.RightOperand) is { } right
            && model.Layout.Types[left.Field] is ArrayType { Element: IntegerType or EnumType }
            && model.Layout.Types[right.Field] is ArrayType { Element: IntegerType or EnumType })
        {
            // `queuedAt[q] >= queuedAt[p]`, two state elements, as one closure.
            return frame => Value.Of(Holds(op, left.Read(frame).Bits, right.Read(frame).Bits));
        }

        var r = Expr(operation.RightOperand);
        if (kind != IntKind.UInt64)
        {
            return op switch
            {
                BinaryOperatorKind.Equals => frame => Value.Of(l(frame).Bits == r(frame).Bits),
                BinaryOperatorKind.NotEquals => frame => Value.Of(l(frame).Bits != r(frame).Bits),
                BinaryOperatorKind.LessThan => frame => Value.Of(l(frame).Bits < r(frame).Bits),
                BinaryOperatorKind.LessThanOrEqual => frame => Value.Of(l(frame).Bits <= r(frame).Bits),
                BinaryOperatorKind.GreaterThan => frame => Value.Of(l(frame).Bits > r(frame).Bits),
                _ => frame => Value.Of(l(frame).Bits >= r(frame).Bits),
            };
        }

        return frame => Value.Of(IntegerOps.Compare(op, kind, l(frame).Bits, r(frame).Bits));
    }

    // A comparison of two signed values (every kind but ulong: their bits order as their values).
    private static bool Holds(BinaryOperatorKind op, long a, long b) => op switch
    {
        BinaryOperatorKind.Equals => a == b,
        BinaryOperatorKind.NotEquals => a != b,
        BinaryOperatorKind.LessThan => a < b,
        BinaryOperatorKind.LessThanOrEqual => a <= b,
        BinaryOperatorKind.GreaterThan => a > b,
        _ => a >= b,
    };

    private Expr Unary(IUnaryOperation operation)
    {
        if (operation.IsLifted)
        {
            return LiftedUnary(operation);
        }

        var operand = Expr(operation.Operand);
        var kind = KindOf(operation.Type);
        bool isChecked = operation.IsChecked;
        switch (operation.OperatorKind)
        {
            case UnaryOperatorKind.Not when operation.Type?.SpecialType == SpecialType.System_Boolean:
                return frame => Value.Of(!operand(frame).Bool);
            case UnaryOperatorKind.Plus when kind is not null:
                return operand;
            case UnaryOperatorKind.Minus when kind is { } k:
                return frame => new Value(IntegerOps.Negate(k, isChecked, operand(frame).Bits));
            case UnaryOperatorKind.BitwiseNegation when kind is { } k:
                return frame => new Value(IntegerOps.Complement(k, operand(frame).Bits));
            default:
                return Unsupported(operation, "the operator '" + Shorten(operation.Syntax.ToString()) + "'");
        }
    }

    private Expr TupleBinary(ITupleBinaryOperation operation)
    {
        if (TypeOf(operation.LeftOperand) is not RecordType left)
        {
            return Nothing;
        }

        var l = Expr(operation.LeftOperand, Use.Peek());
        var r = Expr(operation.RightOperand, Use.Peek());
        bool equals = operation.OperatorKind == BinaryOperatorKind.Equals;
        var types = left.FieldTypes;
        return frame =>
        {
            var a = (RecordObject)l(frame).Ref!;
            var b = (RecordObject)r(frame).Ref!;
            bool same = true;
            for (int i = 0; i < types.Count && same; i++)
            {
                same = types[i].ValueEquals(a.Fields[i], b.Fields[i]);
            }

            return Value.Of(same == equals);
        };
    }

}
