using MergeQueue.Analyzers.FrontEnd.Interpreter.Runtime;
using MergeQueue.Analyzers.FrontEnd.Values;
using MergeQueue.Analyzers.FrontEnd.Values.Heap;
using MergeQueue.Analyzers.FrontEnd.Values.Types;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Operations;

namespace MergeQueue.Analyzers.FrontEnd.Interpreter.Compiler;

/// <summary>Conversions: numeric (wrapping or checked), enum, reference, tuple and collection-expression conversions.</summary>
internal sealed partial class BodyCompiler
{
    private Expr Conversion(IConversionOperation operation, Use use)
    {
        var conversion = operation.GetConversion();
        var operand = operation.Operand;
        if (IsSpan(operation.Type) && (operand.Type is IArrayTypeSymbol { IsSZArray: true } || IsSpan(operand.Type)) && TypeOf(operation) is ArrayType)
        {
            // T[] to Span<T> (op_Implicit before C# 14, a span conversion since), Span<T> to ReadOnlySpan<T>.
            var array = Expr(operand, Use.Own);
            return frame => ToSpan(array(frame));
        }

        if (conversion.IsUserDefined)
        {
            return Unsupported(operation, "the conversion operator '" + operation.OperatorMethod?.ToDisplayString() + "'");
        }

        if (operand is IThrowOperation)
        {
            return Expr(operand);
        }

        // `(int[])a.Clone()`: the copy is an array of the receiver's type already.
        if (StripConversions(operand) is IInvocationOperation { TargetMethod: { Name: "Clone", ContainingType.SpecialType: SpecialType.System_Array }, Instance: { } cloned }
            && SymbolEqualityComparer.Default.Equals(cloned.Type, operation.Type))
        {
            return Expr(operand, use);
        }

        // `(M)MemberwiseClone()`: the copy is an instance of the model already.
        if (operation.Type is { } toModel && model.IsModel(toModel) && conversion.IsReference)
        {
            return Expr(operand, use);
        }

        // A switch or conditional expression converts each arm to the target type itself.
        if (conversion.IsIdentity || conversion.IsNullLiteral || conversion.IsDefaultLiteral || conversion.IsObjectCreation
            || conversion.IsSwitchExpression || conversion.IsConditionalExpression)
        {
            return operand is ITupleOperation tuple ? Tuple(tuple, operation.Type) : Expr(operand, use);
        }

        if (operand is ICollectionExpressionOperation collection)
        {
            return CollectionExpression(collection, use);
        }

        if (conversion.IsConditionalExpression && operand is IConditionalOperation { WhenFalse: { } whenFalse } conditional)
        {
            // `lone ? [] : [x]` typed by its target: each branch is converted to it, and only the one taken runs.
            var condition = Expr(conditional.Condition);
            var whenTrue = Expr(conditional.WhenTrue, use);
            var otherwise = Expr(whenFalse, use);
            return frame => condition(frame).Bool ? whenTrue(frame) : otherwise(frame);
        }

        if (conversion.IsTupleLiteralConversion && operand is ITupleOperation literal)
        {
            return Tuple(literal, operation.Type);
        }

        // A target-typed `c ? null : x` or switch: its arms are converted to the target type already.
        if ((conversion.IsConditionalExpression || conversion.IsSwitchExpression) && SymbolEqualityComparer.Default.Equals(operand.Type, operation.Type))
        {
            return Expr(operand, use);
        }

        if (conversion.IsNullable)
        {
            return NullableConversion(operation, use);
        }

        if ((conversion.IsNumeric || conversion.IsEnumeration) && KindOf(operand.Type) is { } from && KindOf(operation.Type) is { } to)
        {
            var value = Expr(operand);
            bool isChecked = operation.IsChecked;
            if (!isChecked)
            {
                return to is IntKind.Int64 or IntKind.UInt64 && from is not IntKind.UInt64 and not IntKind.Int64 ? value
                    : frame => new Value(IntKinds.Wrap(to, value(frame).Bits));
            }

            return frame =>
            {
                long bits = value(frame).Bits;
                return IntKinds.Fits(from, bits, to) ? new Value(IntKinds.Wrap(to, bits)) : throw Errors.Overflow();
            };
        }

        if (conversion.IsTupleConversion)
        {
            return TupleConversion(operation, use);
        }

        if (conversion.IsReference && conversion.IsImplicit)
        {
            // A set or dictionary interface holds a HashSet or Dictionary (a record implementing one is no set).
            var declared = Types.Map(operation.Type);
            if ((declared is SetType && Types.Map(operand.Type) is not SetType) || (declared is DictionaryType && Types.Map(operand.Type) is not DictionaryType))
            {
                return Unsupported(operation, "the conversion of '" + Shorten(operand.Syntax.ToString()) + "' to '" + operation.Type?.ToDisplayString() + "'");
            }

            return Expr(operand, use);
        }

        // A type parameter's value converts as the type argument it stands for (a record, boxed or not).
        if ((conversion.IsBoxing || conversion.IsUnboxing) && (operand.Type is ITypeParameterSymbol || operation.Type is ITypeParameterSymbol)
            && conversion.IsImplicit && TypeOf(operand) is RecordType && TypeOf(operation) is RecordType)
        {
            return Expr(operand, use);
        }

        if ((conversion.IsReference || conversion.IsBoxing || conversion.IsUnboxing) && TypeOf(operand) is RecordType && TypeOf(operation) is RecordType target)
        {
            var value = Expr(operand, use);
            return frame =>
            {
                var v = value(frame);
                return v.Ref is null || (v.Ref is RecordObject r && r.Type.IsSameOrDerivedFrom(target)) ? v
                    : throw Errors.InvalidCast(((RecordObject)v.Ref).Type.ClrName, target.ClrName);
            };
        }

        if (RoundedDivision(operation) is { } rounded)
        {
            return rounded;
        }

        return Unsupported(operation, "the conversion of '" + Shorten(operand.Syntax.ToString()) + "' to '" + operation.Type?.ToDisplayString() + "'");
    }

    // (int, int) to (long, int): the parts keep their bits; the tuple takes the target's type so equality holds.
    private Expr TupleConversion(IConversionOperation operation, Use use)
    {
        if (TypeOf(operation.Operand) is not RecordType from || TypeOf(operation) is not RecordType to || from.FieldTypes.Count != to.FieldTypes.Count)
        {
            return Unsupported(operation, "the tuple conversion to '" + operation.Type?.ToDisplayString() + "'");
        }

        var value = Expr(operation.Operand, use);
        if (from.Identity == to.Identity)
        {
            return value;
        }

        return frame => value(frame).Ref is RecordObject r ? new Value(new RecordObject(to, r.Fields)) : default;
    }
}
