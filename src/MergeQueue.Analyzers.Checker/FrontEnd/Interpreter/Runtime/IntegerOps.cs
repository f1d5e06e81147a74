using MergeQueue.Analyzers.FrontEnd.Values;
using Microsoft.CodeAnalysis.Operations;

namespace MergeQueue.Analyzers.FrontEnd.Interpreter.Runtime;

/// <summary>
/// C# integer arithmetic on <see cref="Value.Bits"/> in the promoted types (int, uint, long, ulong): wrap-around
/// unless checked, and the exceptions .NET throws.
/// </summary>
internal static class IntegerOps
{
    public static long Binary(BinaryOperatorKind op, IntKind kind, bool isChecked, long a, long b)
    {
        switch (op)
        {
            case BinaryOperatorKind.Add:
                return Add(kind, isChecked, a, b);
            case BinaryOperatorKind.Subtract:
                return Subtract(kind, isChecked, a, b);
            case BinaryOperatorKind.Multiply:
                return Multiply(kind, isChecked, a, b);
            case BinaryOperatorKind.Divide:
            case BinaryOperatorKind.Remainder:
                return Divide(op == BinaryOperatorKind.Divide, kind, a, b);
            case BinaryOperatorKind.And:
                return a & b;
            case BinaryOperatorKind.Or:
                return a | b;
            case BinaryOperatorKind.ExclusiveOr:
                return a ^ b;
            case BinaryOperatorKind.LeftShift:
            case BinaryOperatorKind.RightShift:
            case BinaryOperatorKind.UnsignedRightShift:
                return Shift(op, kind, a, (int)b);
            default:
                throw new System.ArgumentOutOfRangeException(nameof(op), op, "not an arithmetic operator");
        }
    }

    public static bool Compare(BinaryOperatorKind op, IntKind kind, long a, long b)
    {
        int order = IntKinds.Compare(kind, a, b);
        return op switch
        {
            BinaryOperatorKind.Equals => a == b,
            BinaryOperatorKind.NotEquals => a != b,
            BinaryOperatorKind.LessThan => order < 0,
            BinaryOperatorKind.LessThanOrEqual => order <= 0,
            BinaryOperatorKind.GreaterThan => order > 0,
            _ => order >= 0,
        };
    }

    /// <summary>Narrows an exact result to <paramref name="kind"/>: wraps, or throws when checked and it does not fit.</summary>
    public static long Fit(IntKind kind, bool isChecked, long exact)
    {
        long wrapped = IntKinds.Wrap(kind, exact);
        if (isChecked && wrapped != exact)
        {
            throw Errors.Overflow();
        }

        return wrapped;
    }

    public static long Negate(IntKind kind, bool isChecked, long a)
    {
        if (isChecked && a == IntKinds.Min(kind) && kind is IntKind.Int32 or IntKind.Int64)
        {
            throw Errors.Overflow();
        }

        return IntKinds.Wrap(kind, unchecked(-a));
    }

    public static long Complement(IntKind kind, long a) => IntKinds.Wrap(kind, ~a);

    private static long Add(IntKind kind, bool isChecked, long a, long b)
    {
        switch (kind)
        {
            case IntKind.Int64:
                long sum = unchecked(a + b);
                if (isChecked && ((a ^ sum) & (b ^ sum)) < 0)
                {
                    throw Errors.Overflow();
                }

                return sum;
            case IntKind.UInt64:
                ulong usum = unchecked((ulong)a + (ulong)b);
                if (isChecked && usum < (ulong)a)
                {
                    throw Errors.Overflow();
                }

                return unchecked((long)usum);
            default:
                return Fit(kind, isChecked, a + b);
        }
    }

    private static long Subtract(IntKind kind, bool isChecked, long a, long b)
    {
        switch (kind)
        {
            case IntKind.Int64:
                long difference = unchecked(a - b);
                if (isChecked && ((a ^ b) & (a ^ difference)) < 0)
                {
                    throw Errors.Overflow();
                }

                return difference;
            case IntKind.UInt64:
                if (isChecked && (ulong)a < (ulong)b)
                {
                    throw Errors.Overflow();
                }

                return unchecked(a - b);
            default:
                return Fit(kind, isChecked, a - b);
        }
    }

    private static long Multiply(IntKind kind, bool isChecked, long a, long b)
    {
        try
        {
            return kind switch
            {
                IntKind.Int64 => isChecked ? checked(a * b) : unchecked(a * b),
                IntKind.UInt64 => unchecked((long)(isChecked ? checked((ulong)a * (ulong)b) : unchecked((ulong)a * (ulong)b))),
                IntKind.UInt32 => Fit(kind, isChecked, unchecked((long)((ulong)a * (ulong)b))),
                _ => Fit(kind, isChecked, a * b),
            };
        }
        catch (System.OverflowException)
        {
            throw Errors.Overflow();
        }
    }

    private static long Divide(bool quotient, IntKind kind, long a, long b)
    {
        if (b == 0)
        {
            throw Errors.DivideByZero();
        }

        switch (kind)
        {
            case IntKind.UInt64:
                return unchecked((long)(quotient ? (ulong)a / (ulong)b : (ulong)a % (ulong)b));
            case IntKind.Int32 or IntKind.Int64 when b == -1 && a == IntKinds.Min(kind):
                // .NET throws for both MinValue / -1 and MinValue % -1, checked or not.
                throw Errors.Overflow();
            default:
                return quotient ? a / b : a % b;
        }
    }

    private static long Shift(BinaryOperatorKind op, IntKind kind, long a, int count)
    {
        bool wide = kind is IntKind.Int64 or IntKind.UInt64;
        count &= wide ? 63 : 31;
        switch (op)
        {
            case BinaryOperatorKind.LeftShift:
                return IntKinds.Wrap(kind, a << count);
            case BinaryOperatorKind.RightShift when !IntKinds.IsUnsigned(kind):
                return a >> count;
            default:
                // Logical shift: on the type's own width.
                ulong bits = wide ? (ulong)a : (uint)a;
                return IntKinds.Wrap(kind, unchecked((long)(bits >> count)));
        }
    }
}
