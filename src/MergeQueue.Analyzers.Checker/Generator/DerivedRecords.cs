using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace MergeQueue.Analyzers.Generator;

/// <summary>
/// The record classes of a compilation's own source that derive from a given record, found once per compilation:
/// a state field declared as the base may hold any of them.
/// </summary>
internal sealed class DerivedRecords
{
    private readonly Compilation compilation;
    private List<INamedTypeSymbol>? records;

    public DerivedRecords(Compilation compilation) => this.compilation = compilation;

    /// <summary>Every record deriving from <paramref name="type"/>, directly or not, in a stable order.</summary>
    public IReadOnlyList<INamedTypeSymbol> Of(INamedTypeSymbol type)
    {
        records ??= Records(compilation.Assembly.GlobalNamespace).ToList();
        return records.Where(r => DerivesFrom(r, type)).ToList();
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

    private static IEnumerable<INamedTypeSymbol> Records(INamespaceOrTypeSymbol container)
    {
        foreach (var member in container.GetMembers())
        {
            if (member is INamespaceSymbol ns)
            {
                foreach (var record in Records(ns))
                {
                    yield return record;
                }
            }
            else if (member is INamedTypeSymbol type)
            {
                if (type.IsRecord && type.TypeKind == TypeKind.Class && !type.IsAbstract && !type.IsGenericType)
                {
                    yield return type;
                }

                foreach (var nested in Records(type))
                {
                    yield return nested;
                }
            }
        }
    }
}
