using System;

namespace MergeQueue.Analyzers;

/// <summary>
/// On a <c>bool</c> method or property of a model: Holds in every reachable state; a reachable state where it is false is an error (SM0001).
/// A method with domain parameters is checked for every combination of values.
/// </summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Property, Inherited = false)]
public sealed class InvariantAttribute : Attribute
{
}
