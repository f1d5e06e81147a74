using System;
using System.Threading;

namespace MergeQueue.Analyzers;

/// <summary>Bounds and choices of a generated model's <c>CheckConformance</c>.</summary>
public sealed class ConformanceOptions
{
    /// <summary>The most states of the model to explore; 0 (the default) for the engine's default bound.</summary>
    public int MaxStates { get; set; }

    /// <summary>The deepest breadth-first level of the model to explore, so the longest path driven; 0 for no limit.</summary>
    public int MaxDepth { get; set; }

    /// <summary>The most transitions of the explored graph to drive the implementation through; 0 for all of them.</summary>
    public int MaxTransitions { get; set; }

    /// <summary>Wall-clock time the exploration and the driving may take together; null for no limit.</summary>
    public TimeSpan? Timeout { get; set; }

    /// <summary>
    /// Also check, in every explored state, that the implementation refuses (throws on) each step the model does not
    /// allow there. False by default: a step the model does not take is then not tried.
    /// </summary>
    public bool CheckRefusals { get; set; }

    /// <summary>Stops the check; the result is then partial.</summary>
    public CancellationToken CancellationToken { get; set; }
}
