using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace MergeQueue.Analyzers.FrontEnd.Shape;

/// <summary>The structure of a model as SPEC §1–§2 defines it, before any body is compiled.</summary>
/// <param name="Constructor">The constructor that builds the initial states: the domained one, or the parameterless one.</param>
/// <param name="ConstructorDomains">The domains of its parameters; every combination is an initial state. Empty for the parameterless one.</param>
/// <param name="CheckStuck">The attribute's <c>CheckStuck</c>: whether a state with no enabled action is checked.</param>
internal sealed record ModelShape(
    INamedTypeSymbol Type,
    Location Location,
    IReadOnlyList<StateField> Fields,
    IReadOnlyList<IFieldSymbol> Statics,
    IReadOnlyList<ActionShape> Actions,
    IReadOnlyList<PropertyShape> Properties,
    IMethodSymbol? Constructor,
    IReadOnlyList<ParameterDomain> ConstructorDomains,
    bool CheckStuck)
{
    /// <summary>
    /// How many of the domained constructor's leading statements can be tested before an instance is built
    /// (<see cref="GuardReader.ConstructorGuard"/>); 0 for none.
    /// </summary>
    public int ConstructorGuard { get; init; }
}
