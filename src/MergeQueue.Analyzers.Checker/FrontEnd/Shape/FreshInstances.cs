using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace MergeQueue.Analyzers.FrontEnd.Shape;

/// <summary>
/// Whether an instance of the model that a property calls methods on is one the property made for itself
/// (<c>new M()</c>, <c>before.Clone()</c>), so that what those methods write is not the state: a step invariant may
/// run an action on a copy of the state before to ask whether the step was that action. A copy made by
/// <c>MemberwiseClone</c> shares the state's arrays and collections, so it counts as made only where every such
/// field is replaced on the copy before it is handed out. Anything else may be the state itself.
/// </summary>
internal static class FreshInstances
{
    public static bool IsFresh(ModelSource source, IOperation value) =>
        IsFresh(source, value, new HashSet<ISymbol>(SymbolEqualityComparer.Default));

    private static bool IsFresh(ModelSource source, IOperation value, HashSet<ISymbol> visited)
    {
        switch (Strip(value))
        {
            case IObjectCreationOperation creation:
                return IsModel(source, creation.Type);
            case IInvocationOperation call when IsModel(source, call.TargetMethod.ContainingType) && IsModel(source, call.TargetMethod.ReturnType):
                return ReturnsFresh(source, call.TargetMethod, visited);
            case ILocalReferenceOperation local:
                return AssignedOnlyFresh(source, local, visited);
            case IParameterReferenceOperation { Parameter: { ContainingSymbol: IMethodSymbol { MethodKind: MethodKind.AnonymousFunction } } parameter } reference:
                return CalledOnlyWithFresh(source, reference, parameter, visited);
            default:
                return false;
        }
    }

    // Every `return` of the method (not of a lambda inside it) gives a made instance; a recursive one is not trusted.
    private static bool ReturnsFresh(ModelSource source, IMethodSymbol method, HashSet<ISymbol> visited)
    {
        if (!visited.Add(method.OriginalDefinition))
        {
            return false;
        }

        var returns = Blocks(source, method.OriginalDefinition)
            .SelectMany(b => b.DescendantsAndSelf())
            .OfType<IReturnOperation>()
            .Where(r => !OperationTree.InsideFunction(r))
            .ToList();
        bool fresh = returns.Count > 0 && returns.All(r => r.ReturnedValue is { } value && IsFresh(source, value, visited));
        visited.Remove(method.OriginalDefinition);
        return fresh;
    }

    // A local the body only ever sets to made instances, and never hands out by reference.
    private static bool AssignedOnlyFresh(ModelSource source, ILocalReferenceOperation reference, HashSet<ISymbol> visited)
    {
        var body = OperationTree.Root(reference);
        foreach (var operation in body.DescendantsAndSelf())
        {
            var assigned = operation switch
            {
                IVariableDeclaratorOperation declarator when Same(declarator.Symbol, reference.Local) => declarator.Initializer?.Value,
                ISimpleAssignmentOperation { Target: ILocalReferenceOperation target } assignment when Same(target.Local, reference.Local) => assignment.Value,
                _ => null,
            };
            if (assigned is not null && !IsFresh(source, assigned, visited) && !IsReplacingClone(source, assigned, reference.Local, body))
            {
                return false;
            }

            if ((operation is IArgumentOperation { Parameter.RefKind: not RefKind.None and not RefKind.In, Value: ILocalReferenceOperation byReference } && Same(byReference.Local, reference.Local))
                || (operation is IDeconstructionAssignmentOperation deconstruction && deconstruction.Target.DescendantsAndSelf().OfType<ILocalReferenceOperation>().Any(l => Same(l.Local, reference.Local))))
            {
                return false;
            }
        }

        return true;
    }

