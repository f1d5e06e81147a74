using System;
using System.Collections.Generic;
using MergeQueue.Analyzers.Engine;

namespace MergeQueue.Analyzers.Engine.Tests.Models;

/// <summary>
/// A model assembled from lambdas, so that each toy in the tests fits in a few readable lines. Sites are
/// strings (<c>action Inc</c>, <c>property NotEight</c>) so tests can assert where things are reported.
/// </summary>
internal sealed class ToyModel<TState> : IModel<TState>
{
    private readonly Func<StepOutcome<TState>> createInitial;
    private readonly List<string> fieldNames = new();
    private readonly List<Func<TState, string>> formatters = new();
    private readonly List<ActionInfo> actions = new();
    private readonly List<ActionInstance> instances = new();
    private readonly List<Func<TState, StepOutcome<TState>>> steps = new();
    private readonly List<PredicateInstance> predicates = new();
    private readonly List<Func<TState, PredicateOutcome>> evaluations = new();
    private readonly List<PropertyInstance> properties = new();
    private int groupCount;

    public ToyModel(string name, TState initial)
        : this(name, () => StepOutcome<TState>.Enabled(initial))
    {
    }

    public ToyModel(string name, Func<StepOutcome<TState>> createInitial)
    {
        Name = name;
        this.createInitial = createInitial;
    }

    public string Name { get; }

    public IReadOnlyList<string> FieldNames => fieldNames;

    public IReadOnlyList<ActionInfo> Actions => actions;

    public IReadOnlyList<ActionInstance> ActionInstances => instances;

    public IReadOnlyList<PredicateInstance> Predicates => predicates;

    public IReadOnlyList<PropertyInstance> Properties => properties;

    public IEqualityComparer<TState> StateComparer { get; } = EqualityComparer<TState>.Default;

    /// <summary>How many times an action instance ran (tests of budgets look at it).</summary>
    public long StepCount { get; private set; }

    public ToyModel<TState> Field(string name, Func<TState, string> format)
    {
        fieldNames.Add(name);
        formatters.Add(format);
        return this;
    }

    /// <summary>An action without parameters: one instance, its own fairness group.</summary>
    public ToyModel<TState> Action(string name, Func<TState, StepOutcome<TState>> step, ActionFairness fairness = ActionFairness.Weak)
    {
        int action = AddAction(name, fairness);
        instances.Add(new ActionInstance(action, Array.Empty<string>(), groupCount++));
        steps.Add(step);
        return this;
    }

    /// <summary>
    /// An action with one parameter: one instance per value, in domain order. All instances share one fairness
    /// group, or, for a <c>[Process]</c> parameter, each value has its own.
    /// </summary>
    public ToyModel<TState> Action(
        string name,
        string parameter,
        int[] domain,
        Func<TState, int, StepOutcome<TState>> step,
        ActionFairness fairness = ActionFairness.Weak,
        bool process = false)
    {
        int action = AddAction(name, fairness);
        int group = groupCount;
        foreach (int value in domain)
        {
            instances.Add(new ActionInstance(action, new[] { parameter + ": " + value }, process ? groupCount++ : group));
            steps.Add(state => step(state, value));
        }

        groupCount = process ? groupCount : group + 1;
        return this;
    }

    public ToyModel<TState> Property(PropertyKind kind, string name, Func<TState, bool> predicate) =>
        Property(kind, name, state => PredicateOutcome.Of(predicate(state)));

    public ToyModel<TState> Property(PropertyKind kind, string name, Func<TState, PredicateOutcome> predicate)
    {
        predicates.Add(new PredicateInstance(name, Array.Empty<string>()));
        evaluations.Add(predicate);
        properties.Add(new PropertyInstance(kind, predicates.Count - 1, -1, "property " + name));
        return this;
    }

    /// <summary>
    /// <c>[LeadsTo(nameof(Q))] bool P(int parameter)</c>: one property instance per value, each with its own
    /// instances of P and Q (<c>P(p: 1) ~> Q(p: 1)</c>).
    /// </summary>
    public ToyModel<TState> LeadsTo(
        string premise, string target, string parameter, int[] domain, Func<TState, int, bool> p, Func<TState, int, bool> q)
    {
        foreach (int value in domain)
        {
            string[] arguments = { parameter + ": " + value };
            predicates.Add(new PredicateInstance(premise, arguments));
            evaluations.Add(state => PredicateOutcome.Of(p(state, value)));
            predicates.Add(new PredicateInstance(target, arguments));
            evaluations.Add(state => PredicateOutcome.Of(q(state, value)));
            properties.Add(new PropertyInstance(PropertyKind.LeadsTo, predicates.Count - 2, predicates.Count - 1, "property " + premise));
        }

        return this;
    }

    public StepOutcome<TState> CreateInitialState(StepBudget budget) => createInitial();

    public StepOutcome<TState> Step(TState state, int actionInstance, StepBudget budget)
    {
        StepCount++;
        return steps[actionInstance](state);
    }

    public PredicateOutcome Evaluate(TState state, int predicate, StepBudget budget) => evaluations[predicate](state);

    public string FormatField(TState state, int field) => formatters[field](state);

    private int AddAction(string name, ActionFairness fairness)
    {
        actions.Add(new ActionInfo(name, fairness, "action " + name));
        return actions.Count - 1;
    }
}
