using System;

namespace MergeQueue.Analyzers;

/// <summary>What <c>CheckConformance</c> found: whether the implementation did what the model does, step by step.</summary>
public sealed class ConformanceResult
{
    internal ConformanceResult(bool complete, long distinctStates, long transitions, long transitionsCovered, long stepsDriven, Trace? divergence, string report, TimeSpan elapsed)
    {
        Complete = complete;
        DistinctStates = distinctStates;
        Transitions = transitions;
        TransitionsCovered = transitionsCovered;
        StepsDriven = stepsDriven;
        Divergence = divergence;
        Report = report;
        Elapsed = elapsed;
    }

    /// <summary>True when no divergence was found and every transition of the whole model was driven.</summary>
    public bool Passed => Divergence is null && Complete;

    /// <summary>True when the model was explored completely and every transition driven (no bound or cancellation cut it).</summary>
    public bool Complete { get; }

    /// <summary>The model states explored.</summary>
    public long DistinctStates { get; }

    /// <summary>The transitions of the explored graph (enabled steps, steps back to the same state included).</summary>
    public long Transitions { get; }

    /// <summary>The transitions the implementation took and matched the model on.</summary>
    public long TransitionsCovered { get; }

    /// <summary>The driver calls made, over all paths.</summary>
    public long StepsDriven { get; }

    /// <summary>
    /// The shortest diverging path found: from the initial state, the model's steps in the diagnostics' trace form,
    /// ending with what diverged (a refused step with its exception, a step the model refuses that the implementation
    /// took, or a state that does not match, with the model's state beside it). Null when none was found.
    /// </summary>
    public Trace? Divergence { get; }

    /// <summary>A summary line, the divergence's trace if any, and the statistics.</summary>
    public string Report { get; }

    /// <summary>Wall-clock time of the exploration and the driving.</summary>
    public TimeSpan Elapsed { get; }

    /// <inheritdoc/>
    public override string ToString() => Report;
}
