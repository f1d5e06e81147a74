using System;
using System.Collections.Generic;
using System.Globalization;

namespace MergeQueue.Analyzers.Engine.Runtime.Conformance;

/// <summary>
/// Replays a recorded run on the model, keeping every state it may be in (TLC's trace validation): several initial
/// states, and a step whose log leaves parameters out, may each lead to several. The run is a behavior when every step
/// can be taken from at least one of them; the first step none can take is where it leaves the model.
/// </summary>
internal sealed class TraceValidation<TState>
{
    private readonly IModel<TState> model;
    private readonly IReadOnlyList<IReadOnlyList<string>> parameterNames;
    private readonly IReadOnlyList<object?[]> instanceValues;
    private readonly StepBudget budget = new(100_000, default);
    private readonly List<string> violations = new();
    private readonly HashSet<string> reported = new(StringComparer.Ordinal);
    private readonly int[] invariants;
    private readonly int[] stepInvariants;

    internal TraceValidation(IModel<TState> model, IReadOnlyList<IReadOnlyList<string>> parameterNames, IReadOnlyList<object?[]> instanceValues)
    {
        this.model = model;
        this.parameterNames = parameterNames;
        this.instanceValues = instanceValues;
        invariants = PropertiesOf(PropertyKind.Invariant);
        stepInvariants = PropertiesOf(PropertyKind.StepInvariant);
    }

    internal TraceValidationResult Validate(IEnumerable<ModelStep> steps)
    {
        if (steps is null)
        {
            throw new ArgumentNullException(nameof(steps));
        }

        var log = new List<ModelStep>(steps);
        var levels = new List<List<Node>>();
        var first = new Level(model.StateComparer);
        for (int initial = 0; initial < model.InitialInstances.Count; initial++)
        {
            StepOutcome<TState> outcome = model.CreateInitialState(initial, budget);
            if (outcome.Kind == StepOutcomeKind.Enabled)
            {
                Add(first, new Node(outcome.Successor, -1, initial), 0);
            }
            else if (outcome.Kind == StepOutcomeKind.Failed)
            {
                Violation(model.InitialInstances[initial].Display + " throws: " + outcome.Failure!.Message);
            }
        }

        levels.Add(first.Nodes);
        for (int index = 0; index < log.Count && first.Nodes.Count > 0; index++)
        {
            List<Node> current = levels[levels.Count - 1];
            string? unknown = Instances(log[index], out List<int> candidates);
            var next = new Level(model.StateComparer);
            var refusals = new List<string>();
            for (int at = 0; unknown is null && at < current.Count; at++)
            {
                foreach (int instance in candidates)
                {
                    StepOutcome<TState> outcome = model.Step(current[at].State, instance, budget);
                    string label = model.ActionInstances[instance].Display(model.Actions);
                    switch (outcome.Kind)
                    {
                        case StepOutcomeKind.Enabled:
                            CheckStep(current[at].State, outcome.Successor, label, index);
                            Add(next, new Node(outcome.Successor, at, instance), index + 1);
                            break;
                        case StepOutcomeKind.Disabled when at == 0:
                            refusals.Add(label + ": " + outcome.Reason!.Text);
                            break;
                        case StepOutcomeKind.Failed:
                            string failure = label + " throws: " + outcome.Failure!.Message;
                            Violation("entry " + index.ToString(CultureInfo.InvariantCulture) + " of the log, " + failure);
                            if (at == 0)
                            {
                                refusals.Add(failure);
                            }

                            break;
                    }
                }
            }

            if (next.Nodes.Count == 0)
            {
                return Failed(log, levels, index, unknown, refusals, current.Count);
            }

            levels.Add(next.Nodes);
        }

        List<Node> last = levels[levels.Count - 1];
        if (first.Nodes.Count == 0)
        {
            string none = "'" + model.Name + "' has no initial state, so no log is a behavior of it";
            return new TraceValidationResult(0, Join(none, violations), violations.ToArray(), 0);
        }

        CheckStuck(last);
        string summary = "'" + model.Name + "': the log's " + ReportText.Count(log.Count) + " steps are a behavior of the model"
            + (last.Count > 1 ? "; they may end in any of " + ReportText.Count(last.Count) + " states" : string.Empty);
        return new TraceValidationResult(-1, Join(summary, violations), violations.ToArray(), last.Count);
    }

