using System;

namespace MergeQueue.Analyzers;

/// <summary>
/// On a <c>bool</c> method or property of a model: Some reachable state satisfies it; guards against a vacuous model (SM0007).
/// A method with domain parameters is checked for every combination of values.
/// </summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Property, Inherited = false)]
public sealed class ReachableAttribute : Attribute
{
}
