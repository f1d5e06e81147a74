namespace MergeQueue.Analyzers.Engine;

/// <summary>One property to check, over one predicate instance.</summary>
/// <param name="Kind">What is checked.</param>
/// <param name="Predicate">Index into <see cref="IModel{TState}.Predicates"/>: the member the attribute is on.</param>
/// <param name="Target">For <see cref="PropertyKind.LeadsTo"/>, the predicate that must follow; otherwise -1.</param>
/// <param name="Site">Where the member is declared; opaque to the engine.</param>
public sealed record PropertyInstance(PropertyKind Kind, int Predicate, int Target, object? Site);