    private TraceValidationResult Failed(List<ModelStep> log, List<List<Node>> levels, int index, string? unknown, List<string> refusals, int states)
    {
        var epilogue = new List<string>();
        string entry = "entry " + index.ToString(CultureInfo.InvariantCulture) + " of the log, " + log[index];
        if (unknown is not null)
        {
            epilogue.Add("then " + entry + ": " + unknown);
        }
        else
        {
            epilogue.Add("then " + entry + ", cannot be taken" + (states > 1 ? " from any of the " + ReportText.Count(states) + " states the log may have reached; from this one:" : ":"));
            epilogue.AddRange(refusals);
        }

        string summary = "'" + model.Name + "': the log leaves the model at " + entry;
        string text = summary;
        if (levels[levels.Count - 1].Count > 0)
        {
            text += "\n" + PathTo(levels).Format();
            text += "\n" + string.Join("\n", epilogue);
        }
        else
        {
            text += "\n" + string.Join("\n", epilogue);
        }

        return new TraceValidationResult(index, Join(text, violations), violations.ToArray(), 0);
    }

    /// <summary>The path to the first state of the last level, which the failure's reasons are about.</summary>
    private Trace PathTo(List<List<Node>> levels)
    {
        var states = new List<TState>();
        var instances = new List<int>();
        int at = 0;
        for (int level = levels.Count - 1; level >= 0; level--)
        {
            Node node = levels[level][at];
            states.Add(node.State);
            instances.Add(level == 0 ? -1 : node.Instance);
            at = level == 0 ? node.Instance : node.Parent;
        }

        states.Reverse();
        instances.Reverse();
        return TraceBuilder<TState>.Build(model, states, instances, model.InitialInstances[at].Display, null, false, Array.Empty<string>());
    }

    /// <summary>The action instances a log entry may stand for; null, or why it stands for none.</summary>
    private string? Instances(ModelStep step, out List<int> instances)
    {
        instances = new List<int>();
        int action = -1;
        for (int a = 0; a < model.Actions.Count; a++)
        {
            if (string.Equals(model.Actions[a].Name, step.Action, StringComparison.Ordinal))
            {
                action = a;
            }
        }

        if (action < 0)
        {
            var names = new List<string>();
            foreach (ActionInfo info in model.Actions)
            {
                names.Add(info.Name);
            }

            return "the model has no action named '" + step.Action + "' (its actions: " + string.Join(", ", names) + ")";
        }

        IReadOnlyList<string> parameters = parameterNames[action];
        var given = new object?[parameters.Count];
        var known = new bool[parameters.Count];
        if (step.NamedArguments is { } named)
        {
            foreach (var pair in named)
            {
                int position = IndexOf(parameters, pair.Key);
                if (position < 0)
                {
                    return step.Action + " has no parameter named '" + pair.Key + "'";
                }

                given[position] = pair.Value;
                known[position] = true;
            }
        }
        else
        {
            if (step.Arguments.Count > parameters.Count)
            {
                return step.Action + " takes " + parameters.Count.ToString(CultureInfo.InvariantCulture) + " arguments; the log gives "
                    + step.Arguments.Count.ToString(CultureInfo.InvariantCulture);
            }

            for (int i = 0; i < step.Arguments.Count; i++)
            {
                given[i] = step.Arguments[i];
                known[i] = true;
            }
        }

        for (int instance = 0; instance < model.ActionInstances.Count; instance++)
        {
            if (model.ActionInstances[instance].Action == action && Fits(instanceValues[instance], given, known))
            {
                instances.Add(instance);
            }
        }

        return instances.Count == 0 ? "no value of " + step.Action + "'s parameter domains matches it" : null;
    }

