using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;

namespace MergeQueue.Analyzers.Engine;

/// <summary>
/// Breadth-first exploration with every safety check in the same pass: invariants, stuck states, failures,
/// <c>[Reachable]</c> and never-enabled actions. Each violation is kept once, the first found, which breadth-first
/// order makes a shallowest one; the search goes on after it (like TLC's <c>-continue</c>).
/// </summary>
internal sealed class BreadthFirstSearch<TState>
{
    private const int ClockCheckInterval = 256;

    private readonly IModel<TState> model;
    private readonly StateGraph<TState> graph;
    private readonly ViolationBuilder<TState> violationBuilder;
    private readonly StepBudget budget;
    private readonly int maxStates;
    private readonly int maxDepth;
    private readonly TimeSpan? timeout;
    private readonly Stopwatch clock;
    private readonly CancellationToken cancellation;

    private readonly int[] invariants;
    private readonly int[] terminals;
    private readonly int[] reachables;
    private readonly int[] actionOfInstance;
    private readonly bool[] propertyDone;
    private readonly bool[] actionEnabled;
    private readonly HashSet<FailureKey> failuresSeen = new();
    private bool stuckFound;
    private ExplorationBound cut;

    internal BreadthFirstSearch(IModel<TState> model, ExplorationOptions options, StateGraph<TState> graph, Stopwatch clock)
    {
        this.model = model;
        this.graph = graph;
        this.clock = clock;
        budget = new StepBudget(options.MaxStepsPerExecution, options.CancellationToken);
        violationBuilder = new ViolationBuilder<TState>(model, graph, budget);
        maxStates = options.MaxStates > 0 ? options.MaxStates : int.MaxValue;
        maxDepth = options.MaxDepth > 0 ? options.MaxDepth : int.MaxValue;
        timeout = options.Timeout;
        cancellation = options.CancellationToken;

        invariants = PropertiesOfKind(PropertyKind.Invariant);
        terminals = PropertiesOfKind(PropertyKind.Terminal);
        reachables = PropertiesOfKind(PropertyKind.Reachable);
        propertyDone = new bool[model.Properties.Count];
        actionEnabled = new bool[model.Actions.Count];
        actionOfInstance = new int[model.ActionInstances.Count];
        for (int i = 0; i < actionOfInstance.Length; i++)
        {
            actionOfInstance[i] = model.ActionInstances[i].Action;
        }
    }

    /// <summary>Violations in the order found.</summary>
    internal List<Violation> Violations { get; } = new();

    /// <summary>Enabled action executions so far.</summary>
    internal long Transitions { get; private set; }

    /// <summary>True when some instance of <paramref name="action"/> was enabled in a visited state.</summary>
    internal bool WasEnabled(int action) => actionEnabled[action];

    /// <summary>True when <c>[Reachable]</c> property <paramref name="property"/> held in a visited state.</summary>
    internal bool WasReached(int property) => propertyDone[property];

    /// <summary>
    /// True the first time this failure of <paramref name="predicate"/> is seen, here or by a later stage, so that a
    /// failing statement is reported once however many properties share the predicate.
    /// </summary>
    internal bool IsNewPredicateFailure(int predicate, Failure failure) => failuresSeen.Add(new FailureKey(true, predicate, failure.Site));

    /// <summary>Explores until every reachable state is visited or a bound stops it; returns that bound.</summary>
    internal ExplorationBound Run()
    {
        try
        {
            if (!AddInitialState())
            {
                return ExplorationBound.None;
            }

            for (int state = 0; state < graph.Count; state++)
            {
                if (cancellation.IsCancellationRequested)
                {
                    return ExplorationBound.Cancelled;
                }

                if (timeout is TimeSpan limit && state % ClockCheckInterval == 0 && clock.Elapsed > limit)
                {
                    return ExplorationBound.Timeout;
                }

                Visit(state);
            }

            return cut;
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            // A model checks the token inside long executions and may throw; that is a cancellation, not a failure.
            return ExplorationBound.Cancelled;
        }
    }

