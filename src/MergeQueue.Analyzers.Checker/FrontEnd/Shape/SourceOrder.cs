using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace MergeQueue.Analyzers.FrontEnd.Shape;

/// <summary>
/// Declaration order across partial files: by file path, then position. Roslyn's own member order follows the
/// order of syntax trees in the compilation, which an IDE and a build may not share.
/// </summary>
internal static class SourceOrder
{
    public static IOrderedEnumerable<T> Sort<T>(IEnumerable<T> symbols)
        where T : ISymbol =>
        symbols.OrderBy(s => Location(s).SourceTree?.FilePath ?? string.Empty, StringComparer.Ordinal)
            .ThenBy(s => Location(s).SourceSpan.Start);

    /// <summary>Where a member is declared: its identifier, or its property's for a backing field.</summary>
    public static Location Location(ISymbol symbol)
    {
        if (symbol is IFieldSymbol { AssociatedSymbol: { } property })
        {
            symbol = property;
        }

        var locations = symbol.Locations.Where(l => l.IsInSource).ToList();
        return locations
            .OrderBy(l => l.SourceTree!.FilePath, StringComparer.Ordinal)
            .ThenBy(l => l.SourceSpan.Start)
            .FirstOrDefault() ?? Microsoft.CodeAnalysis.Location.None;
    }

    /// <summary>The attribute as written, for diagnostics about it.</summary>
    public static Location Location(AttributeData attribute, ISymbol owner) =>
        attribute.ApplicationSyntaxReference?.GetSyntax().GetLocation() ?? Location(owner);
}
