using System;
using System.Text;
using MergeQueue.Analyzers.FrontEnd.Values.Types;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Operations;

namespace MergeQueue.Analyzers.FrontEnd.Interpreter.Compiler;

/// <summary>Strings: concatenation and interpolation print values as .NET's <c>ToString()</c> does.</summary>
internal sealed partial class BodyCompiler
{
    /// <summary>An operand of string concatenation or interpolation, as .NET's <c>ToString()</c> prints it.</summary>
    private Func<Frame, string> TextOf(IOperation operand)
    {
        while (operand is IConversionOperation conversion && (conversion.Type?.SpecialType == SpecialType.System_Object || conversion.GetConversion().IsBoxing))
        {
            operand = conversion.Operand;
        }

        if (operand.ConstantValue is { HasValue: true, Value: null })
        {
            return _ => string.Empty;
        }

        var type = TypeOf(operand);
        var value = Expr(operand, Use.Peek());
        if (type is null)
        {
            return _ => string.Empty;
        }

        if (type is StringType)
        {
            return frame => (string?)value(frame).Ref ?? string.Empty;
        }

        return frame => type.ToText(value(frame));
    }

    private Expr Interpolation(IInterpolatedStringOperation operation)
    {
        var parts = new System.Collections.Generic.List<Func<Frame, string>>();
        foreach (var part in operation.Parts)
        {
            switch (part)
            {
                case IInterpolatedStringTextOperation text:
                    string literal = text.Text.ConstantValue.Value as string ?? string.Empty;
                    parts.Add(_ => literal);
                    break;
                case IInterpolationOperation hole:
                    parts.Add(Hole(hole));
                    break;
                default:
                    Report(part, "this part of an interpolated string");
                    break;
            }
        }

        var all = parts.ToArray();
        return frame =>
        {
            var text = new StringBuilder();
            foreach (var part in all)
            {
                text.Append(part(frame));
            }

            return new Values.Value(text.ToString());
        };
    }

    private Func<Frame, string> Hole(IInterpolationOperation hole)
    {
        var text = TextOf(hole.Expression);
        if (hole.FormatString is not null)
        {
            // Integer formats are culture-free in the invariant culture; others (enums, dates) are not interpreted.
            string format = hole.FormatString.ConstantValue.Value as string ?? string.Empty;
            var kind = KindOf(hole.Expression.Type);
            if (kind is null || hole.Expression.Type?.TypeKind == TypeKind.Enum)
            {
                Report(hole, "the format ':" + format + "'");
                return text;
            }

            var value = Expr(hole.Expression);
            var k = kind.Value;
            text = frame => k == Values.IntKind.UInt64
                ? ((ulong)value(frame).Bits).ToString(format, System.Globalization.CultureInfo.InvariantCulture)
                : value(frame).Bits.ToString(format, System.Globalization.CultureInfo.InvariantCulture);
        }

        if (hole.Alignment is null)
        {
            return text;
        }

        if (hole.Alignment.ConstantValue.Value is not int width)
        {
            Report(hole, "a non-constant alignment");
            return text;
        }

        return width >= 0 ? frame => text(frame).PadLeft(width) : frame => text(frame).PadRight(-width);
    }
}
