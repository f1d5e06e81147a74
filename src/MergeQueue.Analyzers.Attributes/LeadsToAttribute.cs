using System;

namespace MergeQueue.Analyzers;

/// <summary>
/// On a <c>bool</c> method or property P: whenever P holds, the target Q holds then or later on every fair
/// behavior (TLA+ <c>P ~&gt; Q</c>). Q takes the same parameters as P, or none.
/// </summary>
/// <param name="target">The name of Q: <c>[LeadsTo(nameof(Resolved))]</c>.</param>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Property, Inherited = false)]
public sealed class LeadsToAttribute(string target) : Attribute
{
    /// <summary>The name of the member that must follow.</summary>
    public string Target { get; } = target;
}
