using MergeQueue.Analyzers.FrontEnd.Interpreter.Places;
using MergeQueue.Analyzers.FrontEnd.Values;
using MergeQueue.Analyzers.FrontEnd.Values.Types;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace MergeQueue.Analyzers.FrontEnd.Interpreter.Compiler;

/// <summary>Assignment targets: variables, state fields, elements, entries and members.</summary>
internal sealed partial class BodyCompiler
{
    private Place PlaceOf(IOperation target)
    {
        switch (target)
        {
            case ILocalReferenceOperation local:
                var (hops, slot) = Resolve(local.Local);
                return new VariablePlace(hops, slot);
            case IParameterReferenceOperation parameter:
                var (parameterHops, parameterSlot) = Resolve(parameter.Parameter);
                return new VariablePlace(parameterHops, parameterSlot);
            case IDeclarationExpressionOperation declaration:
                return PlaceOf(declaration.Expression);
            case IDiscardOperation:
                return DiscardPlace.Instance;
            case IInstanceReferenceOperation self when InValueConstructor() && self.Type is { } built:
                // The value a constructor is building lives in its `this` slot until the constructor returns it.
                var (thisHops, thisSlot) = Resolve(built.OriginalDefinition);
                return new VariablePlace(thisHops, thisSlot);
            case IArrayElementReferenceOperation element when element.Indices.Length > 1:
                CheckNotStatic(element.ArrayReference, target);
                return MultiArrayElementPlace(element);
            case IArrayElementReferenceOperation element when element.Indices.Length == 1:
                CheckNotStatic(element.ArrayReference, target);
                return new ArrayElementPlace(Expr(element.ArrayReference, Use.Own), Index(element.Indices[0]));
            case IFieldReferenceOperation field:
                return FieldPlace(field);
            case IPropertyReferenceOperation property:
                return PropertyPlace(property);
            default:
                Report(target, "the assignment to '" + Shorten(target.Syntax.ToString()) + "'");
                return DiscardPlace.Instance;
        }
    }

    private Place FieldPlace(IFieldReferenceOperation operation)
    {
        var field = operation.Field;
        if (model.TryGetField(field, out int slot) && operation.Instance is null or IInstanceReferenceOperation)
        {
            return new StateFieldPlace(slot);
        }

        if (field.IsStatic)
        {
            Report(operation, "the assignment to the static field '" + field.Name + "' (static fields are not state)");
            return DiscardPlace.Instance;
        }

        if (model.TryGetField(field, out int instanceSlot) && IsInstanceOfModel(operation.Instance))
        {
            return InstanceFieldPlace(operation.Instance!, instanceSlot);
        }

        if (model.IsModel(field.ContainingType))
        {
            // A field the state does not hold (its type was refused at the field): the model itself is no value.
            Report(operation, "the assignment to '" + Shorten(operation.Syntax.ToString()) + "'");
            return DiscardPlace.Instance;
        }

        string name = field.ContainingType.IsTupleType ? TupleFieldName(field) : field.AssociatedSymbol?.Name ?? field.Name;
        return MemberOf(operation, operation.Instance, name);
    }

    private Place PropertyPlace(IPropertyReferenceOperation operation)
    {
        var property = operation.Property;
        if (model.IsModel(property.ContainingType) && operation.Instance is null or IInstanceReferenceOperation)
        {
            bool auto = (property.SetMethod is null || model.BodyOf(property.SetMethod) is null)
                && (property.GetMethod is null || model.BodyOf(property.GetMethod) is null);
            if (auto && model.TryGetAutoProperty(property, out int slot))
            {
                return new StateFieldPlace(slot);
            }

            if (auto && property.IsStatic)
            {
                Report(operation, "the assignment to the static property '" + property.Name + "' (static fields are not state)");
                return DiscardPlace.Instance;
            }

            if (property.SetMethod is not { } setter || property.GetMethod is not { } getter || !operation.Arguments.IsEmpty)
            {
                Report(operation, "the assignment to '" + property.Name + "'");
                return DiscardPlace.Instance;
            }

            var get = UserCall(operation, getter, operation.Arguments);
            var function = model.Function(setter, Loc(operation));
            var site = Loc(operation);
            effects.MarkUnknown();
            return new AccessorPlace(get, (frame, value) => function is null ? default : Call(frame, function, null, new[] { value }, site));
        }

        if (operation.Instance is null)
        {
            Report(operation, "the assignment to '" + property.ToDisplayString() + "'");
            return DiscardPlace.Instance;
        }

        string metadataName = Shape.KnownSymbols.MetadataName(property.ContainingType);
        CheckNotStatic(operation.Instance, operation);
        if (property.IsIndexer && metadataName == Shape.KnownSymbols.List)
        {
            return new ListElementPlace(Expr(operation.Instance, Use.Own), Index(operation.Arguments[0].Value));
        }

        if (property.IsIndexer && metadataName == Shape.KnownSymbols.Dictionary && TypeOf(operation.Instance) is DictionaryType dictionary)
        {
            return new DictionaryEntryPlace(Expr(operation.Instance, Use.Own), Expr(operation.Arguments[0].Value), dictionary.Key);
        }

        return MemberOf(operation, operation.Instance, property.Name);
    }

    /// <summary>A member of a record, struct or tuple as an assignment target.</summary>
    private Place MemberOf(IOperation member, IOperation? instance, string name)
    {
        if (instance is null || TypeOf(instance) is not RecordType record || record.IndexOf(name) is not (int index and >= 0))
        {
            Report(member, "the assignment to '" + Shorten(member.Syntax.ToString()) + "'");
            return DiscardPlace.Instance;
        }

        // A record class is shared by reference and written in place; a struct or tuple is rebuilt in its holder.
        return record.IsReference ? new ObjectMemberPlace(Expr(instance, Use.Own), index) : new MemberPlace(PlaceOf(instance), index);
    }

    /// <summary>
    /// Static fields are values, not state: a write into one would persist across steps unseen by the checker, and a
    /// write through a copy would be lost. Either way the model means something the checker cannot honor.
    /// </summary>
    private void CheckNotStatic(IOperation? receiver, IOperation write)
    {
        for (var current = receiver; current is not null;)
        {
            switch (StripConversions(current))
            {
                case IFieldReferenceOperation { Field.IsStatic: true } field when model.TryGetStatic(field.Field, out _):
                    Report(write, "a write into the static field '" + field.Field.Name + "' (static fields are not state)");
                    return;
                case IPropertyReferenceOperation { Property.IsStatic: true } property when model.TryGetStaticProperty(property.Property, out _):
                    Report(write, "a write into the static property '" + property.Property.Name + "' (static fields are not state)");
                    return;
                case IArrayElementReferenceOperation element:
                    current = element.ArrayReference;
                    break;
                case IPropertyReferenceOperation member:
                    current = member.Instance;
                    break;
                case IFieldReferenceOperation member:
                    current = member.Instance;
                    break;
                default:
                    return;
            }
        }
    }

    /// <summary>Whether a value may hand out a mutable object, so that reading it in place could leak one from a state.</summary>
    private static bool Carries(VType? type) => type is not null && (type.HasMutableParts || type.ElementType is { HasMutableParts: true });

    /// <summary>An index: any integer type, compared unsigned against the length as .NET does.</summary>
    private Expr Index(IOperation index)
    {
        if (KindOf(index.Type) is null)
        {
            return Unsupported(index, "the index '" + Shorten(index.Syntax.ToString()) + "'");
        }

        return Expr(index);
    }
}
