using System;
using MergeQueue.Analyzers.Engine.Runtime;

namespace MergeQueue.Analyzers.Engine.Cluster;

/// <summary>
/// Gets the <see cref="Failure"/> of an outcome a shard reported by running the execution again in the coordinator's
/// process: a failure's site is an object of the model, not bytes, and executions are deterministic.
/// </summary>
internal static class FailureReplay
{
    /// <summary>The failure of <paramref name="found"/> (its failure not sent) at state <paramref name="state"/> of <paramref name="path"/>.</summary>
    internal static Failure Of(IModel<PackedState> model, StateGraph<PackedState> path, int state, ExpansionEvent found, StepBudget budget)
    {
        PackedState current = path.State(state);
        Failure? failure = found.Kind switch
        {
            ExpansionEventKind.ActionFailed => StepFailure(model, path, current, found.Index, budget),
            ExpansionEventKind.StepInvariant => model.EvaluateStep(current, Successor(model, current, found.Step, budget), Predicate(model, found), budget).Failure,
            _ when found.Step >= 0 => model.Evaluate(Successor(model, current, found.Step, budget), Predicate(model, found), budget).Failure,
            _ => model.Evaluate(current, Predicate(model, found), budget).Failure,
        };
        return failure ?? throw NotDeterministic(model);
    }

    private static int Predicate(IModel<PackedState> model, ExpansionEvent found) => model.Properties[found.Index].Predicate;

    /// <summary>Why the step failed: in the action, or in hashing the state it made (a value nested too deep).</summary>
    private static Failure? StepFailure(IModel<PackedState> model, StateGraph<PackedState> path, PackedState current, int instance, StepBudget budget)
    {
        StepOutcome<PackedState> outcome = model.Step(current, instance, budget);
        return outcome.Kind switch
        {
            StepOutcomeKind.Failed => outcome.Failure,
            StepOutcomeKind.Enabled => path.TryKeyOf(outcome.Successor, out _),
            _ => null,
        };
    }

    private static PackedState Successor(IModel<PackedState> model, PackedState current, int instance, StepBudget budget)
    {
        StepOutcome<PackedState> outcome = model.Step(current, instance, budget);
        return outcome.Kind == StepOutcomeKind.Enabled ? outcome.Successor : throw NotDeterministic(model);
    }

    private static InvalidOperationException NotDeterministic(IModel<PackedState> model) =>
        new("Running an execution of '" + model.Name + "' again did not give the result a shard reported: the model is not deterministic.");
}
