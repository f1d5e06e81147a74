using System.Collections.Generic;

namespace MergeQueue.Analyzers.Engine;

/// <summary>A boolean member of the model with one value per parameter.</summary>
/// <param name="Name">The member name.</param>
/// <param name="Arguments">Each parameter as <c>name: value</c>; empty for a property or parameterless method.</param>
public sealed record PredicateInstance(string Name, IReadOnlyList<string> Arguments)
{
    /// <summary>The instance as messages print it: <c>Resolved(p: 1)</c>, or <c>AllDone</c> without arguments.</summary>
    public string Display => Arguments.Count == 0 ? Name : Name + "(" + string.Join(", ", Arguments) + ")";
}
