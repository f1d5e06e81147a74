using System.Collections.Generic;

namespace MergeQueue.Analyzers;

/// <summary>One property that fails, with its shortest counterexample.</summary>
public sealed class Violation
{
    internal Violation(ViolationKind kind, string summary, Trace? trace, object? site, int property)
    {
        Kind = kind;
        Summary = summary;
        Trace = trace;
        Site = site;
        Property = property;
        Message = trace is null ? summary : summary + "\n" + trace.Format();
        StepSites = CollectStepSites(trace);
    }

    /// <summary>What failed.</summary>
    public ViolationKind Kind { get; }

    /// <summary>One line: <c>Invariant 'MergedInOrder' is violated after 4 steps</c>.</summary>
    public string Summary { get; }

    /// <summary>The counterexample; null for <see cref="ViolationKind.NeverReached"/>, which has none.</summary>
    public Trace? Trace { get; }

    /// <summary>
    /// Where to report it (opaque to the engine): the property's site for an invariant or <c>[Reachable]</c>,
    /// the failing statement for <see cref="ViolationKind.ExecutionFailed"/>, null for
    /// <see cref="ViolationKind.Stuck"/> (the model as a whole).
    /// </summary>
    public object? Site { get; }

    /// <summary>The index of the property in the model's properties, or -1 when no property is involved.</summary>
    public int Property { get; }

    /// <summary>The summary, then the trace text on the following lines.</summary>
    public string Message { get; }

    /// <summary>The declaration site of each step's action after the initial state, in order: additional locations.</summary>
    public IReadOnlyList<object?> StepSites { get; }

    private static IReadOnlyList<object?> CollectStepSites(Trace? trace)
    {
        if (trace is null || trace.Steps.Count <= 1)
        {
            return System.Array.Empty<object?>();
        }

        var sites = new object?[trace.Steps.Count - 1];
        for (int i = 1; i < trace.Steps.Count; i++)
        {
            sites[i - 1] = trace.Steps[i].ActionSite;
        }

        return sites;
    }
}
