using System;
using System.Collections.Generic;

namespace MergeQueue.Analyzers.Engine.Tests.Models;

/// <summary>
/// Another model with a hook called before each of its steps (with the number of steps so far), so that a test can
/// cancel a search or make a step throw at a chosen point, and one called before each evaluation of a property (to make
/// states cost more, say).
/// </summary>
internal sealed class HookedModel : IModel<long>, IStateHasher<long>
{
    private readonly MergeQueueModel inner;
    private readonly Action<long> beforeStep;
    private readonly Action? beforeEvaluate;
    private long steps;

    public HookedModel(MergeQueueModel inner, Action<long> beforeStep, Action? beforeEvaluate = null)
    {
        this.inner = inner;
        this.beforeStep = beforeStep;
        this.beforeEvaluate = beforeEvaluate;
    }

    public string Name => inner.Name;

    public IReadOnlyList<string> FieldNames => inner.FieldNames;

    public IReadOnlyList<ActionInfo> Actions => inner.Actions;

    public IReadOnlyList<ActionInstance> ActionInstances => inner.ActionInstances;

    public IReadOnlyList<PredicateInstance> Predicates => inner.Predicates;

    public IReadOnlyList<PropertyInstance> Properties => inner.Properties;

    public IEqualityComparer<long> StateComparer => inner.StateComparer;

    public IReadOnlyList<InitialInstance> InitialInstances => inner.InitialInstances;

    public bool CheckStuck => inner.CheckStuck;

    public ulong Hash64(long state) => inner.Hash64(state);

    public StepOutcome<long> CreateInitialState(int initialInstance, StepBudget budget) => inner.CreateInitialState(initialInstance, budget);

    public StepOutcome<long> Step(long state, int actionInstance, StepBudget budget)
    {
        // Workers step at once: the count is taken atomically.
        beforeStep(System.Threading.Interlocked.Increment(ref steps));
        return inner.Step(state, actionInstance, budget);
    }

    public PredicateOutcome Evaluate(long state, int predicate, StepBudget budget)
    {
        beforeEvaluate?.Invoke();
        return inner.Evaluate(state, predicate, budget);
    }

    public PredicateOutcome EvaluateStep(long before, long after, int predicate, StepBudget budget) => inner.EvaluateStep(before, after, predicate, budget);

    public string FormatField(long state, int field) => inner.FormatField(state, field);
}
