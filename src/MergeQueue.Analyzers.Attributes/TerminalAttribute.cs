using System;

namespace MergeQueue.Analyzers;

/// <summary>
/// On a <c>bool</c> method or property of a model: Marks states in which it is fine that no action is enabled; any other state with no enabled action is stuck (SM0002).
/// A method with domain parameters is checked for every combination of values.
/// </summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Property, Inherited = false)]
public sealed class TerminalAttribute : Attribute
{
}
