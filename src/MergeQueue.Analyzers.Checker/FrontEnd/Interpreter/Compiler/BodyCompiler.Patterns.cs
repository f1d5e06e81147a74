using System;
using System.Linq;
using MergeQueue.Analyzers.FrontEnd.Values;
using MergeQueue.Analyzers.FrontEnd.Values.Heap;
using MergeQueue.Analyzers.FrontEnd.Values.Types;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace MergeQueue.Analyzers.FrontEnd.Interpreter.Compiler;

/// <summary>Patterns: constant, relational, type, declaration, discard, <c>not</c>/<c>and</c>/<c>or</c>, property and positional.</summary>
internal sealed partial class BodyCompiler
{
    private Expr IsPattern(IIsPatternOperation operation)
    {
        var input = TypeOf(operation.Value);
        if (input is null)
        {
            return Nothing;
        }

        var value = Expr(operation.Value, input.HasMutableParts ? Use.Own : Use.Peek());
        var pattern = Pattern(operation.Pattern, input);
        return frame => Value.Of(pattern(frame, value(frame)));
    }

    private Pattern Pattern(IPatternOperation pattern, VType input)
    {
        if (NullablePattern(pattern, input) is { } onValue)
        {
            return onValue;
        }

        switch (pattern)
        {
            case IDiscardPatternOperation:
                return (_, _) => true;
            case IConstantPatternOperation constant:
                return ConstantPattern(constant, input);
            case IRelationalPatternOperation relational:
                return RelationalPattern(relational, input);
            case INegatedPatternOperation negated:
                var inner = Pattern(negated.Pattern, input);
                return (frame, value) => !inner(frame, value);
            case IBinaryPatternOperation binary:
                var left = Pattern(binary.LeftPattern, input);
                var right = Pattern(binary.RightPattern, input);
                return binary.OperatorKind == BinaryOperatorKind.And
                    ? (frame, value) => left(frame, value) && right(frame, value)
                    : (frame, value) => left(frame, value) || right(frame, value);
            case ITypePatternOperation type:
                return TypeTest(input, type.MatchedType, pattern) is { } test ? (_, value) => test(value) : (_, _) => false;
            case IDeclarationPatternOperation declaration:
                return DeclarationPattern(declaration, input);
            case IRecursivePatternOperation recursive:
                return RecursivePattern(recursive, input);
            default:
                Report(pattern, "the pattern '" + Shorten(pattern.Syntax.ToString()) + "'");
                return (_, _) => false;
        }
    }

    private Pattern ConstantPattern(IConstantPatternOperation pattern, VType input)
    {
        var constant = pattern.Value.ConstantValue;
        if (!constant.HasValue)
        {
            Report(pattern, "the pattern '" + Shorten(pattern.Syntax.ToString()) + "'");
            return (_, _) => false;
        }

        if (constant.Value is null)
        {
            return (_, value) => value.Ref is null;
        }

        if (constant.Value is string text)
        {
            return (_, value) => value.Ref is string s && string.Equals(s, text, StringComparison.Ordinal);
        }

        if (input is not (IntegerType or EnumType or BoolType))
        {
            Report(pattern, "the constant pattern '" + Shorten(pattern.Syntax.ToString()) + "' on '" + input.Name + "'");
            return (_, _) => false;
        }

        long bits = ConstantBits(constant.Value, pattern);
        return (_, value) => value.Bits == bits;
    }

    private Pattern RelationalPattern(IRelationalPatternOperation pattern, VType input)
    {
        var kind = input switch
        {
            IntegerType integer => integer.Kind,
            EnumType enumType => enumType.Underlying,
            _ => (IntKind?)null,
        };
        if (kind is not { } k || !pattern.Value.ConstantValue.HasValue || pattern.Value.ConstantValue.Value is null)
        {
            Report(pattern, "the pattern '" + Shorten(pattern.Syntax.ToString()) + "'");
            return (_, _) => false;
        }

        long bound = ConstantBits(pattern.Value.ConstantValue.Value, pattern);
        bool unsigned = k == IntKind.UInt64;
        return pattern.OperatorKind switch
        {
            BinaryOperatorKind.LessThan => unsigned ? (_, v) => (ulong)v.Bits < (ulong)bound : (_, v) => v.Bits < bound,
            BinaryOperatorKind.LessThanOrEqual => unsigned ? (_, v) => (ulong)v.Bits <= (ulong)bound : (_, v) => v.Bits <= bound,
            BinaryOperatorKind.GreaterThan => unsigned ? (_, v) => (ulong)v.Bits > (ulong)bound : (_, v) => v.Bits > bound,
            _ => unsigned ? (_, v) => (ulong)v.Bits >= (ulong)bound : (_, v) => v.Bits >= bound,
        };
    }

    private Pattern DeclarationPattern(IDeclarationPatternOperation pattern, VType input)
    {
        Func<Value, bool>? test = null;
        if (!pattern.MatchesNull && pattern.MatchedType is { } matchedType && (test = TypeTest(input, matchedType, pattern)) is null)
        {
            return (_, _) => false;
        }

        if (pattern.DeclaredSymbol is not { } symbol)
        {
            return test is null ? (_, _) => true : (_, value) => test(value);
        }

        var (hops, slot) = Resolve(symbol);
        return (frame, value) =>
        {
            if (test is not null && !test(value))
            {
                return false;
            }

            frame.Up(hops).Slots[slot] = value;
            return true;
        };
    }

