using System.Collections.Generic;
using System.Linq;
using MergeQueue.Analyzers.Diagnostics;
using MergeQueue.Analyzers.FrontEnd.Library;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace MergeQueue.Analyzers.FrontEnd.Shape;

/// <summary>
/// Properties only read the state (TLA+ state predicates have no effect): one that writes a state field, directly or
/// through the model's own methods, would change what is explored depending on when and how often it is evaluated,
/// which neither back end can give a C# meaning to. Writing its own variables, or values it made, is fine, and so is
/// running the model's methods on an instance of the model it made (<see cref="FreshInstances"/>).
/// </summary>
internal static class PropertyPurity
{
    public static void Check(ModelShape shape, ModelSource source, ModelDiagnostics diagnostics)
    {
        foreach (var property in shape.Properties)
        {
            var member = property.Member is IPropertySymbol { GetMethod: { } getter } ? (ISymbol)getter : property.Member;
            if (WrittenField(source, member, new HashSet<ISymbol>(SymbolEqualityComparer.Default)) is { } field)
            {
                diagnostics.Error(
                    DiagnosticDescriptors.InvalidMember,
                    property.Location,
                    property.Kind.ToString(),
                    property.Member.Name,
                    "it changes the state (it writes '" + field.Name + "'); a property only reads the state");
            }
        }
    }

    private static ISymbol? WrittenField(ModelSource source, ISymbol member, HashSet<ISymbol> visited)
    {
        if (!visited.Add(member))
        {
            return null;
        }

        foreach (var block in Blocks(source, member))
        {
            foreach (var operation in block.DescendantsAndSelf())
            {
                var target = operation switch
                {
                    IAssignmentOperation assignment => assignment.Target,
                    IIncrementOrDecrementOperation step => step.Target,
                    IInvocationOperation call when LibraryMembers.Find(call.TargetMethod)?.Effect == LibraryEffect.WritesReceiver => call.Instance,
                    IInvocationOperation call when LibraryMembers.Find(call.TargetMethod)?.Effect == LibraryEffect.WritesArgument => call.Arguments.FirstOrDefault()?.Value,
                    _ => null,
                };
                if (target is not null && StateField(source, target) is { } written)
                {
                    return written;
                }

                // A method run on an instance the property made for itself (a copy of the state) writes that copy.
                if (operation is IInvocationOperation { TargetMethod: var method } modelCall && IsModel(source, method.ContainingType)
                    && !(modelCall.Instance is { } receiver && receiver is not IInstanceReferenceOperation && FreshInstances.IsFresh(source, receiver))
                    && WrittenField(source, method.PartialImplementationPart ?? method, visited) is { } deeper)
                {
                    return deeper;
                }
            }
        }

        return null;
    }

    // The state field a place belongs to: `x`, `a[i]`, `rec.Items`, `this.grid[i, j]`.
    private static ISymbol? StateField(ModelSource source, IOperation place)
    {
        for (var current = place; current is not null;)
        {
            switch (current)
            {
                // This model's state, not another instance of the class a property made for itself.
                case IFieldReferenceOperation field when IsModel(source, field.Field.ContainingType):
                    return field.Instance is null or IInstanceReferenceOperation ? field.Field : null;
                case IPropertyReferenceOperation property when IsModel(source, property.Property.ContainingType):
                    return property.Instance is null or IInstanceReferenceOperation ? property.Property : null;
                case IMemberReferenceOperation member:
                    current = member.Instance;
                    break;
                case IArrayElementReferenceOperation element:
                    current = element.ArrayReference;
                    break;
                case IConversionOperation conversion:
                    current = conversion.Operand;
                    break;
                default:
                    return null;
            }
        }

        return null;
    }

    private static bool IsModel(ModelSource source, ITypeSymbol? type) =>
        SymbolEqualityComparer.Default.Equals(type?.OriginalDefinition, source.Type);

    internal static IEnumerable<IOperation> Blocks(ModelSource source, ISymbol member)
    {
        var keys = new List<ISymbol> { member };
        if (member is IMethodSymbol { AssociatedSymbol: IPropertySymbol property })
        {
            keys.Add(property);
        }

        return keys.SelectMany(k => source.Bodies.TryGetValue(k, out var blocks) ? blocks : Enumerable.Empty<IOperation>());
    }
}
