using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace MergeQueue.Analyzers.Generator;

/// <summary>
/// The record classes of a compilation's own source that derive from a given record, found once per compilation:
/// a state field declared as the base may hold any of them. Likewise the types implementing an interface of the source.
/// Both back ends ask it, so they agree on what a base record or an interface may hold.
/// </summary>
internal sealed class DerivedRecords
{
    private readonly Compilation compilation;
    private List<INamedTypeSymbol>? records;
    private List<INamedTypeSymbol>? concreteTypes;

    public DerivedRecords(Compilation compilation) => this.compilation = compilation;

    /// <summary>Every record deriving from <paramref name="type"/>, directly or not, in a stable order.</summary>
    public IReadOnlyList<INamedTypeSymbol> Of(INamedTypeSymbol type)
    {
        records ??= Records(compilation.Assembly.GlobalNamespace).ToList();
        return records.Where(r => DerivesFrom(r, type)).ToList();
    }

    /// <summary>
    /// Every non-abstract class or struct of the source implementing <paramref name="type"/>, records or not, in a
    /// stable order; empty when the interface is not declared in the source.
    /// </summary>
    public IReadOnlyList<INamedTypeSymbol> Implementers(INamedTypeSymbol type)
    {
        if (type.TypeKind != TypeKind.Interface || type.IsGenericType
            || !type.DeclaringSyntaxReferences.Any(r => compilation.ContainsSyntaxTree(r.SyntaxTree)))
        {
            return new List<INamedTypeSymbol>();
        }

        concreteTypes ??= Types(compilation.Assembly.GlobalNamespace)
            .Where(t => t.TypeKind is TypeKind.Class or TypeKind.Struct && !t.IsAbstract && !t.IsStatic)
            .ToList();
        return concreteTypes.Where(t => t.AllInterfaces.Contains(type, SymbolEqualityComparer.Default)).ToList();
    }

    private static bool DerivesFrom(INamedTypeSymbol record, INamedTypeSymbol type)
    {
        for (var current = record.BaseType; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current, type))
            {
                return true;
            }
        }

        return false;
    }

    private static IEnumerable<INamedTypeSymbol> Records(INamespaceOrTypeSymbol container) =>
        Types(container).Where(type => type.IsRecord && type.TypeKind == TypeKind.Class && !type.IsAbstract && !type.IsGenericType);

    private static IEnumerable<INamedTypeSymbol> Types(INamespaceOrTypeSymbol container)
    {
        foreach (var member in container.GetMembers())
        {
            if (member is INamespaceSymbol ns)
            {
                foreach (var type in Types(ns))
                {
                    yield return type;
                }
            }
            else if (member is INamedTypeSymbol type)
            {
                yield return type;
                foreach (var nested in Types(type))
                {
                    yield return nested;
                }
            }
        }
    }
}
