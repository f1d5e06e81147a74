using System;
using System.Collections.Generic;
using System.Globalization;

namespace MergeQueue.Analyzers.Engine;

/// <summary>Turns what the search found (a property, a state number, a failure) into a <see cref="Violation"/> with its trace.</summary>
internal sealed class ViolationBuilder<TState>
{
    private readonly IModel<TState> model;
    private readonly StateGraph<TState> graph;
    private readonly StepBudget budget;
    private readonly TraceBuilder<TState> traces;

    internal ViolationBuilder(IModel<TState> model, StateGraph<TState> graph, StepBudget budget)
    {
        this.model = model;
        this.graph = graph;
        this.budget = budget;
        traces = new TraceBuilder<TState>(model, graph, budget);
    }

    /// <summary>An invariant is false at <paramref name="at"/> (a state, or a successor outside the constraints).</summary>
    internal Violation InvariantViolated(int property, TracePoint at)
    {
        PropertyInstance instance = model.Properties[property];
        string summary = ReportText.InvariantViolated(Display(instance), Depth(at));
        return new Violation(ViolationKind.InvariantViolated, summary, traces.Build(at, Array.Empty<string>()), instance.Site, property);
    }

    /// <summary>A <c>[StepInvariant]</c> is false for the step <paramref name="at"/> ends with.</summary>
    internal Violation StepInvariantViolated(int property, TracePoint at)
    {
        PropertyInstance instance = model.Properties[property];
        string summary = ReportText.StepInvariantViolated(Display(instance), Depth(at));
        return new Violation(ViolationKind.StepInvariantViolated, summary, traces.Build(at, Array.Empty<string>()), instance.Site, property);
    }

    internal Violation Stuck(int state, bool hasTerminal)
    {
        string summary = ReportText.Stuck(model.Name, graph.Depth(state), hasTerminal);
        List<string> epilogue = StuckExplanation.Explain(model, graph.State(state), budget, hasTerminal);
        return new Violation(ViolationKind.Stuck, summary, traces.Build(state, epilogue), null, -1);
    }

    /// <summary>An action instance failed when run in <paramref name="state"/>: the trace ends with the failing step.</summary>
    internal Violation ActionFailed(int state, int actionInstance, Failure failure)
    {
        string label = traces.Label(actionInstance);
        string summary = ReportText.FailureSummary(failure, "Action '" + label + "'", "'" + label + "'", budget.MaxSteps);
        string failingStep = (graph.Depth(state) + 1).ToString(CultureInfo.InvariantCulture) + ": " + label + " "
            + ReportText.FailureVerb(failure, budget.MaxSteps);
        return new Violation(ViolationKind.ExecutionFailed, summary, traces.Build(state, new[] { failingStep }), failure.Site, -1);
    }

    /// <summary>A property's predicate failed when evaluated in <paramref name="state"/>.</summary>
    internal Violation PredicateFailed(int state, int property, Failure failure) => PredicateFailed(TracePoint.At(state), property, failure);

    /// <summary>A property's predicate failed when evaluated at <paramref name="at"/> (for a step invariant, on its last step).</summary>
    internal Violation PredicateFailed(TracePoint at, int property, Failure failure)
    {
        PropertyInstance instance = model.Properties[property];
        string subject = ReportText.Property(instance.Kind, Display(instance));
        string summary = ReportText.FailureSummary(failure, subject, subject, budget.MaxSteps);
        int depth = Depth(at);
        string where = depth == 0 ? "in the initial state: " : "after step " + depth.ToString(CultureInfo.InvariantCulture) + ": ";
        string epilogue = where + subject + " " + ReportText.FailureVerb(failure, budget.MaxSteps);
        return new Violation(ViolationKind.ExecutionFailed, summary, traces.Build(at, new[] { epilogue }), failure.Site, property);
    }

    /// <summary>Building an initial state failed: there is no state to show, only the failing step.</summary>
    internal Violation InitialStateFailed(Failure failure, int initialInstance)
    {
        string summary = ReportText.FailureSummary(
            failure, "Building the initial state of '" + model.Name + "'", "the initial state of '" + model.Name + "'", budget.MaxSteps);
        string failingStep = "0: " + model.InitialInstances[initialInstance].Display + " " + ReportText.FailureVerb(failure, budget.MaxSteps);
        var trace = new Trace(Array.Empty<TraceStep>(), null, false, new[] { failingStep });
        return new Violation(ViolationKind.ExecutionFailed, summary, trace, failure.Site, -1);
    }

    /// <summary>The constructor's <c>Require</c> dropped every combination of its arguments: there is nothing to explore.</summary>
    internal Violation NoInitialState(DisabledReason? lastReason)
    {
        string summary = ReportText.NoInitialState(model.Name, model.InitialInstances.Count);
        var trace = new Trace(Array.Empty<TraceStep>(), null, false, new[] { "0: " + (lastReason?.Text ?? "not enabled") + " " + ReportText.ForEveryCombination });
        return new Violation(ViolationKind.ExecutionFailed, summary, trace, lastReason?.Site, -1);
    }

    /// <summary>A liveness property fails: the trace is the lasso, ending in its cycle or in the state it stays in.</summary>
    /// <summary>A counterexample to a liveness property, found in <paramref name="liveness"/>.</summary>
    internal Violation LivenessViolated(int property, Lasso lasso, LivenessGraph liveness)
    {
        PropertyInstance instance = model.Properties[property];
        string? target = instance.Kind == PropertyKind.LeadsTo ? model.Predicates[instance.Target].Display : null;
        string summary = ReportText.LivenessViolated(
            instance.Kind, Display(instance), target, lasso.TriggerStep, lasso.LoopsBackTo, lasso.LastStep);
        bool staysForever = lasso.LoopsBackTo is null;
        IReadOnlyList<string> epilogue = staysForever
            ? StayExplanation.Explain(model, graph, liveness, lasso.States[lasso.LastStep], budget)
            : Array.Empty<string>();
        Trace trace = traces.Build(lasso.States, lasso.Instances, lasso.LoopsBackTo, staysForever, epilogue);
        return new Violation(ViolationKind.LivenessViolated, summary, trace, instance.Site, property);
    }

    internal Violation NeverReached(int property, long states)
    {
        PropertyInstance instance = model.Properties[property];
        return new Violation(ViolationKind.NeverReached, ReportText.NeverReached(Display(instance), states), null, instance.Site, property);
    }

    private string Display(PropertyInstance property) => model.Predicates[property.Predicate].Display;

    private int Depth(TracePoint at) => at.State < 0 ? 0 : graph.Depth(at.State) + (at.PastState ? 1 : 0);
}
