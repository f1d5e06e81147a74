using System;

namespace MergeQueue.Analyzers;

/// <summary>
/// On a <c>bool</c> method or property of a model: a state where it is false is checked against the invariants but
/// is not counted, stored or explored further, and a state whose successors all fall outside is not stuck
/// (TLC's <c>CONSTRAINT</c>).
/// </summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Property, Inherited = false)]
public sealed class ConstraintAttribute : Attribute
{
}
