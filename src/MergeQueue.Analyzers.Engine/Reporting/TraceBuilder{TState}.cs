using System;
using System.Collections.Generic;

namespace MergeQueue.Analyzers.Engine;

/// <summary>Rebuilds a trace by walking parent pointers back from a state to the initial state.</summary>
internal sealed class TraceBuilder<TState>
{
    private readonly IModel<TState> model;
    private readonly StateGraph<TState> graph;

    internal TraceBuilder(IModel<TState> model, StateGraph<TState> graph)
    {
        this.model = model;
        this.graph = graph;
    }

    /// <summary>The shortest trace to <paramref name="state"/>, followed by <paramref name="epilogue"/>.</summary>
    internal Trace Build(int state, IReadOnlyList<string> epilogue)
    {
        List<int> path = PathTo(state);
        var instances = new List<int>(path.Count);
        foreach (int number in path)
        {
            instances.Add(graph.ParentStep(number));
        }

        return Build(path, instances, null, false, epilogue);
    }

    /// <summary>
    /// A trace through the given states, each reached from the one before it by the action instance at the same
    /// position in <paramref name="instances"/> (the first entry, for the initial state, is ignored).
    /// </summary>
    internal Trace Build(IReadOnlyList<int> path, IReadOnlyList<int> instances, int? loopsBackTo, bool staysForever, IReadOnlyList<string> epilogue)
    {
        int fieldCount = model.FieldNames.Count;
        var steps = new TraceStep[path.Count];
        string[]? previous = null;
        for (int number = 0; number < path.Count; number++)
        {
            TState state = graph.State(path[number]);
            var current = new string[fieldCount];
            var changes = new List<FieldChange>();
            for (int field = 0; field < fieldCount; field++)
            {
                current[field] = model.FormatField(state, field);
                if (previous is null || !string.Equals(previous[field], current[field], StringComparison.Ordinal))
                {
                    changes.Add(new FieldChange(model.FieldNames[field], current[field]));
                }
            }

            steps[number] = number == 0
                ? new TraceStep(0, -1, ReportText.InitialStateLabel, changes, null)
                : StepInto(number, instances[number], changes);
            previous = current;
        }

        return new Trace(steps, loopsBackTo, staysForever, epilogue);
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

    private TraceStep StepInto(int number, int actionInstance, List<FieldChange> changes)
    {
        ActionInstance instance = model.ActionInstances[actionInstance];
        return new TraceStep(number, actionInstance, instance.Display(model.Actions), changes, model.Actions[instance.Action].Site);
    }
}
