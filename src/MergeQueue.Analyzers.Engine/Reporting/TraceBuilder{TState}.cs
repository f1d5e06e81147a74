using System;
using System.Collections.Generic;

namespace MergeQueue.Analyzers.Engine;

/// <summary>Rebuilds a trace by walking parent pointers back from a state to its initial state.</summary>
internal sealed class TraceBuilder<TState>
{
    private readonly IModel<TState> model;
    private readonly StateGraph<TState> graph;
    private readonly StepBudget budget;

    internal TraceBuilder(IModel<TState> model, StateGraph<TState> graph, StepBudget budget)
    {
        this.model = model;
        this.graph = graph;
        this.budget = budget;
    }

    /// <summary>The shortest trace to <paramref name="state"/>, followed by <paramref name="epilogue"/>.</summary>
    internal Trace Build(int state, IReadOnlyList<string> epilogue) => Build(TracePoint.At(state), epilogue);

    /// <summary>
    /// The shortest trace to <paramref name="end"/>, followed by <paramref name="epilogue"/>. A state the graph does
    /// not hold is built again by running its step (or its initial instance) once more.
    /// </summary>
    internal Trace Build(TracePoint end, IReadOnlyList<string> epilogue)
    {
        var states = new List<TState>();
        var instances = new List<int>();
        string initialLabel;
        if (end.State < 0)
        {
            states.Add(Rebuild(model.CreateInitialState(end.Step, budget)));
            instances.Add(-1);
            initialLabel = model.InitialInstances[end.Step].Display;
        }
        else
        {
            List<int> path = PathTo(end.State);
            foreach (int number in path)
            {
                states.Add(graph.State(number));
                instances.Add(graph.ParentStep(number));
            }

            initialLabel = InitialLabel(path[0]);
            if (end.PastState)
            {
                states.Add(Rebuild(model.Step(states[states.Count - 1], end.Step, budget)));
                instances.Add(end.Step);
            }
        }

        return Build(states, instances, initialLabel, null, false, epilogue);
    }

    /// <summary>
    /// A trace through the given states, each reached from the one before it by the action instance at the same
    /// position in <paramref name="instances"/> (the first entry, for the initial state, is ignored).
    /// </summary>
    internal Trace Build(IReadOnlyList<int> path, IReadOnlyList<int> instances, int? loopsBackTo, bool staysForever, IReadOnlyList<string> epilogue)
    {
        var states = new List<TState>(path.Count);
        foreach (int number in path)
        {
            states.Add(graph.State(number));
        }

        return Build(states, instances, InitialLabel(path[0]), loopsBackTo, staysForever, epilogue);
    }

    /// <summary>The state numbers from the initial state to <paramref name="state"/>.</summary>
    internal List<int> PathTo(int state)
    {
        var path = new List<int>(graph.Depth(state) + 1);
        for (int current = state; current >= 0; current = graph.Parent(current))
        {
            path.Add(current);
        }

        path.Reverse();
        return path;
    }

    /// <summary><c>Merge(p: 1)</c>.</summary>
    internal string Label(int actionInstance) => model.ActionInstances[actionInstance].Display(model.Actions);

    /// <summary>How step 0 names initial state <paramref name="state"/>: with the constructor arguments that built it.</summary>
    private string InitialLabel(int state) => model.InitialInstances[graph.ParentStep(state)].Display;

    private Trace Build(List<TState> states, IReadOnlyList<int> instances, string initialLabel, int? loopsBackTo, bool staysForever, IReadOnlyList<string> epilogue) =>
        Build(model, states, instances, initialLabel, loopsBackTo, staysForever, epilogue);

    /// <summary>
    /// A trace through states that need not be in a graph (a replayed log), each reached from the one before it by the
    /// action instance at the same position in <paramref name="instances"/> (the first entry is ignored).
    /// </summary>
    internal static Trace Build(IModel<TState> model, IReadOnlyList<TState> states, IReadOnlyList<int> instances, string initialLabel, int? loopsBackTo, bool staysForever, IReadOnlyList<string> epilogue)
    {
        int fieldCount = model.FieldNames.Count;
        var steps = new TraceStep[states.Count];
        string[]? previous = null;
        for (int number = 0; number < states.Count; number++)
        {
            TState state = states[number];
            var current = new string[fieldCount];
            var changes = new List<FieldChange>();
            for (int field = 0; field < fieldCount; field++)
            {
                current[field] = model.FormatField(state, field);
                if (previous is null || !string.Equals(previous[field], current[field], StringComparison.Ordinal))
                {
                    changes.Add(new FieldChange(model.FieldNames[field], current[field]) { Before = previous?[field] });
                }
            }

            steps[number] = number == 0
                ? new TraceStep(0, -1, initialLabel, changes, null)
                : StepInto(model, number, instances[number], changes);
            previous = current;
        }

        return new Trace(steps, loopsBackTo, staysForever, epilogue);
    }

    private TState Rebuild(StepOutcome<TState> outcome) => outcome.Kind == StepOutcomeKind.Enabled
        ? outcome.Successor
        : throw new InvalidOperationException(
            "Running a step of '" + model.Name + "' again did not give the same result: the model is not deterministic.");

    private static TraceStep StepInto(IModel<TState> model, int number, int actionInstance, List<FieldChange> changes)
    {
        ActionInstance instance = model.ActionInstances[actionInstance];
        return new TraceStep(number, actionInstance, instance.Display(model.Actions), changes, model.Actions[instance.Action].Site);
    }
}
