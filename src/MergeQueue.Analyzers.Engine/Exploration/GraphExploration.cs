using System.Diagnostics;

namespace MergeQueue.Analyzers.Engine;

/// <summary>
/// The breadth-first search of <see cref="Explorer"/>, kept with every enabled step as an edge, for what walks the
/// graph afterwards (conformance testing drives an implementation along it). No property is reported: the search
/// goes past violations, since an implementation is tested against the model as it is.
/// </summary>
internal static class GraphExploration
{
    /// <summary>Explores <paramref name="model"/> within the bounds of <paramref name="options"/>, recording edges.</summary>
    /// <param name="model">The model.</param>
    /// <param name="options">Bounds and cancellation; <see cref="ExplorationOptions.ContinueAfterViolation"/> is set on it.</param>
    /// <param name="clock">The clock the time limit counts from.</param>
    /// <param name="stoppedBy">What cut the search short, or <see cref="ExplorationBound.None"/>.</param>
    /// <returns>The states in breadth-first order, with parents and edges.</returns>
    internal static StateGraph<TState> Explore<TState>(IModel<TState> model, ExplorationOptions options, Stopwatch clock, out ExplorationBound stoppedBy)
    {
        options.ContinueAfterViolation = true;
        options.Workers = 1;
        var budget = new StepBudget(options.MaxStepsPerExecution, options.CancellationToken);
        var graph = new StateGraph<TState>(model, fingerprintsOnly: false, recordEdges: true, budget);
        stoppedBy = new BreadthFirstSearch<TState>(model, options, graph, clock).Run();
        return graph;
    }
}
