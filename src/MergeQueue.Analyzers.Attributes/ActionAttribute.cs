using System;

namespace MergeQueue.Analyzers;

/// <summary>
/// One kind of step of the model. The method returns <c>void</c> or <c>bool</c>; it is enabled unless it
/// reaches <see cref="Spec.Require(bool, string?, int)"/> with <c>false</c> or returns <c>false</c>. Each parameter needs a
/// domain (<c>bool</c>, an enum, <see cref="RangeAttribute"/> or <see cref="ValuesAttribute"/>).
/// </summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class ActionAttribute : Attribute
{
    /// <summary>What the model promises about this action on infinite behaviors (TLA+ <c>WF_vars</c>/<c>SF_vars</c>).</summary>
    public Fairness Fairness { get; set; } = Fairness.Weak;

    /// <summary>
    /// Actions naming the same group are fair as one action (TLA+ <c>WF_vars(A \/ B)</c>): the promise of
    /// <see cref="Fairness"/> holds for the group, not for each action. Every action of a group declares the same
    /// <see cref="Fairness"/>. Null (the default): the action is fair on its own.
    /// </summary>
    public string? FairnessGroup { get; set; }
}
