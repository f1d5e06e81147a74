using System;
using System.Collections.Generic;

namespace MergeQueue.Analyzers.Engine;

/// <summary>
/// What TLC's configuration adds to the plain search: several initial states, <c>CONSTRAINT</c>, action properties
/// (<c>[StepInvariant]</c>) and stopping after the level of the first violation unless told <c>-continue</c>.
/// </summary>
internal sealed partial class BreadthFirstSearch<TState>
{
    // By default, the first state not to visit: the end of the level whose visit found the first violation.
    private int stopAt = int.MaxValue;

    // A violation found while the initial states were built belongs to level 0.
    private bool initialViolation;

    // The states with a successor outside the constraints.
    private readonly HashSet<int> cutStates = new();

    /// <summary>True when a <c>[Constraint]</c> kept some initial state or successor out of the graph.</summary>
    internal bool ConstraintExcluded { get; private set; }

    /// <summary>
    /// Per state of the graph: some step from it leads outside the constraints. A behavior there may leave the
    /// explored graph, so the liveness search does not end a counterexample in such a state.
    /// </summary>
    internal bool[] CutStates()
    {
        var cut = new bool[graph.Count];
        foreach (int state in cutStates)
        {
            cut[state] = true;
        }

        return cut;
    }

    /// <summary>
    /// Builds every initial state (TLA+ <c>Init</c>), adding each distinct one within the constraints at depth 0, and
    /// reports the combinations that fail. False when there is no state to explore. A cluster's coordinator calls it
    /// alone, then sends the states to their shards.
    /// </summary>
    internal bool AddInitialStates()
    {
        DisabledReason? dropped = null;
        int failed = 0;
        StepOutcome<TState>[]? built = BuildInitialStatesOnWorkers();
        for (int initial = 0; initial < model.InitialInstances.Count; initial++)
        {
            StepOutcome<TState> outcome = built is null ? model.CreateInitialState(initial, budget) : built[initial];
            switch (outcome.Kind)
            {
                case StepOutcomeKind.Enabled:
                    TState state = outcome.Successor;
                    if (graph.TryKeyOf(state, out ulong key) is { } tooDeep)
                    {
                        failed++;
                        Report(violationBuilder.InitialStateFailed(tooDeep, initial), -1);
                        break;
                    }

                    if (graph.Find(state, key) >= 0)
                    {
                        // Equal initial states count once; the first combination names it.
                        break;
                    }

                    if (constraints.Length > 0 && !WithinConstraints(state, -1, TracePoint.Initial(initial), null))
                    {
                        break;
                    }

                    graph.Add(state, key, -1, initial, 0);
                    break;
                case StepOutcomeKind.Failed:
                    failed++;
                    Report(violationBuilder.InitialStateFailed(outcome.Failure!, initial), -1);
                    break;
                default:
                    // Require(false) in the constructor: this combination is not an initial state.
                    dropped = outcome.Reason;
                    break;
            }
        }

        if (graph.Count == 0 && failed == 0 && dropped is not null)
        {
            Report(violationBuilder.NoInitialState(dropped), -1);
        }

        if (initialViolation)
        {
            stopAt = graph.Count;
        }

        return graph.Count > 0;
    }

    /// <summary>
    /// Adds a violation. By default the search then stops at the end of the level being visited: the level of
    /// <paramref name="visited"/> (-1 while the initial states are built).
    /// </summary>
    private void Report(Violation violation, int visited)
    {
        Violations.Add(violation);
        if (!stopAtViolation || stopAt != int.MaxValue)
        {
            return;
        }

        if (visited < 0)
        {
            initialViolation = true;
        }
        else
        {
            stopAt = graph.LevelEnd(graph.Depth(visited));
        }
    }

    /// <summary>What stopped a search that visited every state below <paramref name="next"/>.</summary>
    private ExplorationBound Stopped(int next) =>
        cut != ExplorationBound.None ? cut
        : next < graph.Count ? ExplorationBound.SafetyViolation
        : ExplorationBound.None;

