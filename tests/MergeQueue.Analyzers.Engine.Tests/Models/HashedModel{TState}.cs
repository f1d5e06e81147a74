using System;
using System.Collections.Generic;

namespace MergeQueue.Analyzers.Engine.Tests.Models;

/// <summary>
/// Another model with a 64-bit hash of its states, so that it can be explored in fingerprint mode (which needs one),
/// and a hook called before each evaluation of a predicate (to cancel or fail the search during its liveness phase).
/// </summary>
internal sealed class HashedModel<TState> : IModel<TState>, IStateHasher<TState>
{
    private readonly IModel<TState> inner;
    private readonly Func<TState, ulong> hash;
    private readonly Action? beforeEvaluate;

    public HashedModel(IModel<TState> inner, Func<TState, ulong> hash, Action? beforeEvaluate = null)
    {
        this.inner = inner;
        this.hash = hash;
        this.beforeEvaluate = beforeEvaluate;
    }

    public string Name => inner.Name;

    public IReadOnlyList<string> FieldNames => inner.FieldNames;

    public IReadOnlyList<ActionInfo> Actions => inner.Actions;

    public IReadOnlyList<ActionInstance> ActionInstances => inner.ActionInstances;

    public IReadOnlyList<PredicateInstance> Predicates => inner.Predicates;

    public IReadOnlyList<PropertyInstance> Properties => inner.Properties;

    public IEqualityComparer<TState> StateComparer => inner.StateComparer;

    public IReadOnlyList<InitialInstance> InitialInstances => inner.InitialInstances;

    public bool CheckStuck => inner.CheckStuck;

    public ulong Hash64(TState state) => hash(state);

    public StepOutcome<TState> CreateInitialState(int initialInstance, StepBudget budget) => inner.CreateInitialState(initialInstance, budget);

    public StepOutcome<TState> Step(TState state, int actionInstance, StepBudget budget) => inner.Step(state, actionInstance, budget);

    public PredicateOutcome Evaluate(TState state, int predicate, StepBudget budget)
    {
        beforeEvaluate?.Invoke();
        return inner.Evaluate(state, predicate, budget);
    }

    public PredicateOutcome EvaluateStep(TState before, TState after, int predicate, StepBudget budget) => inner.EvaluateStep(before, after, predicate, budget);

    public string FormatField(TState state, int field) => inner.FormatField(state, field);
}
