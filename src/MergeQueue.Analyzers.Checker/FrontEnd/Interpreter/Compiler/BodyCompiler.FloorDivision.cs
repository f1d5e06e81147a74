using MergeQueue.Analyzers.FrontEnd.Shape;
using MergeQueue.Analyzers.FrontEnd.Values;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace MergeQueue.Analyzers.FrontEnd.Interpreter.Compiler;

/// <summary>
/// <c>(int)Math.Floor((double)a / b)</c> and <c>Math.Ceiling</c> of the same, the one use of <c>double</c> models make:
/// integer division rounded down (up). For 32-bit operands the double quotient is exact enough that it never rounds
/// across an integer, so the integer result is the real one; a quotient outside the target (or a division by zero)
/// saturates as .NET converts doubles, or throws in a <c>checked</c> context.
/// </summary>
internal sealed partial class BodyCompiler
{
    private Expr? RoundedDivision(IConversionOperation operation)
    {
        if (KindOf(operation.Type) is not { } to
            || operation.Operand is not IInvocationOperation { TargetMethod.Name: "Floor" or "Ceiling", Arguments.Length: 1 } rounding
            || !KnownSymbols.Is(rounding.TargetMethod.ContainingType, KnownSymbols.Math)
            || rounding.Arguments[0].Value is not IBinaryOperation { OperatorKind: BinaryOperatorKind.Divide } division
            || SmallInteger(division.LeftOperand) is not { } left
            || SmallInteger(division.RightOperand) is not { } right)
        {
            return null;
        }

        var a = Expr(left);
        var b = Expr(right);
        bool floor = rounding.TargetMethod.Name == "Floor";
        bool isChecked = operation.IsChecked;
        return frame =>
        {
            long x = a(frame).Bits;
            long y = b(frame).Bits;
            if (y == 0)
            {
                // ±Infinity or NaN.
                return isChecked && x != 0 ? throw Errors.Overflow() : new Value(x > 0 ? IntKinds.Max(to) : x < 0 ? IntKinds.Min(to) : 0);
            }

            long quotient = x / y;
            bool inexact = quotient * y != x;
            bool negative = (x < 0) != (y < 0);
            long rounded = inexact && floor && negative ? quotient - 1 : inexact && !floor && !negative ? quotient + 1 : quotient;
            if (!IntKinds.Fits(IntKind.Int64, rounded, to))
            {
                return isChecked ? throw Errors.Overflow() : new Value(rounded > 0 ? IntKinds.Max(to) : IntKinds.Min(to));
            }

            return new Value(rounded);
        };
    }

    /// <summary>An integer of at most 32 bits converted to double (exactly), as the operation it converts; else null.</summary>
    private static IOperation? SmallInteger(IOperation operand) =>
        operand is IConversionOperation { Operand: var inner } && inner.Type?.SpecialType is
            Microsoft.CodeAnalysis.SpecialType.System_Int32 or Microsoft.CodeAnalysis.SpecialType.System_Int16
            or Microsoft.CodeAnalysis.SpecialType.System_UInt16 or Microsoft.CodeAnalysis.SpecialType.System_Byte
            or Microsoft.CodeAnalysis.SpecialType.System_SByte or Microsoft.CodeAnalysis.SpecialType.System_UInt32
            ? inner
            : null;
}
