namespace MergeQueue.Analyzers.Generator.Model;

/// <summary>
/// One predicate instance: a property member with arguments; <see cref="Call"/> evaluates it on <c>state</c>, or for a
/// <c>[StepInvariant]</c> (<see cref="IsStep"/>) on <c>after</c> with <c>before</c>.
/// </summary>
internal sealed record PredicateSpec(string Name, EquatableArray<string> Arguments, string Call, bool IsStep = false);
