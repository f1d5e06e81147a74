using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using MergeQueue.Analyzers.Engine.Cluster;

namespace MergeQueue.Analyzers.Engine;

/// <summary>Explores a model's reachable states and checks its properties; the one entry point of the engine.</summary>
public static class Explorer
{
    /// <summary>
    /// Explores <paramref name="model"/> breadth-first from its initial states, with action instances in the
    /// model's order, and checks every invariant, step invariant, stuck state, failure, <c>[Reachable]</c> property
    /// and never-enabled action in one pass, within the model's <c>[Constraint]</c> members. Unless
    /// <see cref="ExplorationOptions.ContinueAfterViolation"/> is set, it stops at the end of the breadth-first level
    /// where the first violation was found. Then, when every reachable state was explored, it checks the
    /// <c>[Eventually]</c>, <c>[AlwaysEventually]</c> and <c>[LeadsTo]</c> properties on the fair behaviors of
    /// the explored graph (not when a constraint kept some state out). Every violation is reported once with a
    /// shortest trace; the result is the same on every run, except <see cref="ExplorationResult.Elapsed"/>.
    /// </summary>
    /// <typeparam name="TState">The model's state type.</typeparam>
    /// <param name="model">The model to explore.</param>
    /// <param name="options">Bounds and cancellation; the defaults when null.</param>
    /// <returns>The violations, warnings and statistics. Cancellation returns a partial result, never throws.</returns>
    public static ExplorationResult Explore<TState>(IModel<TState> model, ExplorationOptions? options = null)
    {
        if (model is null)
        {
            throw new ArgumentNullException(nameof(model));
        }

        options ??= new ExplorationOptions();
        if (options.Cluster is not null)
        {
            // A synchronous caller waits for the cluster; ExploreAsync is the way not to block a thread.
            return ClusterSearch.RunAsync(model, options).GetAwaiter().GetResult();
        }

        var clock = Stopwatch.StartNew();

        // The liveness search walks the enabled steps, so they are kept only when it will run.
        bool hasLiveness = HasLivenessProperty(model);
        var budget = new StepBudget(options.MaxStepsPerExecution, options.CancellationToken);
        string? filesIn = options.FingerprintsOnly ? options.TemporaryDirectory ?? TemporaryFiles.DefaultDirectory : null;
        using var graph = new StateGraph<TState>(model, options.FingerprintsOnly, recordEdges: hasLiveness, budget, Math.Max(1, options.Workers), findNumbers: options.GraphStates > 0, filesIn);
        ExplorationBound stoppedBy;
        BreadthFirstSearch<TState> search;
        using (var deadline = Deadline(options))
        {
            search = new BreadthFirstSearch<TState>(model, options, graph, clock, deadline?.Token ?? default);
            stoppedBy = search.Run();
        }

        StateGraph<TState>? livenessGraph = hasLiveness && stoppedBy == ExplorationBound.None && graph.Count > 0 ? graph : null;
        bool[]? cut = search.ConstraintExcluded ? search.CutStates() : null;
        long states = graph.Count;
        int depth = states == 0 ? 0 : graph.Depth(graph.Count - 1);

        // Fingerprint mode: the liveness search needs the table's memory more than anything needs the table.
        graph.ReleaseTable();

        // After the clock: the statistics time the exploration, as the analyzer's do.
        ExploredGraph? Capture() => options.GraphStates > 0 && graph.Count > 0
            ? GraphCapture.Capture(model, graph, options.GraphStates, options.MaxStepsPerExecution)
            : null;
        return Conclude(model, options, clock, budget, search, stoppedBy, states, depth, livenessGraph, cut, Capture, graph.FingerprintsOnly);
    }

