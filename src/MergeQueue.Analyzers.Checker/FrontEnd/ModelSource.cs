using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace MergeQueue.Analyzers.FrontEnd;

/// <summary>
/// One <c>[StateMachine]</c> class as the analyzer sees it: its symbol and the operation blocks of its members,
/// keyed by owning symbol exactly as <c>OperationBlockAnalysisContext</c> hands them over.
/// </summary>
internal sealed class ModelSource
{
    public ModelSource(INamedTypeSymbol type, Compilation compilation, ImmutableDictionary<ISymbol, ImmutableArray<IOperation>> bodies)
    {
        Type = type;
        Compilation = compilation;
        Bodies = bodies.WithComparers(SymbolEqualityComparer.Default);
    }

    public INamedTypeSymbol Type { get; }

    public Compilation Compilation { get; }

    public ImmutableDictionary<ISymbol, ImmutableArray<IOperation>> Bodies { get; }
}
