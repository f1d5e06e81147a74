namespace MergeQueue.Analyzers.Generator.Model;

/// <summary>One predicate instance: a property member with arguments; <see cref="Call"/> evaluates it on <c>state</c>.</summary>
internal sealed record PredicateSpec(string Name, EquatableArray<string> Arguments, string Call);