    /// <summary>
    /// The end of the next batch of at most <paramref name="size"/> states from <paramref name="next"/>. When the search
    /// stops at a violation a batch keeps to one level, so that it stops after the same states whatever the workers.
    /// </summary>
    private int BatchEnd(int next, int size)
    {
        int end = Math.Min(Math.Min(graph.Count, next + size), stopAt);
        return stopAtViolation ? Math.Min(end, graph.LevelEnd(graph.Depth(next))) : end;
    }

    /// <summary>
    /// The checks of one enabled step that the constraints and step invariants ask for, recorded in
    /// <paramref name="events"/> at <paramref name="local"/>: every step invariant on a step that changes the state,
    /// then, for a successor the graph does not hold, every constraint. False when the successor is outside the
    /// constraints: it was checked against the invariants here and is not to be added (TLC's <c>CONSTRAINT</c>).
    /// </summary>
    private bool CheckStep(TState current, ulong currentKey, TState successor, ulong key, int instance, List<ExpansionEvent> events, int local)
    {
        if (stepInvariants.Length > 0 && (key != currentKey || !model.StateComparer.Equals(current, successor)))
        {
            foreach (int property in stepInvariants)
            {
                if (!propertyDone[property])
                {
                    PredicateOutcome outcome = model.EvaluateStep(current, successor, model.Properties[property].Predicate, budget);
                    if (outcome.Failure is not null || !outcome.Value)
                    {
                        events.Add(new ExpansionEvent(local, ExpansionEventKind.StepInvariant, property, outcome.Failure, instance));
                    }
                }
            }
        }

        if (constraints.Length == 0 || graph.Find(successor, key) >= 0 || WithinConstraints(successor, local, default, events, instance))
        {
            return true;
        }

        events.Add(new ExpansionEvent(local, ExpansionEventKind.Excluded, -1, null, instance));
        return false;
    }

    /// <summary>
    /// Whether <paramref name="state"/> is within every constraint. One that is not (or whose constraint fails) is
    /// checked against the invariants: at once for an initial state (<paramref name="events"/> null, reported at
    /// <paramref name="initial"/>), else recorded as events of the step <paramref name="instance"/>.
    /// </summary>
    private bool WithinConstraints(TState state, int local, TracePoint initial, List<ExpansionEvent>? events, int instance = -1)
    {
        bool within = true;
        foreach (int property in constraints)
        {
            PredicateOutcome outcome = model.Evaluate(state, model.Properties[property].Predicate, budget);
            if (outcome.Failure is Failure failure)
            {
                // Undecided: reported, and kept out like a state outside.
                Record(events, local, ExpansionEventKind.ConstraintFailed, property, failure, instance, initial);
                within = false;
                break;
            }

            if (!outcome.Value)
            {
                within = false;
                break;
            }
        }

        if (within)
        {
            return true;
        }

        ConstraintExcluded = true;
        foreach (int property in invariants)
        {
            if (!propertyDone[property])
            {
                PredicateOutcome outcome = model.Evaluate(state, model.Properties[property].Predicate, budget);
                if (outcome.Failure is not null || !outcome.Value)
                {
                    Record(events, local, ExpansionEventKind.Invariant, property, outcome.Failure, instance, initial);
                }
            }
        }

        return false;
    }

    private void Record(List<ExpansionEvent>? events, int local, ExpansionEventKind kind, int property, Failure? failure, int instance, TracePoint initial)
    {
        if (events is not null)
        {
            events.Add(new ExpansionEvent(local, kind, property, failure, instance));
            return;
        }

        // An initial state outside the constraints: nothing was explored yet, so it is reported at once.
        if (failure is not null)
        {
            ReportPredicateFailure(initial, property, failure);
        }
        else if (kind == ExpansionEventKind.Invariant && !propertyDone[property])
        {
            propertyDone[property] = true;
            Report(violationBuilder.InvariantViolated(property, initial), -1);
        }
    }
}
