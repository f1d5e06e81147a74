using System;
using MergeQueue.Analyzers.FrontEnd.Values;
using MergeQueue.Analyzers.FrontEnd.Values.Types;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace MergeQueue.Analyzers.FrontEnd.Interpreter.Compiler;

/// <summary>The expression dispatch, constants and reads of variables, fields and properties.</summary>
internal sealed partial class BodyCompiler
{
    private Expr Expr(IOperation operation, Use use = default)
    {
        if (operation.ConstantValue.HasValue)
        {
            return Constant(operation);
        }

        // Compiled closures nest as deeply as the expression; a bound keeps both compiling and running off the
        // edge of the thread's stack.
        if (++depth > MaxDepth)
        {
            depth = 0;
            return Unsupported(operation, "an expression nested more than " + MaxDepth.ToString(System.Globalization.CultureInfo.InvariantCulture) + " levels deep");
        }

        try
        {
            return Dispatch(operation, use);
        }
        finally
        {
            depth = System.Math.Max(0, depth - 1);
        }
    }

    private Expr Dispatch(IOperation operation, Use use)
    {
        switch (operation)
        {
            case ILocalReferenceOperation local:
                return ReadVariable(local.Local);
            case IParameterReferenceOperation parameter when IsStateBefore(parameter):
                // The state before the step handed on as a value (`IsStep(before, this, ...)`): a copy of its fields.
                return frame => new Value(new Values.Heap.ModelInstance((Value[])frame.Ex.Before!.Clone()));
            case IParameterReferenceOperation parameter:
                if (!use.IsPeek && parameter.Parameter.ContainingSymbol is IMethodSymbol owner)
                {
                    model.ParameterUsesOf(owner).Keep(parameter.Parameter.Ordinal);
                }

                return ReadVariable(parameter.Parameter);
            case IFieldReferenceOperation field:
                return FieldRead(field, use);
            case IPropertyReferenceOperation property:
                return PropertyRead(property, use);
            case IArrayElementReferenceOperation element:
                return ArrayElementRead(element, use);
            case IImplicitIndexerReferenceOperation indexer:
                return ImplicitIndexer(indexer, use);
            case IInvocationOperation invocation:
                return Invocation(invocation, use);
            case IObjectCreationOperation creation:
                return ObjectCreation(creation);
            case IArrayCreationOperation creation:
                return ArrayCreation(creation, use);
            case ICollectionExpressionOperation collection:
                return CollectionExpression(collection, use);
            case IDelegateCreationOperation @delegate:
                return DelegateCreation(@delegate);
            case IBinaryOperation binary:
                return Binary(binary);
            case IUnaryOperation unary:
                return Unary(unary);
            case ITupleBinaryOperation tupleBinary:
                return TupleBinary(tupleBinary);
            case IConditionalOperation conditional when conditional.WhenFalse is not null:
                return Conditional(conditional, use);
            case ICoalesceOperation coalesce:
                return Coalesce(coalesce, use);
            case IConversionOperation conversion:
                return Conversion(conversion, use);
            case ISimpleAssignmentOperation assignment:
                return SimpleAssignment(assignment);
            case ICompoundAssignmentOperation assignment:
                return CompoundAssignment(assignment);
            case ICoalesceAssignmentOperation assignment:
                return CoalesceAssignment(assignment);
            case IDeconstructionAssignmentOperation deconstruction:
                return DeconstructionAssignment(deconstruction);
            case IIncrementOrDecrementOperation increment:
                return Increment(increment);
            case IIsPatternOperation isPattern:
                return IsPattern(isPattern);
            case IIsTypeOperation isType:
                return IsType(isType);
            case ISwitchExpressionOperation @switch:
                return SwitchExpression(@switch, use);
            case ITupleOperation tuple:
                return Tuple(tuple, tuple.Type);
            case IInterpolatedStringOperation interpolated:
                return Interpolation(interpolated);
            case IDefaultValueOperation:
                return TypeOf(operation) is { } type ? Default(type) : Nothing;
            case IThrowOperation @throw:
                return Throw(@throw);
            case IWithOperation with:
                return With(with);
            case IParenthesizedOperation parenthesized:
                return Expr(parenthesized.Operand, use);
            case ITranslatedQueryOperation query:
                // A query expression is the method calls C# translates it to (Where, SelectMany, OrderBy...).
                return Expr(query.Operation, use);
            case IAnonymousObjectCreationOperation anonymous:
                return AnonymousCreation(anonymous);
            case IConditionalAccessOperation access:
                return ConditionalAccess(access, use);
            case IConditionalAccessInstanceOperation when conditionalReceiver >= 0:
                int receiverSlot = conditionalReceiver;
                return frame => frame.Slots[receiverSlot];
            case IInstanceReferenceOperation instance:
                return This(instance);
            default:
                return Unsupported(operation, DescribeExpression(operation));
        }
    }

