using System;
using System.Globalization;
using System.Linq;
using MergeQueue.Analyzers.FrontEnd.Values;
using MergeQueue.Analyzers.FrontEnd.Values.Heap;
using MergeQueue.Analyzers.FrontEnd.Values.Types;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace MergeQueue.Analyzers.FrontEnd.Interpreter.Compiler;

/// <summary>The generic static members of <c>Enum</c>: <c>GetValues&lt;E&gt;</c>, <c>IsDefined&lt;E&gt;</c>, <c>Parse&lt;E&gt;</c>.</summary>
internal sealed partial class BodyCompiler
{
    private Expr? EnumStatic(IInvocationOperation operation, ITypeSymbol enumType)
    {
        if (TypeOf(enumType, operation) is not EnumType type)
        {
            return Nothing;
        }

        var arguments = operation.Arguments;
        switch (operation.TargetMethod.Name)
        {
            case "GetValues" when arguments.Length == 0:
                // The distinct values, ordered by unsigned magnitude as .NET does.
                var values = type.Members.Select(m => m.Bits).Distinct().OrderBy(b => (ulong)b).Select(b => new Value(b)).ToArray();
                return _ => new Value(new ArrayObject((Value[])values.Clone()));
            case "IsDefined" when arguments.Length == 1:
                var value = Expr(arguments[0].Value);
                return frame => Value.Of(type.IsDefined(value(frame).Bits));
            case "Parse" when arguments.Length is 1 or 2:
                var text = Expr(arguments[0].Value);
                var ignoreCase = arguments.Length == 2 ? Expr(arguments[1].Value) : null;
                return frame => new Value(ParseEnum(type, (string?)text(frame).Ref, ignoreCase?.Invoke(frame).Bool ?? false));
            default:
                return null;
        }
    }

    /// <summary>.NET's <c>Enum.Parse</c>: names (comma-separated ones are or-ed) or a number, surrounding spaces ignored.</summary>
    private static long ParseEnum(EnumType type, string? text, bool ignoreCase)
    {
        if (text is null)
        {
            throw ModelException.Of("ArgumentNullException", "Value cannot be null. (Parameter 'value')");
        }

        if (text.Trim().Length == 0)
        {
            throw Errors.Argument("Must specify valid information for parsing in the string.", "value");
        }

        if (long.TryParse(text.Trim(), NumberStyles.AllowLeadingSign | NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite, CultureInfo.InvariantCulture, out long number))
        {
            return number;
        }

        long result = 0;
        var comparison = ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        foreach (string part in text.Split(','))
        {
            string name = part.Trim();
            var match = type.Members.FirstOrDefault(m => string.Equals(m.Name, name, comparison));
            if (match.Name is null)
            {
                throw ModelException.Of("ArgumentException", "Requested value '" + text + "' was not found.");
            }

            result |= match.Bits;
        }

        return result;
    }

    /// <summary><c>BitOperations.PopCount</c> of a <c>uint</c> or <c>ulong</c>.</summary>
    private Expr? BitsCall(IInvocationOperation operation)
    {
        if (operation.TargetMethod.Name != "PopCount" || operation.Arguments.Length != 1
            || KindOf(operation.Arguments[0].Value.Type) is not { } kind || kind is not (IntKind.UInt32 or IntKind.UInt64))
        {
            return null;
        }

        var value = Expr(operation.Arguments[0].Value);
        bool wide = kind == IntKind.UInt64;
        return frame =>
        {
            ulong bits = wide ? (ulong)value(frame).Bits : (uint)value(frame).Bits;
            int count = 0;
            for (; bits != 0; bits &= bits - 1)
            {
                count++;
            }

            return new Value(count);
        };
    }

    /// <summary><c>object.Equals(a, b)</c>: both null, or <c>a.Equals(b)</c>, which for the interpreter's values is value equality (a record with its own <c>Equals</c> is refused).</summary>
    private Expr? ObjectStatic(IInvocationOperation operation)
    {
        var arguments = operation.Arguments;
        if (operation.TargetMethod.Name != "Equals" || arguments.Length != 2)
        {
            return null;
        }

        var left = StripConversions(arguments[0].Value);
        var right = StripConversions(arguments[1].Value);
        if (TypeOf(left) is not { } type || TypeOf(right) is not { } rightType
            || !(SymbolEqualityComparer.Default.Equals(left.Type, right.Type) || type is RecordType { IsReference: true } && rightType is RecordType { IsReference: true })
            || type is not (IntegerType or BoolType or EnumType or StringType or RecordType)
            || type is RecordType && new[] { left.Type!, right.Type! }.Any(t => t.GetMembers("Equals").Any(m => !m.IsImplicitlyDeclared && m is IMethodSymbol { Parameters.Length: 1 })))
        {
            return null;
        }

        var a = Expr(left, Use.Peek());
        var b = Expr(right, Use.Peek());
        return frame => Value.Of(type.ValueEquals(a(frame), b(frame)));
    }
}
