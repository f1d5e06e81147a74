using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace MergeQueue.Analyzers.FrontEnd.Shape;

/// <summary>The structure of a model as SPEC §1–§2 defines it, before any body is compiled.</summary>
internal sealed record ModelShape(
    INamedTypeSymbol Type,
    Location Location,
    IReadOnlyList<StateField> Fields,
    IReadOnlyList<IFieldSymbol> Statics,
    IReadOnlyList<ActionShape> Actions,
    IReadOnlyList<PropertyShape> Properties,
    IMethodSymbol? Constructor);
