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
    private readonly List<InitialInstance> initialInstances = new();
    private readonly List<Func<StepOutcome<TState>>> createInitial = new();
    private readonly List<string> fieldNames = new();
    private readonly List<Func<TState, string>> formatters = new();
    private readonly List<ActionInfo> actions = new();
    private readonly List<ActionInstance> instances = new();
    private readonly List<Func<TState, StepOutcome<TState>>> steps = new();
    private readonly List<PredicateInstance> predicates = new();
    private readonly List<Func<TState, PredicateOutcome>> evaluations = new();
    private readonly List<PropertyInstance> properties = new();
    private readonly Dictionary<int, Func<TState, TState, bool>> stepEvaluations = new();
    private readonly Dictionary<string, int> namedGroups = new();
    private int groupCount;

    public ToyModel(string name, TState initial)
        : this(name, () => StepOutcome<TState>.Enabled(initial))
    {
    }

    public ToyModel(string name, Func<StepOutcome<TState>> createInitial)
    {
        Name = name;
        initialInstances.Add(new InitialInstance(Array.Empty<string>()));
        this.createInitial.Add(createInitial);
    }

    /// <summary>A model with one initial state per value of a constructor parameter (TLA+ <c>Init == x \in S</c>).</summary>
    public ToyModel(string name, string parameter, int[] domain, Func<int, StepOutcome<TState>> createInitial)
    {
        Name = name;
        foreach (int value in domain)
        {
            initialInstances.Add(new InitialInstance(new[] { parameter + ": " + value }));
            this.createInitial.Add(() => createInitial(value));
        }
    }

    public string Name { get; }

    public IReadOnlyList<string> FieldNames => fieldNames;

    public IReadOnlyList<ActionInfo> Actions => actions;

    public IReadOnlyList<ActionInstance> ActionInstances => instances;

    public IReadOnlyList<PredicateInstance> Predicates => predicates;

    public IReadOnlyList<PropertyInstance> Properties => properties;

    public IEqualityComparer<TState> StateComparer { get; } = EqualityComparer<TState>.Default;

    public IReadOnlyList<InitialInstance> InitialInstances => initialInstances;

    public bool CheckStuck { get; private set; } = true;

    /// <summary>How many times an action instance ran (tests of budgets look at it).</summary>
    public long StepCount { get; private set; }

    public ToyModel<TState> Field(string name, Func<TState, string> format)
    {
        fieldNames.Add(name);
        formatters.Add(format);
        return this;
    }

    /// <summary>
    /// An action without parameters: one instance, its own fairness group, or the group it shares with the other
    /// actions naming <paramref name="group"/> (<c>[Action(FairnessGroup = "g")]</c>).
    /// </summary>
    public ToyModel<TState> Action(string name, Func<TState, StepOutcome<TState>> step, ActionFairness fairness = ActionFairness.Weak, string? group = null)
    {
        int action = AddAction(name, fairness);
        int fairnessGroup;
        if (group is null)
        {
            fairnessGroup = groupCount++;
        }
        else if (!namedGroups.TryGetValue(group, out fairnessGroup))
        {
            namedGroups.Add(group, fairnessGroup = groupCount++);
        }

        instances.Add(new ActionInstance(action, Array.Empty<string>(), fairnessGroup));
        steps.Add(step);
        return this;
    }

    /// <summary><c>[StateMachine(CheckStuck = false)]</c>: TLC's <c>CHECK_DEADLOCK FALSE</c>.</summary>
    public ToyModel<TState> NoStuckCheck()
    {
        CheckStuck = false;
        return this;
    }

    /// <summary><c>[StepInvariant] bool Name(M before)</c>: <paramref name="predicate"/> gets the state before, then after.</summary>
    public ToyModel<TState> StepInvariant(string name, Func<TState, TState, bool> predicate)
    {
        predicates.Add(new PredicateInstance(name, Array.Empty<string>()));
        evaluations.Add(_ => throw new InvalidOperationException("A step invariant is evaluated on a step."));
        stepEvaluations.Add(predicates.Count - 1, predicate);
        properties.Add(new PropertyInstance(PropertyKind.StepInvariant, predicates.Count - 1, -1, "property " + name));
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

    public StepOutcome<TState> CreateInitialState(int initialInstance, StepBudget budget) => createInitial[initialInstance]();

    public StepOutcome<TState> Step(TState state, int actionInstance, StepBudget budget)
    {
        StepCount++;
        return steps[actionInstance](state);
    }

    public PredicateOutcome Evaluate(TState state, int predicate, StepBudget budget) => evaluations[predicate](state);

    public PredicateOutcome EvaluateStep(TState before, TState after, int predicate, StepBudget budget) =>
        PredicateOutcome.Of(stepEvaluations[predicate](before, after));

    public string FormatField(TState state, int field) => formatters[field](state);

    private int AddAction(string name, ActionFairness fairness)
    {
        actions.Add(new ActionInfo(name, fairness, "action " + name));
        return actions.Count - 1;
    }
}