    private Pattern RecursivePattern(IRecursivePatternOperation pattern, VType input)
    {
        var test = pattern.MatchedType is null ? (value => value.Ref is not null || !input.IsReference) : TypeTest(input, pattern.MatchedType, pattern);
        var matched = Types.Map(pattern.MatchedType) ?? input;
        if (test is null)
        {
            return (_, _) => false;
        }

        var checks = new System.Collections.Generic.List<Pattern>();
        if (!pattern.DeconstructionSubpatterns.IsEmpty)
        {
            var parts = Deconstructor(matched, pattern.DeconstructionSubpatterns.Length, pattern);
            var partTypes = PartTypes(matched, pattern.DeconstructionSubpatterns.Length);
            var subpatterns = pattern.DeconstructionSubpatterns.Select((p, i) => Pattern(p, partTypes[i])).ToArray();
            checks.Add((frame, value) =>
            {
                var values = parts(value);
                for (int i = 0; i < subpatterns.Length; i++)
                {
                    if (!subpatterns[i](frame, values[i]))
                    {
                        return false;
                    }
                }

                return true;
            });
        }

        foreach (var property in pattern.PropertySubpatterns)
        {
            var member = MemberGetter(property.Member, matched, out var memberType);
            if (member is null || memberType is null)
            {
                continue;
            }

            var sub = Pattern(property.Pattern, memberType);
            checks.Add((frame, value) => sub(frame, member(value)));
        }

        int slot = -1;
        int hops = 0;
        if (pattern.DeclaredSymbol is { } symbol)
        {
            (hops, slot) = Resolve(symbol);
        }

        var all = checks.ToArray();
        return (frame, value) =>
        {
            if (!test(value))
            {
                return false;
            }

            foreach (var check in all)
            {
                if (!check(frame, value))
                {
                    return false;
                }
            }

            if (slot >= 0)
            {
                frame.Up(hops).Slots[slot] = value;
            }

            return true;
        };
    }

    /// <summary><c>x is Circle</c>: a type test on the value's runtime type (false for null).</summary>
    private Expr IsType(IIsTypeOperation operation)
    {
        if (TypeOf(operation.ValueOperand) is not { } input || TypeTest(input, operation.TypeOperand, operation) is not { } test)
        {
            return Nothing;
        }

        var value = Expr(operation.ValueOperand, Use.Peek());
        bool negated = operation.IsNegated;
        return frame => Value.Of(test(value(frame)) != negated);
    }

    /// <summary>The test of a type pattern; null (reported) when the interpreter cannot decide it.</summary>
    private Func<Value, bool>? TypeTest(VType input, ITypeSymbol matched, IOperation at)
    {
        var target = TypeOf(matched, at);
        if (target is null)
        {
            return null;
        }

        if (target == input)
        {
            return target.IsReference ? value => value.Ref is not null : _ => true;
        }

        if (input is RecordType && target is RecordType record)
        {
            return value => value.Ref is RecordObject r && r.Type.IsSameOrDerivedFrom(record);
        }

        Report(at, "the type test for '" + target.Name + "' on a '" + input.Name + "'");
        return null;
    }

    /// <summary>Reads a member of a record, tuple, pair, string or collection, for property patterns.</summary>
    private Func<Value, Value>? MemberGetter(IOperation member, VType receiverType, out VType? memberType)
    {
        memberType = null;
        Func<Value, Value> receiver = value => value;
        IOperation? instance = member switch
        {
            IPropertyReferenceOperation p => p.Instance,
            IFieldReferenceOperation f => f.Instance,
            _ => null,
        };
        if (instance is IPropertyReferenceOperation or IFieldReferenceOperation)
        {
            var outer = MemberGetter(instance, receiverType, out var outerType);
            if (outer is null || outerType is null)
            {
                return null;
            }

            receiver = outer;
            receiverType = outerType;
        }

        memberType = TypeOf(member);
        string name = member switch
        {
            IPropertyReferenceOperation p => p.Property.Name,
            IFieldReferenceOperation f => TupleFieldName(f.Field),
            _ => string.Empty,
        };
        if (receiverType is RecordType record && FieldIndex(record, name) is int index and >= 0)
        {
            return value => receiver(value).Ref is RecordObject r ? r.Fields[index] : throw Errors.NullReference();
        }

        if (name == "Length" && receiverType is StringType)
        {
            return value => receiver(value).Ref is string s ? new Value(s.Length) : throw Errors.NullReference();
        }

        if (name is "Length" or "Count" && receiverType.ElementType is not null)
        {
            return value => new Value(Runtime.Sequences.KnownCount(receiver(value).Ref ?? throw Errors.NullReference()));
        }

        Report(member, "the member '" + name + "' of '" + receiverType.Name + "' in a pattern");
        return null;
    }
}
