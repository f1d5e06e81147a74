using System;
using System.Collections.Generic;

namespace MergeQueue.Analyzers.Engine.Tests.Models;

/// <summary>
/// Another model with a hook called before each of its steps (with the number of steps so far), so that a test can
/// cancel a search or make a step throw at a chosen point.
/// </summary>
internal sealed class HookedModel : IModel<long>, IStateHasher<long>
{
    private readonly MergeQueueModel inner;
    private readonly Action<long> beforeStep;
    private long steps;

    public HookedModel(MergeQueueModel inner, Action<long> beforeStep)
    {
        this.inner = inner;
        this.beforeStep = beforeStep;
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
        beforeStep(++steps);
        return inner.Step(state, actionInstance, budget);
    }

    public PredicateOutcome Evaluate(long state, int predicate, StepBudget budget) => inner.Evaluate(state, predicate, budget);

    public PredicateOutcome EvaluateStep(long before, long after, int predicate, StepBudget budget) => inner.EvaluateStep(before, after, predicate, budget);

    public string FormatField(long state, int field) => inner.FormatField(state, field);
}