    private static bool Fits(object?[] values, object?[] given, bool[] known)
    {
        for (int i = 0; i < values.Length; i++)
        {
            if (known[i] && !ArgumentMatcher.Matches(given[i], values[i]))
            {
                return false;
            }
        }

        return true;
    }

    private void Add(Level level, Node node, int steps)
    {
        if (level.Seen.ContainsKey(node.State))
        {
            return;
        }

        level.Seen.Add(node.State, level.Nodes.Count);
        level.Nodes.Add(node);
        foreach (int property in invariants)
        {
            PredicateOutcome outcome = model.Evaluate(node.State, model.Properties[property].Predicate, budget);
            string name = model.Predicates[model.Properties[property].Predicate].Display;
            if (outcome.Failure is not null)
            {
                Violation("Invariant '" + name + "' throws " + ReportText.AfterSteps(steps) + ": " + outcome.Failure.Message);
            }
            else if (!outcome.Value)
            {
                Violation(ReportText.InvariantViolated(name, steps));
            }
        }
    }

    private void CheckStep(TState before, TState after, string label, int index)
    {
        foreach (int property in stepInvariants)
        {
            PredicateOutcome outcome = model.EvaluateStep(before, after, model.Properties[property].Predicate, budget);
            if (outcome.Failure is not null || !outcome.Value)
            {
                Violation("Step invariant '" + model.Predicates[model.Properties[property].Predicate].Display + "' is violated by entry "
                    + index.ToString(CultureInfo.InvariantCulture) + " of the log, " + label);
            }
        }
    }

    private void CheckStuck(List<Node> last)
    {
        if (!model.CheckStuck)
        {
            return;
        }

        foreach (Node node in last)
        {
            bool enabled = false;
            for (int instance = 0; instance < model.ActionInstances.Count && !enabled; instance++)
            {
                enabled = model.Step(node.State, instance, budget).Kind != StepOutcomeKind.Disabled;
            }

            if (!enabled && !Terminal(node.State))
            {
                Violation("the log ends in a state where '" + model.Name + "' is stuck: no action is enabled and no [Terminal] member holds");
                return;
            }
        }
    }

    private bool Terminal(TState state)
    {
        foreach (PropertyInstance property in model.Properties)
        {
            if (property.Kind == PropertyKind.Terminal && model.Evaluate(state, property.Predicate, budget) is { Failure: null, Value: true })
            {
                return true;
            }
        }

        return false;
    }

    private void Violation(string text)
    {
        if (reported.Add(text))
        {
            violations.Add(text);
        }
    }

    private int[] PropertiesOf(PropertyKind kind)
    {
        var found = new List<int>();
        for (int i = 0; i < model.Properties.Count; i++)
        {
            if (model.Properties[i].Kind == kind)
            {
                found.Add(i);
            }
        }

        return found.ToArray();
    }

    private static int IndexOf(IReadOnlyList<string> names, string name)
    {
        for (int i = 0; i < names.Count; i++)
        {
            if (string.Equals(names[i], name, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    private static string Join(string text, List<string> lines) =>
        lines.Count == 0 ? text : text + "\nthe model's own violations on the way:\n" + string.Join("\n", lines);

    private readonly struct Node
    {
        internal Node(TState state, int parent, int instance)
        {
            State = state;
            Parent = parent;
            Instance = instance;
        }

        internal TState State { get; }

        /// <summary>The index of the state before it in the previous level; -1 for an initial state.</summary>
        internal int Parent { get; }

        /// <summary>The action instance that led here, or for an initial state its initial instance.</summary>
        internal int Instance { get; }
    }

    private sealed class Level
    {
        internal Level(IEqualityComparer<TState> comparer) => Seen = new Dictionary<TState, int>(comparer);

        internal List<Node> Nodes { get; } = new();

        internal Dictionary<TState, int> Seen { get; }
    }
}
