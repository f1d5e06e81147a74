using System.Collections.Concurrent;
using System.Collections.Immutable;
using MergeQueue.Analyzers.FrontEnd;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace MergeQueue.Analyzers.Analyzer;

/// <summary>Gathers the operation blocks of one model's members as the analyzer driver hands them over.</summary>
internal sealed class ModelBodyCollector(INamedTypeSymbol type, Compilation compilation)
{
    // Blocks of different members may arrive concurrently; a member declared in several parts is not possible,
    // but a symbol can own several blocks (e.g. a body and parameter initializers), so they are appended.
    private readonly ConcurrentDictionary<ISymbol, ImmutableArray<IOperation>> bodies = new(SymbolEqualityComparer.Default);

    public void Add(OperationBlockAnalysisContext context) =>
        bodies.AddOrUpdate(context.OwningSymbol, context.OperationBlocks, (_, existing) => existing.AddRange(context.OperationBlocks));

    public ModelSource ToSource() =>
        new(type, compilation, bodies.ToImmutableDictionary(SymbolEqualityComparer.Default));
}
