using System.Collections.Generic;
using MergeQueue.Analyzers.Engine;
using Microsoft.CodeAnalysis;

namespace MergeQueue.Analyzers.FrontEnd.Shape;

/// <summary>One property attribute on a bool member; <see cref="Target"/> is the member a <c>[LeadsTo]</c> names.</summary>
internal sealed record PropertyShape(
    PropertyKind Kind,
    ISymbol Member,
    IReadOnlyList<ParameterDomain> Domains,
    ISymbol? Target,
    Location Location);
