using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Runtime.ExceptionServices;
using System.Threading;
using System.Threading.Tasks;

namespace MergeQueue.Analyzers.Engine;
/// <summary>The one-worker search: each state visited in number order, each successor found or added in one probe.</summary>
internal sealed partial class BreadthFirstSearch<TState>
{
    // The enabled steps of the state being visited, looked up once all are taken.
    private readonly int[] stepCandidates;
    private readonly TState[] stepStates;
    private readonly ulong[] stepKeys;
    private readonly int[] stepInstances;

    // Where the touched slots' words go, so that the reads are not optimized away.
    private ulong touchedSink;

    // What the checks of one step found, applied at once.
    private readonly List<ExpansionEvent> stepEvents = new();
    /// <summary>
    /// One worker: visits the states one at a time in number order, adding each new successor as it is found (one
    /// probe of the table finds it or gives the slot to add it at), with no buffering.
    /// </summary>
    private ExplorationBound RunDirect()
    {
        int next = 0;
        long transitions = 0;
        long nextLook = Stopwatch.GetTimestamp() + LimitCheckTicks;
        try
        {
            while (next < graph.Count && next < stopAt)
            {
                if (cancellation.IsCancellationRequested)
                {
                    return ExplorationBound.Cancelled;
                }

                if (LimitsNow(ref nextLook) is var bound && bound != ExplorationBound.None)
                {
                    return bound;
                }

                if ((next & (ClockCheckInterval - 1)) == 0)
                {
                    if (timeout is TimeSpan limit && clock.Elapsed > limit)
                    {
                        return ExplorationBound.Timeout;
                    }

                    // Fingerprint mode: the frontier's blocks are small, and each is let go once visited.
                    graph.ReleaseStatesBelow(next);
                    if ((next & (SequentialBatchSize - 1)) == 0 && next > 0)
                    {
                        if (OverMemory())
                        {
                            return ExplorationBound.MaxMemory;
                        }

                        if (progress is not null && clock.Elapsed - lastProgress >= ProgressInterval)
                        {
                            Transitions += transitions;
                            transitions = 0;
                            ReportProgress();
                        }
                    }
                }

                transitions += Visit(next);
                next++;
            }

            return Stopped(next);
        }
        finally
        {
            Transitions += transitions;
        }
    }

    /// <summary>Checks one state and adds its new successors; returns the number of enabled steps.</summary>
    private int Visit(int state)
    {
        TState current = graph.State(state);
        foreach (int property in invariants)
        {
            if (!propertyDone[property])
            {
                PredicateOutcome outcome = model.Evaluate(current, model.Properties[property].Predicate, budget);
                if (outcome.Failure is not null || !outcome.Value)
                {
                    Apply(state, new ExpansionEvent(0, ExpansionEventKind.Invariant, property, outcome.Failure));
                }
            }
        }

        foreach (int property in reachables)
        {
            if (!propertyDone[property])
            {
                PredicateOutcome outcome = model.Evaluate(current, model.Properties[property].Predicate, budget);
                if (outcome.Failure is not null || outcome.Value)
                {
                    Apply(state, new ExpansionEvent(0, ExpansionEventKind.Reachable, property, outcome.Failure));
                }
            }
        }

        // First every step, then every lookup: the table is far larger than the caches, and touching each
        // successor's slot before looking any up lets their memory misses overlap instead of queueing.
        int enabledSteps = 0;
        int excludedSteps = 0;
        bool checksSteps = constraints.Length > 0 || stepInvariants.Length > 0;
        ulong currentKey = stepInvariants.Length > 0 ? graph.KeyOf(current) : 0;
        int[] instances = InstancesToStep(current, stepCandidates, out int candidates);
        for (int candidate = 0; candidate < candidates; candidate++)
        {
            int instance = instances[candidate];
            StepOutcome<TState> outcome = model.Step(current, instance, budget);
            if (outcome.Kind == StepOutcomeKind.Enabled)
            {
                actionEnabled[actionOfInstance[instance]] = true;
                TState successor = outcome.Successor;
                if (graph.TryKeyOf(successor, out ulong key) is { } tooDeep)
                {
                    Apply(state, new ExpansionEvent(0, ExpansionEventKind.ActionFailed, instance, tooDeep));
                    continue;
                }

                if (checksSteps && !CheckStepNow(state, current, currentKey, successor, key, instance))
                {
                    // Outside the constraints: an enabled step (the state is not stuck) to a state not kept.
                    excludedSteps++;
                    continue;
                }

                stepStates[enabledSteps] = successor;
                stepKeys[enabledSteps] = key;
                stepInstances[enabledSteps++] = instance;
            }
            else if (outcome.Kind == StepOutcomeKind.Failed)
            {
                Apply(state, new ExpansionEvent(0, ExpansionEventKind.ActionFailed, instance, outcome.Failure));
            }
        }

        ulong touched = 0;
        for (int step = 0; step < enabledSteps; step++)
        {
            touched ^= graph.Touch(stepKeys[step]);
        }

        touchedSink = touched;
        graph.BeginSuccessors(state);
        int successorDepth = graph.Depth(state) + 1;
        for (int step = 0; step < enabledSteps; step++)
        {
            TState successor = stepStates[step];
            ulong key = stepKeys[step];
            int instance = stepInstances[step];
            int target = graph.FindOrSlot(successor, key, out int slot);
            if (target < 0)
            {
                if (successorDepth > maxDepth)
                {
                    Cut(ExplorationBound.MaxDepth);
                    continue;
                }

                if (graph.Count >= maxStates)
                {
                    Cut(ExplorationBound.MaxStates);
                    continue;
                }

                target = graph.AddAt(slot, successor, key, state, instance, successorDepth);
            }

            graph.AddEdge(target, instance);
        }

        if (enabledSteps + excludedSteps == 0 && checkStuck)
        {
            foreach (int property in terminals)
            {
                PredicateOutcome outcome = model.Evaluate(current, model.Properties[property].Predicate, budget);
                if (outcome.Failure is not null)
                {
                    Apply(state, new ExpansionEvent(0, ExpansionEventKind.TerminalFailed, property, outcome.Failure));
                }
                else if (outcome.Value)
                {
                    return 0;
                }
            }

            Apply(state, new ExpansionEvent(0, ExpansionEventKind.Stuck, -1, null));
        }

        return enabledSteps + excludedSteps;
    }

    /// <summary><see cref="CheckStep"/> for the state being visited, its findings applied at once.</summary>
    private bool CheckStepNow(int state, TState current, ulong currentKey, TState successor, ulong key, int instance)
    {
        bool keep = CheckStep(current, currentKey, successor, key, instance, stepEvents, 0);
        foreach (ExpansionEvent found in stepEvents)
        {
            Apply(state, found);
        }

        stepEvents.Clear();
        return keep;
    }
}