    private bool AddInitialState()
    {
        StepOutcome<TState> initial = model.CreateInitialState(budget);
        switch (initial.Kind)
        {
            case StepOutcomeKind.Enabled:
                graph.Add(initial.Successor, -1, -1, 0);
                return true;
            case StepOutcomeKind.Failed:
                Violations.Add(violationBuilder.InitialStateFailed(initial.Failure!));
                return false;
            default:
                var requireFailed = new Failure(
                    FailureKind.Exception, "a Require is false: " + (initial.Reason?.Text ?? "disabled"), initial.Reason?.Site);
                Violations.Add(violationBuilder.InitialStateFailed(requireFailed));
                return false;
        }
    }

    private void Visit(int state)
    {
        TState current = graph.State(state);
        CheckInvariants(state, current);
        CheckReachables(state, current);

        int successorDepth = graph.Depth(state) + 1;
        bool anyEnabled = false;
        graph.BeginSuccessors(state);
        for (int instance = 0; instance < actionOfInstance.Length; instance++)
        {
            StepOutcome<TState> outcome = model.Step(current, instance, budget);
            if (outcome.Kind == StepOutcomeKind.Enabled)
            {
                anyEnabled = true;
                Transitions++;
                actionEnabled[actionOfInstance[instance]] = true;
                int target = FindOrAdd(outcome.Successor, state, instance, successorDepth);
                if (target >= 0)
                {
                    graph.AddEdge(target, instance);
                }
            }
            else if (outcome.Kind == StepOutcomeKind.Failed
                && failuresSeen.Add(new FailureKey(false, actionOfInstance[instance], outcome.Failure!.Site)))
            {
                Violations.Add(violationBuilder.ActionFailed(state, instance, outcome.Failure));
            }
        }

        if (!anyEnabled && !AnyTerminalHolds(state, current) && !stuckFound)
        {
            stuckFound = true;
            Violations.Add(violationBuilder.Stuck(state, terminals.Length > 0));
        }
    }

    /// <summary>The successor's number, adding it if new and within the bounds; -1 when a bound kept it out.</summary>
    private int FindOrAdd(TState successor, int parent, int instance, int depth)
    {
        if (graph.TryFind(successor, out int known))
        {
            return known;
        }

        if (depth > maxDepth)
        {
            Cut(ExplorationBound.MaxDepth);
            return -1;
        }

        if (graph.Count >= maxStates)
        {
            Cut(ExplorationBound.MaxStates);
            return -1;
        }

        return graph.Add(successor, parent, instance, depth);
    }

    private void Cut(ExplorationBound bound)
    {
        if (cut == ExplorationBound.None)
        {
            cut = bound;
        }
    }

    private void CheckInvariants(int state, TState current)
    {
        foreach (int property in invariants)
        {
            if (!propertyDone[property] && Evaluate(state, current, property) == false)
            {
                propertyDone[property] = true;
                Violations.Add(violationBuilder.InvariantViolated(property, state));
            }
        }
    }

    private void CheckReachables(int state, TState current)
    {
        foreach (int property in reachables)
        {
            if (!propertyDone[property] && Evaluate(state, current, property) == true)
            {
                propertyDone[property] = true;
            }
        }
    }

    private bool AnyTerminalHolds(int state, TState current)
    {
        foreach (int property in terminals)
        {
            if (Evaluate(state, current, property) == true)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The property's predicate in this state, or null when it failed (reported once per failure site).</summary>
    private bool? Evaluate(int state, TState current, int property)
    {
        int predicate = model.Properties[property].Predicate;
        PredicateOutcome outcome = model.Evaluate(current, predicate, budget);
        if (outcome.Failure is not Failure failure)
        {
            return outcome.Value;
        }

        if (failuresSeen.Add(new FailureKey(true, predicate, failure.Site)))
        {
            Violations.Add(violationBuilder.PredicateFailed(state, property, failure));
        }

        return null;
    }

    private int[] PropertiesOfKind(PropertyKind kind)
    {
        var found = new List<int>();
        for (int i = 0; i < model.Properties.Count; i++)
        {
            if (model.Properties[i].Kind == kind)
            {
                found.Add(i);
            }
        }

        return found.ToArray();
    }

    /// <summary>One failure is reported once per (action or predicate, failing statement).</summary>
    private readonly record struct FailureKey(bool InPredicate, int Index, object? Site);
}
