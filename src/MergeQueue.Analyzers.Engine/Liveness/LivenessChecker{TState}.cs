using System;
using System.Collections.Generic;

namespace MergeQueue.Analyzers.Engine;

/// <summary>
/// Checks every <c>[Eventually]</c>, <c>[AlwaysEventually]</c> and <c>[LeadsTo]</c> property instance on the fully
/// explored graph, as TLC decides them: a property fails when some fair behavior breaks it, and every such behavior
/// ends either in a fair set of states it cycles through forever or in a state where no fair action is enabled
/// (it stutters there forever). Each failing instance is reported once, with the counterexample whose prefix is
/// shortest.
/// </summary>
internal sealed class LivenessChecker<TState>
{
    private readonly IModel<TState> model;
    private readonly StateGraph<TState> graph;
    private readonly ViolationBuilder<TState> violations;
    private readonly StepBudget budget;
    private readonly SearchDeadline deadline;
    private readonly Func<int, Failure, bool> isNewPredicateFailure;
    private readonly bool[]? cut;

    // Each predicate is evaluated once per state, whichever properties share it; null when it failed somewhere.
    private readonly Dictionary<int, StateSet?> values = new();

    private LivenessGraph liveness = null!;

    // Kept from one property to the next, but dropped while a counterexample is searched for: each of the searches
    // holds arrays over every state, and only one is held at a time.
    private FairCycleSearch? fairCycles;

    /// <param name="model">The model.</param>
    /// <param name="graph">The explored graph with its steps recorded; every reachable state in it.</param>
    /// <param name="violations">Builds the reports.</param>
    /// <param name="budget">For predicate evaluations.</param>
    /// <param name="deadline">The exploration's time limit and cancellation.</param>
    /// <param name="isNewPredicateFailure">
    /// True the first time a failure of predicate (index, failure) is seen, so that a predicate the breadth-first
    /// search already saw fail (as a <c>[Terminal]</c>, say) is not reported twice.
    /// </param>
    /// <param name="cut">The states with a step outside the <c>[Constraint]</c> members (see <see cref="LivenessRegion"/>), or null.</param>
    internal LivenessChecker(
        IModel<TState> model,
        StateGraph<TState> graph,
        ViolationBuilder<TState> violations,
        StepBudget budget,
        SearchDeadline deadline,
        Func<int, Failure, bool> isNewPredicateFailure,
        bool[]? cut = null)
    {
        this.cut = cut;
        this.model = model;
        this.graph = graph;
        this.violations = violations;
        this.budget = budget;
        this.deadline = deadline;
        this.isNewPredicateFailure = isNewPredicateFailure;
    }

    /// <summary>Liveness violations and failed predicate evaluations, in property order.</summary>
    internal List<Violation> Violations { get; } = new();

    /// <summary>Checks every liveness property; returns the bound that stopped it, or <see cref="ExplorationBound.None"/>.</summary>
    internal ExplorationBound Run()
    {
        try
        {
            deadline.Check();
            using (liveness = LivenessGraph.Build(model, graph))
            {
                CheckEach();
            }

            return ExplorationBound.None;
        }
        catch (SearchStoppedException stopped)
        {
            return stopped.Bound;
        }
        catch (OperationCanceledException) when (budget.Cancellation.IsCancellationRequested)
        {
            // A model may throw on the token inside a predicate; that is a cancellation, not a failure.
            return ExplorationBound.Cancelled;
        }
    }

    /// <summary>Checks the liveness properties in order, each failing one reported once.</summary>
    private void CheckEach()
    {
        for (int property = 0; property < model.Properties.Count; property++)
        {
            PropertyInstance instance = model.Properties[property];
            if (instance.Kind is PropertyKind.Eventually or PropertyKind.AlwaysEventually or PropertyKind.LeadsTo)
            {
                deadline.Check();
                if (Counterexample(property, instance) is Lasso lasso)
                {
                    Violations.Add(violations.LivenessViolated(property, lasso, liveness));
                }
            }
        }
    }

    /// <summary>The counterexample with the shortest prefix, or null when the property holds or cannot be decided.</summary>
    private Lasso? Counterexample(int property, PropertyInstance instance)
    {
        bool leadsTo = instance.Kind == PropertyKind.LeadsTo;
        StateSet? premise = leadsTo ? Values(instance.Predicate, property) : null;
        StateSet? goal = Values(leadsTo ? instance.Target : instance.Predicate, property);
        if (goal is null || (leadsTo && premise is null))
        {
            // Undecided where the predicate fails; the failure is the report.
            return null;
        }

        var region = LivenessRegion.Build(liveness, instance.Kind, premise, goal, deadline, cut);
        if (region.States.Length == 0)
        {
            return null;
        }

        fairCycles ??= new FairCycleSearch(liveness, deadline);
        List<int[]> fairSets = fairCycles.FindFairSets(region.States);
        if (fairSets.Count == 0 && !AnyStateToStayIn(region))
        {
            // Nowhere for a counterexample to end: the property holds, with no need to search for a path.
            return null;
        }

        fairCycles = null;
        Lasso? prefix = new LassoSearch(liveness, deadline).Find(region, fairSets, out int[]? endsIn);
        if (prefix is null || endsIn is null)
        {
            return prefix;
        }

        int loopsBackTo = new CycleWalk(liveness, deadline).Append(endsIn, prefix.States, prefix.Instances);
        return new Lasso(prefix.States, prefix.Instances, prefix.TriggerStep, loopsBackTo);
    }

    private bool AnyStateToStayIn(LivenessRegion region)
    {
        foreach (int state in region.States)
        {
            if (!liveness.FairEnabled(state))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The predicate in every state, or null when it failed in one (reported at the first such state).</summary>
    private StateSet? Values(int predicate, int property)
    {
        if (values.TryGetValue(predicate, out StateSet? known))
        {
            return known;
        }

        var bits = new StateSet(graph.Count);
        bool failed = false;
        for (int state = 0; state < graph.Count; state++)
        {
            deadline.Tick();
            PredicateOutcome outcome = model.Evaluate(graph.State(state), predicate, budget);
            if (outcome.Failure is Failure failure)
            {
                // Keep going: each failing statement is reported once, at the shallowest state it fails in.
                failed = true;
                if (isNewPredicateFailure(predicate, failure))
                {
                    Violations.Add(violations.PredicateFailed(state, property, failure));
                }
            }
            else
            {
                bits[state] = outcome.Value;
            }
        }

        // A model may notice the token only inside its own code; see it before the search builds on these values.
        deadline.Check();
        StateSet? result = failed ? null : bits;
        values.Add(predicate, result);
        return result;
    }
}