    private static string DescribeExpression(IOperation operation) => operation switch
    {
        IAwaitOperation => "an 'await' expression",
        ITypeOfOperation => "a 'typeof' expression",
        ISizeOfOperation => "a 'sizeof' expression",
        IDynamicInvocationOperation or IDynamicMemberReferenceOperation or IDynamicObjectCreationOperation => "a dynamic operation",
        IAddressOfOperation => "an address-of ('&') expression",
        IRangeOperation => "a range expression",
        _ => "the expression '" + Shorten(operation.Syntax.ToString()) + "'",
    };

    /// <summary><c>x?.Member</c> on a reference-typed value, yielding a reference (or nothing).</summary>
    private Expr ConditionalAccess(IConditionalAccessOperation access, Use use)
    {
        // A value-typed member read through `?.` is lifted to its nullable type (`v?.Round` is an `int?`).
        if (TypeOf(access.Operation) is not { IsReference: true } receiverType
            || (access.Type is { IsValueType: true } && access.Type.SpecialType != SpecialType.System_Void && UnderlyingOf(access.Type) is null))
        {
            return Unsupported(access, "the null-conditional access '" + Shorten(access.Syntax.ToString()) + "'");
        }

        var receiver = Expr(access.Operation, Carries(receiverType) ? Use.Own : use);
        var unwrap = receiverType is NullableType nullable ? nullable.Unwrap : (Func<Value, Value>)(v => v);
        int slot = scope.DeclareTemporary();
        int outer = conditionalReceiver;
        conditionalReceiver = slot;
        var whenNotNull = Expr(access.WhenNotNull, use);
        var lift = access.Type is { SpecialType: not SpecialType.System_Void } ? LiftInto(Types.Map(access.WhenNotNull.Type), Types.Map(access.Type)) : v => v;
        conditionalReceiver = outer;
        return frame =>
        {
            var value = receiver(frame);
            if (value.Ref is null)
            {
                return Value.Null;
            }

            frame.Slots[slot] = unwrap(value);
            return lift(whenNotNull(frame));
        };
    }

    private static Expr Default(VType type)
    {
        var value = type.Default;
        return _ => value;
    }

    private Expr Constant(IOperation operation)
    {
        switch (operation.ConstantValue.Value)
        {
            case null:
                return _ => Value.Null;
            case string text:
                var s = new Value(text);
                return _ => s;
            case float or double or decimal:
                return Unsupported(operation, "the floating-point value '" + Shorten(operation.Syntax.ToString()) + "'");
            case var other:
                var bits = new Value(IntKinds.FromConstant(other));
                return _ => bits;
        }
    }

    private Expr FieldRead(IFieldReferenceOperation operation, Use use)
    {
        var field = operation.Field;
        if (field.IsStatic)
        {
            if (model.TryGetStatic(field, out int staticSlot))
            {
                return StaticRead(staticSlot, field.Type, use, operation);
            }

            if (field.ContainingType.SpecialType == SpecialType.System_String && field.Name == "Empty")
            {
                var empty = new Value(string.Empty);
                return _ => empty;
            }

            if (model.StaticOf(field) is { } sourceStatic)
            {
                return SourceStaticRead(sourceStatic, field.Type, use, operation);
            }

            return Unsupported(operation, "the field '" + field.ToDisplayString() + "'");
        }

        if (field.ContainingType.IsTupleType && operation.Instance is not null)
        {
            return RecordMember(operation, operation.Instance, TupleFieldName(field), use);
        }

        if (model.TryGetField(field, out int slot))
        {
            return operation.Instance is null or IInstanceReferenceOperation
                ? StateRead(slot, use)
                : OtherInstance(operation, operation.Instance, slot, use, "a field of");
        }

        if (operation.Instance is not null && Types.Map(field.ContainingType) is Values.Types.RecordType)
        {
            return RecordMember(operation, operation.Instance, field.AssociatedSymbol?.Name ?? field.Name, use);
        }

        return Unsupported(operation, "the field '" + field.ToDisplayString() + "'");
    }

