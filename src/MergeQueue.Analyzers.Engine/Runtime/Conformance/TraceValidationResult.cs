using System.Collections.Generic;

namespace MergeQueue.Analyzers;

/// <summary>What <c>ValidateTrace</c> found: whether a recorded run is a behavior of the model, and if not, where it leaves it.</summary>
public sealed class TraceValidationResult
{
    internal TraceValidationResult(int failedAt, string report, IReadOnlyList<string> violations, int behaviors)
    {
        FailedAt = failedAt;
        Report = report;
        Violations = violations;
        Behaviors = behaviors;
    }

    /// <summary>True when every step could be taken, in order, from an initial state.</summary>
    public bool Passed => FailedAt < 0;

    /// <summary>The index (from 0) of the first step no behavior of the model can take after the ones before it; -1 when it passed.</summary>
    public int FailedAt { get; }

    /// <summary>
    /// The model's own violations met on the way, one line each: an invariant false in a state the steps reach, a step
    /// invariant false on one of them, a step that throws in the model, a last state that is stuck. Empty when the steps
    /// meet none (a counterexample the checker reported has at least one until the model is fixed).
    /// </summary>
    public IReadOnlyList<string> Violations { get; }

    /// <summary>
    /// How many distinct model states the steps taken may have led to (more than one when the log leaves arguments out
    /// or the model has several initial states); 0 when a step could not be taken.
    /// </summary>
    public int Behaviors { get; }

    /// <summary>
    /// A summary line; when it failed, the steps taken as a trace in the diagnostics' form, then the step that cannot be
    /// taken and why (the <c>Require</c> that is false, with its line); then the violations.
    /// </summary>
    public string Report { get; }

    /// <inheritdoc/>
    public override string ToString() => Report;
}
