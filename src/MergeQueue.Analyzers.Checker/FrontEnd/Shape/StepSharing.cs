using System.Collections.Generic;
using System.Linq;
using MergeQueue.Analyzers.FrontEnd.Library;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace MergeQueue.Analyzers.FrontEnd.Shape;

/// <summary>
/// Whether a step may make one mutable object (an array, a collection, a record with settable members) reachable from
/// two places of the state, the model error both paths look for after each step by walking every object of the state.
/// A step can only do that by storing a reference it did not just make: assigning it to something other than a local,
/// passing it by <c>ref</c> or <c>out</c>, or handing it to a library member that writes (<c>list.Add(row)</c>) or
/// to code the model does not hold. When no member of the model does any of these, no step can share an object, and
/// the walk after each step is left out; the initial states are still checked, since constructors and initializers
/// are not looked at here. What cannot be told (a value of a type not known to hold only values) counts as shared.
/// </summary>
internal sealed class StepSharing
{
    private readonly Compilation compilation;
    private readonly INamedTypeSymbol model;
    private readonly Dictionary<ITypeSymbol, bool> valuesOnly = new(SymbolEqualityComparer.Default);
    private readonly HashSet<IMethodSymbol> returning = new(SymbolEqualityComparer.Default);

    private StepSharing(Compilation compilation, INamedTypeSymbol model)
    {
        this.compilation = compilation;
        this.model = model;
    }

    /// <summary>Whether some step of <paramref name="model"/> may store a reference to a mutable object it did not make.</summary>
    public static bool MayShare(Compilation compilation, INamedTypeSymbol model) => new StepSharing(compilation, model).AnyMemberMayShare();