    // `(M)MemberwiseClone()` stored in `copy`, where the body then sets `copy.f = <a new value>` for every field of a
    // reference type (its arrays and collections), so that no write through the copy reaches the state's objects.
    private static bool IsReplacingClone(ModelSource source, IOperation value, ILocalSymbol copy, IOperation body)
    {
        if (Strip(value) is not IInvocationOperation { TargetMethod: { Name: "MemberwiseClone", ContainingType.SpecialType: SpecialType.System_Object } })
        {
            return false;
        }

        var replaced = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
        foreach (var assignment in body.DescendantsAndSelf().OfType<ISimpleAssignmentOperation>())
        {
            if (assignment.Target is IFieldReferenceOperation { Instance: ILocalReferenceOperation holder } field && Same(holder.Local, copy)
                && Strip(assignment.Value) is not (IFieldReferenceOperation or IPropertyReferenceOperation or ILocalReferenceOperation or IParameterReferenceOperation))
            {
                replaced.Add(field.Field.OriginalDefinition);
            }
        }

        return source.Type.GetMembers().OfType<IFieldSymbol>()
            .Where(f => !f.IsStatic && !f.IsConst && f.Type.IsReferenceType && f.Type.SpecialType != SpecialType.System_String)
            .All(f => replaced.Contains(f.OriginalDefinition));
    }

    // A lambda's parameter when the lambda is handed to a method of the model that only ever invokes it with made
    // instances in that parameter's place (`IsStep(before, this, s => s.Seek(o))`, invoked as `operation(copy)`).
    private static bool CalledOnlyWithFresh(ModelSource source, IParameterReferenceOperation reference, IParameterSymbol parameter, HashSet<ISymbol> visited)
    {
        var lambda = OperationTree.Ancestors(reference).OfType<IAnonymousFunctionOperation>().FirstOrDefault(f => Same(f.Symbol, parameter.ContainingSymbol));
        var argument = lambda is null ? null : OperationTree.Ancestors(lambda).SkipWhile(a => a is IDelegateCreationOperation or IConversionOperation).FirstOrDefault() as IArgumentOperation;
        if (argument is not { Parameter: { } delegateParameter, Parent: IInvocationOperation { TargetMethod: var callee } }
            || !IsModel(source, callee.ContainingType) || !visited.Add(delegateParameter.OriginalDefinition))
        {
            return false;
        }

        var uses = Blocks(source, callee.OriginalDefinition)
            .SelectMany(b => b.DescendantsAndSelf())
            .OfType<IParameterReferenceOperation>()
            .Where(p => Same(p.Parameter, delegateParameter))
            .ToList();
        bool fresh = uses.Count > 0 && uses.All(use =>
            use.Parent is IInvocationOperation { TargetMethod.MethodKind: MethodKind.DelegateInvoke } invoke
            && ReferenceEquals(invoke.Instance, use)
            && invoke.Arguments.FirstOrDefault(a => a.Parameter?.Ordinal == parameter.Ordinal) is { } passed
            && IsFresh(source, passed.Value, visited));
        visited.Remove(delegateParameter.OriginalDefinition);
        return fresh;
    }

    private static IEnumerable<IOperation> Blocks(ModelSource source, ISymbol member)
    {
        var keys = new List<ISymbol> { member };
        if (member is IMethodSymbol { AssociatedSymbol: IPropertySymbol property })
        {
            keys.Add(property);
        }

        return keys.SelectMany(k => source.Bodies.TryGetValue(k, out var blocks) ? blocks : Enumerable.Empty<IOperation>());
    }

    private static IOperation Strip(IOperation operation)
    {
        while (operation is IConversionOperation conversion)
        {
            operation = conversion.Operand;
        }

        return operation;
    }

    private static bool Same(ISymbol? a, ISymbol? b) =>
        SymbolEqualityComparer.Default.Equals(a?.OriginalDefinition, b?.OriginalDefinition);

    private static bool IsModel(ModelSource source, ITypeSymbol? type) =>
        SymbolEqualityComparer.Default.Equals(type?.OriginalDefinition, source.Type);
}
