using System.Collections.Generic;

namespace MergeQueue.Analyzers.Engine;

/// <summary>
/// A liveness counterexample as state numbers: a path from the initial state that either ends in a state the
/// behavior stays in forever, or ends by returning to an earlier state of the path (the cycle repeats forever).
/// </summary>
internal sealed class Lasso
{
    internal Lasso(List<int> states, List<int> instances, int triggerStep, int? loopsBackTo)
    {
        States = states;
        Instances = instances;
        TriggerStep = triggerStep;
        LoopsBackTo = loopsBackTo;
    }

    /// <summary>The states in order; with a cycle, the last one is the state of step <see cref="LoopsBackTo"/> again.</summary>
    internal List<int> States { get; }

    /// <summary>The action instance taken into each state; -1 for the initial state.</summary>
    internal List<int> Instances { get; }

    /// <summary>
    /// The step from which the property's condition is broken for good: where P ∧ ¬Q holds for a leads-to, where
    /// the target starts to be false forever for an always-eventually, 0 for an eventually.
    /// </summary>
    internal int TriggerStep { get; }

    /// <summary>The step the cycle returns to, or null when the behavior stays in the last state forever.</summary>
    internal int? LoopsBackTo { get; }

    /// <summary>The number of the last step.</summary>
    internal int LastStep => States.Count - 1;
}