    private bool AnyMemberMayShare()
    {
        // A base class's members are not looked at.
        if (model.BaseType is { SpecialType: not SpecialType.System_Object })
        {
            return true;
        }

        foreach (var method in model.GetMembers().OfType<IMethodSymbol>())
        {
            // Constructors and initializers build initial states, which are checked whatever this says.
            if (method.MethodKind is MethodKind.Constructor or MethodKind.StaticConstructor)
            {
                continue;
            }

            // The generator's own members of the model are its output, not the model's steps.
            if (method.DeclaringSyntaxReferences.All(r => GeneratedFiles.IsOwn(r.SyntaxTree)))
            {
                continue;
            }

            foreach (var block in MemberBodies.Of(compilation, method))
            {
                if (block.DescendantsAndSelf().Any(Stores))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private bool Stores(IOperation operation) => operation switch
    {
        ISimpleAssignmentOperation or ICoalesceAssignmentOperation => StoresInto(((IAssignmentOperation)operation).Target, ((IAssignmentOperation)operation).Value),
        IDeconstructionAssignmentOperation deconstruction => !IntoOwnLocals(deconstruction.Target) && !HoldsValuesOnly(deconstruction.Value.Type),
        IArgumentOperation { Parameter.RefKind: RefKind.Ref or RefKind.Out } argument => !IsOwnLocal(argument.Value) && !HoldsValuesOnly(argument.Value.Type),
        IInvocationOperation invocation => CallMayStore(invocation),

        // Constructors (the model's too: they are not looked at) and operators the user wrote elsewhere run code this
        // does not look at.
        IObjectCreationOperation { Constructor: { } constructor } creation =>
            (IsOtherSource(constructor) || IsModelMethod(constructor)) && creation.Arguments.Any(a => Hands(a.Value)),
        IBinaryOperation { OperatorMethod: { } method } binary => IsOtherSource(method) && (Hands(binary.LeftOperand) || Hands(binary.RightOperand)),
        IUnaryOperation { OperatorMethod: { } method } unary => IsOtherSource(method) && Hands(unary.Operand),
        IConversionOperation { Conversion.IsUserDefined: true, Conversion.MethodSymbol: { } method } conversion => IsOtherSource(method) && Hands(conversion.Operand),
        _ => false,
    };

    private bool IsOtherSource(IMethodSymbol method) => !method.DeclaringSyntaxReferences.IsEmpty && !IsModelMethod(method);

    // Whether code given this value could keep a mutable object the step did not make.
    private bool Hands(IOperation value) => !HoldsValuesOnly(value.Type) && !IsMade(value);

    // A local (or a by-value parameter) is not a place of the state; what is later stored from it is looked at then.
    private bool StoresInto(IOperation target, IOperation value) => !IsOwnLocal(target) && Hands(value);

    // var (a, b) = …, or (a, b) = … into locals.
    private static bool IntoOwnLocals(IOperation target) => target switch
    {
        IDeclarationExpressionOperation => true,
        ITupleOperation tuple => tuple.Elements.All(IntoOwnLocals),
        _ => IsOwnLocal(target),
    };

    private static bool IsOwnLocal(IOperation target) => target switch
    {
        ILocalReferenceOperation local => local.Local.RefKind == RefKind.None,
        IParameterReferenceOperation parameter => parameter.Parameter.RefKind == RefKind.None,
        IDeclarationExpressionOperation or IDiscardOperation => true,
        _ => false,
    };

    private bool CallMayStore(IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod.ReducedFrom ?? invocation.TargetMethod;
        if (IsModelMethod(method) || method.MethodKind is MethodKind.LambdaMethod or MethodKind.LocalFunction)
        {
            // Its body is among those looked at.
            return false;
        }

        if (method.ContainingType?.SpecialType == SpecialType.System_Object)
        {
            // MemberwiseClone, GetType, Equals…: what they return is looked at where it is stored.
            return false;
        }

        var row = method.DeclaringSyntaxReferences.IsEmpty ? LibraryMembers.Find(method) : null;
        var handed = invocation.Arguments.Select(a => a.Value).Where(Hands).ToList();
        if (row is null)
        {
            // Code the model does not hold may do anything with what it is given, its receiver included.
            return handed.Count > 0 || invocation.Instance is { } receiver && Hands(receiver);
        }

        return handed.Count > 0 && CanKeep(invocation, row);
    }

    // A library member that only reads may return what it was given (looked at where that is stored) but keeps
    // nothing; one that writes keeps it only where a mutable object can go: its receiver (list.Add) or an argument
    // (Array.Fill) whose elements are not all values.
    private bool CanKeep(IInvocationOperation invocation, LibraryMember row)
    {
        if (row.ReadsOnly)
        {
            return false;
        }

        var written = row.Effect == LibraryEffect.WritesReceiver && invocation.Instance is { } instance
            ? new[] { instance.Type }
            : invocation.Arguments.Select(a => a.Value.Type).Where(t => !HoldsValuesOnly(t)).ToArray();
        return written.Any(t => !ElementsAreValues(t));
    }

    private bool IsModelMethod(IMethodSymbol method) =>
        SymbolEqualityComparer.Default.Equals(method.ContainingType?.OriginalDefinition, model.OriginalDefinition);

    /// <summary>Whether <paramref name="value"/> is an object the expression makes, holding no object it did not make.</summary>
    private bool IsMade(IOperation value)
    {
        switch (Strip(value))
        {
            case ILiteralOperation or IDefaultValueOperation:
                return true;
            case IObjectCreationOperation creation:
                return !SymbolEqualityComparer.Default.Equals(creation.Type?.OriginalDefinition, model.OriginalDefinition)
                    && creation.Arguments.All(a => !Hands(a.Value))
                    && (creation.Initializer is null || creation.Initializer.Initializers.All(MadeInitializer));
            case IArrayCreationOperation array:
                return array.Initializer is null || array.Initializer.ElementValues.All(v => !Hands(v));
            case ICollectionExpressionOperation collection:
                return collection.Elements.All(e => e is ISpreadOperation spread ? ElementsAreValues(spread.Operand.Type) : !Hands(e));
            case IConditionalOperation conditional:
                return conditional.WhenFalse is { } whenFalse && IsMade(conditional.WhenTrue) && IsMade(whenFalse);
            case ICoalesceOperation coalesce:
                return IsMade(coalesce.Value) && IsMade(coalesce.WhenNull);
            case ISwitchExpressionOperation @switch:
                return @switch.Arms.All(arm => IsMade(arm.Value));
            case IInvocationOperation { TargetMethod.Name: "ToArray" or "ToList" or "ToHashSet" } copy:
                // A new collection of values: nothing in it can be shared.
                return copy.Type is { } type && ElementsAreValues(type);
            case IInvocationOperation { TargetMethod.Name: "Clone", Instance.Type: IArrayTypeSymbol array }:
                return HoldsValuesOnly(array.ElementType);
            case IArrayElementReferenceOperation { Indices.Length: 1 } slice when slice.Indices[0] is IRangeOperation:
                // a[lo..hi]: a new array.
                return ElementsAreValues(slice.Type);
            case ILocalReferenceOperation { Local.RefKind: RefKind.None } local:
                return MadeLocal(local);
            case IInvocationOperation call when IsModelMethod(call.TargetMethod):
                return ReturnsMade(call.TargetMethod.OriginalDefinition);
            default:
                return false;
        }
    }

    /// <summary>
    /// Whether <paramref name="store"/> reads a local that holds only objects made for it and is stored this once:
    /// <c>var next = set.Union(group).ToHashSet(); banks[there] = next;</c>. Its other uses may only read it (a
    /// member, or an argument of a library member that keeps nothing), and the store is in no loop or function
    /// the declaration is not also in, where it would store one object many times.
    /// </summary>
    private bool MadeLocal(ILocalReferenceOperation store)
    {
        IVariableDeclaratorOperation? declarator = null;
        foreach (var operation in OperationTree.Root(store).DescendantsAndSelf())
        {
            switch (operation)
            {
                case IVariableDeclaratorOperation d when SymbolEqualityComparer.Default.Equals(d.Symbol, store.Local):
                    declarator = d;
                    if (d.GetVariableInitializer() is { } initializer && !IsMade(initializer.Value))
                    {
                        return false;
                    }

                    break;
                case ILocalReferenceOperation other when SymbolEqualityComparer.Default.Equals(other.Local, store.Local) && other != store:
                    if (!OnlyRead(other))
                    {
                        return false;
                    }

                    break;
            }
        }

        return declarator is not null && !RepeatedFrom(store, declarator);
    }

    // A use that hands the local to nothing: a member of it read or called, an argument of a member that keeps nothing,
    // or the target of an assignment of a made object.
    private bool OnlyRead(ILocalReferenceOperation use)
    {
        IOperation value = use;
        while (value.Parent is IConversionOperation { Conversion.IsUserDefined: false } conversion)
        {
            value = conversion;
        }

        return value.Parent switch
        {
            IMemberReferenceOperation member => member.Instance == value,
            IInvocationOperation call => call.Instance == value,
            IArrayElementReferenceOperation element => element.ArrayReference == value,
            IForEachLoopOperation loop => loop.Collection == value,
            // A method of the model is looked at itself: any store there of what it was given counts.
            IArgumentOperation { Parameter.RefKind: RefKind.None, Parent: IInvocationOperation call } when IsModelMethod(call.TargetMethod) => true,
            IArgumentOperation { Parent: IInvocationOperation call } when call.TargetMethod is var method && method.DeclaringSyntaxReferences.IsEmpty =>
                LibraryMembers.Find(method.ReducedFrom ?? method) is { } row && !CanKeep(call, row),
            ISimpleAssignmentOperation assignment => assignment.Target == value && IsMade(assignment.Value),
            _ => false,
        };
    }

    private static bool RepeatedFrom(IOperation store, IOperation declarator)
    {
        var enclosing = new HashSet<IOperation>(OperationTree.Ancestors(declarator));
        return OperationTree.Ancestors(store)
            .TakeWhile(at => !enclosing.Contains(at))
            .Any(at => at is ILoopOperation or IAnonymousFunctionOperation or ILocalFunctionOperation);
    }

    // Every return of the model's method (not of a function inside it) gives a made object; a recursive one is not trusted.
    private bool ReturnsMade(IMethodSymbol method)
    {
        if (!returning.Add(method))
        {
            return false;
        }

        var returns = MemberBodies.Of(compilation, method)
            .SelectMany(b => b.DescendantsAndSelf())
            .OfType<IReturnOperation>()
            .Where(r => !OperationTree.InsideFunction(r))
            .ToList();
        bool made = returns.Count > 0 && returns.All(r => r.ReturnedValue is { } value && IsMade(value));
        returning.Remove(method);
        return made;
    }

    private bool MadeInitializer(IOperation initializer) => initializer switch
    {
        IInvocationOperation add => add.Arguments.All(a => !Hands(a.Value)),
        IAssignmentOperation member => !Hands(member.Value),
        _ => false,
    };

    private static IOperation Strip(IOperation operation)
    {
        while (operation is IConversionOperation { Conversion.IsUserDefined: false } or IParenthesizedOperation)
        {
            operation = operation is IConversionOperation conversion ? conversion.Operand : ((IParenthesizedOperation)operation).Operand;
        }

        return operation;
    }

    /// <summary>Whether the elements of a collection of type <paramref name="type"/> hold only values; false for anything else.</summary>
    private bool ElementsAreValues(ITypeSymbol? type) => type switch
    {
        IArrayTypeSymbol array => HoldsValuesOnly(array.ElementType),
        INamedTypeSymbol { IsGenericType: true } generic when IsSystemType(generic) => generic.TypeArguments.All(HoldsValuesOnly),
        _ => false,
    };

    /// <summary>Whether no mutable object can be reached from a value of <paramref name="type"/>.</summary>
    private bool HoldsValuesOnly(ITypeSymbol? type)
    {
        if (type is null)
        {
            return false;
        }

        if (valuesOnly.TryGetValue(type, out bool known))
        {
            return known;
        }

        // A type that holds itself is decided by its other members.
        valuesOnly[type] = true;
        bool result = type.SpecialType is SpecialType.System_String
            || type.TypeKind == TypeKind.Enum
            || type is INamedTypeSymbol { IsGenericType: true } immutable && IsImmutableCollection(immutable) && immutable.TypeArguments.All(HoldsValuesOnly)
            || (type.IsValueType || type.IsRecord) && !IsImmutableCollection(type) && Fields(type).All(f => (type.IsValueType || f.IsReadOnly) && HoldsValuesOnly(f.Type));
        valuesOnly[type] = result;
        return result;
    }

    private static IEnumerable<IFieldSymbol> Fields(ITypeSymbol type)
    {
        for (var current = type; current is not null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
        {
            foreach (var field in current.GetMembers().OfType<IFieldSymbol>())
            {
                if (!field.IsStatic)
                {
                    yield return field;
                }
            }
        }
    }

    private static bool IsImmutableCollection(ITypeSymbol type) =>
        type.ContainingNamespace?.ToDisplayString() == "System.Collections.Immutable";

    private static bool IsSystemType(INamedTypeSymbol type) =>
        type.ContainingNamespace?.ToDisplayString() is { } name && (name == "System" || name.StartsWith("System.", System.StringComparison.Ordinal));
}