    /// <summary>A state field: read in place when the reader only peeks, else owned (copied once per run).</summary>
    private Expr StateRead(int slot, Use use)
    {
        if (!model.Layout.Types[slot].HasMutableParts || use.AllowsPeek(slot))
        {
            return frame => frame.Ex.Fields[slot];
        }

        effects.Own(slot);
        return frame => frame.Ex.Own(slot);
    }

    private Expr StaticRead(int slot, ITypeSymbol declared, Use use, IOperation at)
    {
        var statics = model.Layout.Statics;
        var type = TypeOf(declared, at);
        if (type is null)
        {
            return Nothing;
        }

        // Statics are not state: a reader that may write gets its own copy, so the value stays as initialized.
        return type.HasMutableParts && !use.IsPeek
            ? frame => type.DeepCopy(statics[slot])
            : frame => statics[slot];
    }

    private Expr PropertyRead(IPropertyReferenceOperation operation, Use use)
    {
        if (NullableProperty(operation, use) is { } nullableMember)
        {
            return nullableMember;
        }

        var property = operation.Property;
        if (model.IsModel(property.ContainingType))
        {
            if (operation.Instance is not (null or IInstanceReferenceOperation))
            {
                int slot = property.GetMethod is { } read && model.BodyOf(read) is null && model.TryGetAutoProperty(property, out int auto) ? auto : -1;
                return OtherInstance(operation, operation.Instance, slot, use, "a property of", slot < 0 ? property.GetMethod : null, operation.Arguments);
            }

            if (property.GetMethod is { } getter && model.BodyOf(getter) is null)
            {
                if (model.TryGetAutoProperty(property, out int slot))
                {
                    return StateRead(slot, use);
                }

                if (model.TryGetStaticProperty(property, out int staticSlot))
                {
                    return StaticRead(staticSlot, property.Type, use, operation);
                }
            }

            return property.GetMethod is { } accessor
                ? UserCall(operation, accessor, operation.Arguments)
                : Unsupported(operation, "the property '" + property.ToDisplayString() + "'");
        }

        if (operation.Instance is null)
        {
            // A static property of a source type: a getter with a body is a helper, an auto-property a static value.
            if (property.GetMethod is { } staticGetter && model.IsHelper(staticGetter.OriginalDefinition) && model.BodyOf(staticGetter) is not null)
            {
                return UserCall(operation, staticGetter, operation.Arguments);
            }

            return model.StaticOf(property) is { } sourceStatic
                ? SourceStaticRead(sourceStatic, property.Type, use, operation)
                : Unsupported(operation, "the property '" + property.ToDisplayString() + "'");
        }

        if (Types.Map(operation.Instance.Type) is Values.Types.RecordType && operation.Arguments.IsEmpty)
        {
            return RecordMember(operation, operation.Instance, property.Name, use, property);
        }

        return CollectionProperty(operation, use);
    }

    private Expr Conditional(IConditionalOperation operation, Use use)
    {
        var condition = Expr(operation.Condition);
        var whenTrue = Expr(operation.WhenTrue, use);
        var whenFalse = Expr(operation.WhenFalse!, use);
        return frame => condition(frame).Bool ? whenTrue(frame) : whenFalse(frame);
    }

    private Expr Coalesce(ICoalesceOperation operation, Use use)
    {
        if (TypeOf(operation.Value) is not { IsReference: true } valueType)
        {
            return Unsupported(operation, "'??' on a value type");
        }

        // `int? ?? int` is an int: the value found is unwrapped; `int? ?? int?` stays nullable.
        var unwrap = valueType is NullableType nullable && TypeOf(operation) == nullable.Underlying ? nullable.Unwrap : (Func<Value, Value>?)null;
        if (valueType is NullableType && unwrap is null && TypeOf(operation) != valueType)
        {
            return Unsupported(operation, "'??' converting '" + Shorten(operation.Value.Syntax.ToString()) + "' to '" + operation.Type?.ToDisplayString() + "'");
        }

        var value = Expr(operation.Value, use);
        var fallback = Expr(operation.WhenNull, use);
        return frame =>
        {
            var v = value(frame);
            return v.Ref is null ? fallback(frame) : unwrap is null ? v : unwrap(v);
        };
    }
}