    /// <summary>
    /// What follows the breadth-first search, on one machine or a cluster: the liveness search on the explored graph
    /// (<paramref name="livenessGraph"/>, null when it is not to run), the properties never reached, the actions never
    /// enabled, the bound message (<paramref name="boundMessage"/> when the caller has its own, as a cluster's fault)
    /// and the statistics.
    /// </summary>
    internal static ExplorationResult Conclude<TState>(
        IModel<TState> model,
        ExplorationOptions options,
        Stopwatch clock,
        StepBudget budget,
        BreadthFirstSearch<TState> search,
        ExplorationBound stoppedBy,
        long states,
        int depth,
        StateGraph<TState>? livenessGraph,
        bool[]? cut,
        Func<ExploredGraph?> capture,
        bool fingerprintsOnly,
        string? boundMessage = null)
    {
        bool hasLiveness = HasLivenessProperty(model);
        bool allExplored = stoppedBy == ExplorationBound.None;
        var violations = new List<Violation>(search.Violations);

        // A fair cycle in a partial graph may be cut short by the bound, and an absence proves nothing: liveness
        // runs on a complete graph only. If the time limit or the token stops it, the result is partial too. A
        // constraint that kept a state out cuts behaviors the same way: a counterexample is then looked for away from
        // the states it cut, so one found is real, but one not found proves nothing (TLC passes such a property).
        bool livenessStopped = false;
        var notClaimed = new List<string>();
        if (livenessGraph is not null)
        {
            var builder = new ViolationBuilder<TState>(model, livenessGraph, budget);
            var deadline = new SearchDeadline(options.Timeout, clock, options.CancellationToken);
            var liveness = new LivenessChecker<TState>(model, livenessGraph, builder, budget, deadline, search.IsNewPredicateFailure, cut);
            try
            {
                stoppedBy = liveness.Run();
            }
            catch (OutOfMemoryException)
            {
                // The liveness search's graph did not fit: no liveness verdict, as when a bound stops it.
                stoppedBy = ExplorationBound.MaxMemory;
            }

            livenessStopped = stoppedBy != ExplorationBound.None;
            violations.AddRange(liveness.Violations);
            if (cut is not null && !livenessStopped)
            {
                notClaimed.AddRange(Unclaimed(model, liveness.Violations));
                if (notClaimed.Count > 0)
                {
                    stoppedBy = ExplorationBound.Constraint;
                }
            }
        }

        bool livenessRefused = notClaimed.Count > 0;

        bool complete = stoppedBy == ExplorationBound.None;
        var neverEnabled = new List<int>();
        var neverEnabledMessages = new List<string>();
        var notReachedYet = new List<string>();

        // Whether a property or action is seen only in some reachable state is known only when all were seen.
        if (states > 0)
        {
            for (int property = 0; property < model.Properties.Count; property++)
            {
                if (model.Properties[property].Kind == PropertyKind.Reachable && !search.WasReached(property))
                {
                    // Every state was seen even when the liveness search was stopped afterwards.
                    if (allExplored)
                    {
                        violations.Add(search.Builder.NeverReached(property, states));
                    }
                    else
                    {
                        notReachedYet.Add(ReportText.NotReachedYet(model.Predicates[model.Properties[property].Predicate].Display));
                    }
                }
            }

            for (int action = 0; (complete || livenessRefused) && action < model.Actions.Count; action++)
            {
                if (!search.WasEnabled(action))
                {
                    neverEnabled.Add(action);
                    neverEnabledMessages.Add(ReportText.NeverEnabled(model.Actions[action].Name, states));
                }
            }
        }

        // Stopping at the first violation is no bound: the violations say what to fix, and nothing is claimed past them.
        boundMessage ??= complete || stoppedBy == ExplorationBound.SafetyViolation ? null
            : livenessRefused ? ReportText.LivenessNotCheckedUnderConstraint(model.Name, states, depth, notClaimed)
            : livenessStopped ? ReportText.LivenessStopped(model.Name, stoppedBy, options, states, depth)
            : ReportText.Bound(model.Name, stoppedBy, options, states, depth);
        if (boundMessage is not null && notReachedYet.Count > 0)
        {
            boundMessage += "; " + string.Join("; ", notReachedYet);
        }

        if (boundMessage is not null && hasLiveness && !livenessStopped && !livenessRefused)
        {
            boundMessage += "; " + ReportText.LivenessNotChecked;
        }

        TimeSpan elapsed = clock.Elapsed;
        ExploredGraph? explored = capture();
        double? collisionProbability = fingerprintsOnly ? CollisionProbability(states) : null;
        string statistics = ReportText.Statistics(model.Name, states, search.Transitions, depth, elapsed)
            + (collisionProbability is double probability ? ReportText.FingerprintCollision(probability) : "");
        return new ExplorationResult(
            violations,
            states,
            search.Transitions,
            depth,
            stoppedBy,
            neverEnabled,
            elapsed,
            boundMessage,
            neverEnabledMessages,
            statistics,
            collisionProbability,
            explored);
    }

    /// <summary>
    /// <see cref="Explore{TState}"/>, awaitable: on a thread of the pool, or on <see cref="ExplorationOptions.Cluster"/>
    /// when one is set, with the same result but for times.
    /// </summary>
    /// <typeparam name="TState">The model's state type.</typeparam>
    /// <param name="model">The model to explore.</param>
    /// <param name="options">Bounds, cancellation and the cluster; the defaults when null.</param>
    /// <returns>The violations, warnings and statistics.</returns>
    public static Task<ExplorationResult> ExploreAsync<TState>(IModel<TState> model, ExplorationOptions? options = null)
    {
        if (model is null)
        {
            throw new ArgumentNullException(nameof(model));
        }

        options ??= new ExplorationOptions();
        return options.Cluster is null ? Task.Run(() => Explore(model, options)) : ClusterSearch.RunAsync(model, options);
    }

    /// <summary>A token cancelled when the time limit passes or the caller cancels; null without a time limit.</summary>
    private static CancellationTokenSource? Deadline(ExplorationOptions options)
    {
        if (options.Timeout is not TimeSpan limit || limit <= TimeSpan.Zero)
        {
            return null;
        }

        var source = CancellationTokenSource.CreateLinkedTokenSource(options.CancellationToken);
        if (limit.TotalMilliseconds < int.MaxValue)
        {
            source.CancelAfter(limit);
        }

        return source;
    }

    /// <summary>The chance that some two of <paramref name="states"/> distinct states share a 64-bit fingerprint: n²/2⁶⁵.</summary>
    private static double CollisionProbability(long states) => Math.Min(1.0, (double)states * states / 36893488147419103232.0);

    /// <summary>How messages name the liveness properties no violation was reported for.</summary>
    private static IEnumerable<string> Unclaimed<TState>(IModel<TState> model, List<Violation> found)
    {
        var reported = new HashSet<int>();
        foreach (Violation violation in found)
        {
            reported.Add(violation.Property);
        }

        for (int property = 0; property < model.Properties.Count; property++)
        {
            PropertyInstance instance = model.Properties[property];
            if (instance.Kind is PropertyKind.Eventually or PropertyKind.AlwaysEventually or PropertyKind.LeadsTo && !reported.Contains(property))
            {
                yield return ReportText.Property(instance.Kind, model.Predicates[instance.Predicate].Display);
            }
        }
    }

    /// <summary>True when the model has an <c>[Eventually]</c>, <c>[AlwaysEventually]</c> or <c>[LeadsTo]</c> property.</summary>
    internal static bool HasLivenessProperty<TState>(IModel<TState> model)
    {
        foreach (PropertyInstance property in model.Properties)
        {
            if (property.Kind is PropertyKind.Eventually or PropertyKind.AlwaysEventually or PropertyKind.LeadsTo)
            {
                return true;
            }
        }

        return false;
    }
}
