using System;

namespace MergeQueue.Analyzers;

/// <summary>
/// On a <c>bool</c> method or property of a model: Holds infinitely often on every fair behavior (TLA+ <c>[]&lt;&gt;P</c>); checked by SM0003.
/// A method with domain parameters is checked for every combination of values.
/// </summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Property, Inherited = false)]
public sealed class AlwaysEventuallyAttribute : Attribute
{
}
