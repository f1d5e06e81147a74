namespace MergeQueue.Analyzers.Generator.Model;

/// <summary>One property instance: its engine <c>PropertyKind</c> member name, its predicate and <c>[LeadsTo]</c> target (-1 if none).</summary>
internal sealed record PropertySpec(string Kind, int Predicate, int Target);
