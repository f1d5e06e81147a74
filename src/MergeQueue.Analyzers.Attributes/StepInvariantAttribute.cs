using System;

namespace MergeQueue.Analyzers;

/// <summary>
/// On a <c>bool</c> method of a model taking the state before a step (<c>bool NeverUnmerges(Queue before)</c>;
/// <c>this</c> is the state after it): holds for every step that changes the state (TLA+ <c>[][A]_vars</c>).
/// A step where it is false is an error (SM0008) whose trace ends with that step.
/// </summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class StepInvariantAttribute : Attribute
{
}
