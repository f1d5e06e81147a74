using System;
using System.Collections.Generic;

namespace MergeQueue.Analyzers;

/// <summary>
/// The first states of an exploration in breadth-first order and the enabled steps among them, kept when
/// <see cref="ExplorationOptions.GraphStates"/> is positive, to be drawn with <see cref="ToDot"/> (Graphviz) or
/// <see cref="ToMermaid"/>.
/// </summary>
public sealed class ExploredGraph
{
    private readonly int[] edgeStart;

    internal ExploredGraph(
        string modelName,
        IReadOnlyList<string> fieldNames,
        IReadOnlyList<ExploredState> states,
        IReadOnlyList<ExploredEdge> edges,
        long totalStates)
    {
        ModelName = modelName;
        FieldNames = fieldNames;
        States = states;
        Edges = edges;
        TotalStates = totalStates;
        foreach (ExploredState state in states)
        {
            OmittedSteps += state.OmittedSteps;
        }

        // Edges are sorted by source state: the edges of state s are [edgeStart[s], edgeStart[s + 1]).
        edgeStart = new int[states.Count + 1];
        int edge = 0;
        for (int state = 0; state <= states.Count; state++)
        {
            while (edge < edges.Count && edges[edge].From < state)
            {
                edge++;
            }

            edgeStart[state] = edge;
        }
    }

    /// <summary>The model's name (the class name).</summary>
    public string ModelName { get; }

    /// <summary>The state fields in declaration order; each state's <see cref="ExploredState.Values"/> follow it.</summary>
    public IReadOnlyList<string> FieldNames { get; }

    /// <summary>The states kept, numbered from 0 (the initial state) in breadth-first order.</summary>
    public IReadOnlyList<ExploredState> States { get; }

    /// <summary>
    /// The enabled steps between kept states, steps back to the same state included: by source state, then in the
    /// model's order of action instances.
    /// </summary>
    public IReadOnlyList<ExploredEdge> Edges { get; }

    /// <summary>The distinct states the exploration found; more than <see cref="States"/> holds when the graph is cut.</summary>
    public long TotalStates { get; }

    /// <summary>Enabled steps from a kept state to a state not kept (or not explored), which are not in <see cref="Edges"/>.</summary>
    public int OmittedSteps { get; }

    /// <summary>
    /// The graph as a Graphviz DOT <c>digraph</c>: one box per state listing its fields, the initial state marked by an
    /// arrow from a point, each step labelled with its action instance (<c>Enqueue(p: 0)</c>), states where something
    /// fails filled red and naming it, and the steps and states of <paramref name="highlight"/>'s trace drawn in bold red.
    /// Render with <c>dot -Tpng graph.dot -o graph.png</c>. The same graph always gives the same text.
    /// </summary>
    /// <param name="maxStates">Draw at most the first this many states (all kept states when zero or less).</param>
    /// <param name="highlight">The violation whose trace to highlight (its summary becomes part of the title), or null for none.</param>
    /// <returns>The DOT text, with <c>\n</c> line ends.</returns>
    public string ToDot(int maxStates = 200, Violation? highlight = null)
    {
        int limit = Limit(maxStates);
        List<int>? path = PathOf(highlight?.Trace, limit, out int start);
        return GraphText.Dot(this, limit, start, path, path is null ? null : highlight!.Summary);
    }

    /// <summary>
    /// The graph as a Mermaid <c>flowchart</c> (GitHub renders it in a <c>```mermaid</c> block), with the same content as
    /// <see cref="ToDot"/>: the highlighted trace's steps are bold red through <c>linkStyle</c> and its states get the
    /// <c>trace</c> class; states where something fails get the <c>problem</c> class.
    /// </summary>
    /// <param name="maxStates">Draw at most the first this many states (all kept states when zero or less).</param>
    /// <param name="highlight">The violation whose trace to highlight (its summary becomes part of the title), or null for none.</param>
    /// <returns>The Mermaid text, with <c>\n</c> line ends.</returns>
    public string ToMermaid(int maxStates = 200, Violation? highlight = null)
    {
        int limit = Limit(maxStates);
        List<int>? path = PathOf(highlight?.Trace, limit, out int start);
        return GraphText.Mermaid(this, limit, start, path, path is null ? null : highlight!.Summary);
    }

    /// <summary>The same as <see cref="ToDot"/> with its defaults.</summary>
    public override string ToString() => ToDot();

    /// <summary>The edge from <paramref name="state"/> by <paramref name="actionInstance"/>, or -1 when it is not kept.</summary>
    internal int EdgeOf(int state, int actionInstance)
    {
        for (int edge = edgeStart[state]; edge < edgeStart[state + 1]; edge++)
        {
            if (Edges[edge].ActionInstance == actionInstance)
            {
                return edge;
            }
        }

        return -1;
    }

    internal int Limit(int maxStates) => maxStates <= 0 ? States.Count : Math.Min(maxStates, States.Count);

    /// <summary>The initial state (depth 0) whose fields are those step 0 of a trace shows; the first one if none is.</summary>
    private int InitialStateOf(TraceStep step, int limit)
    {
        for (int number = 0; number < limit && States[number].Depth == 0; number++)
        {
            bool same = step.Changes.Count == FieldNames.Count;
            for (int field = 0; same && field < FieldNames.Count; field++)
            {
                same = string.Equals(step.Changes[field].Value, States[number].Values[field], StringComparison.Ordinal);
            }

            if (same)
            {
                return number;
            }
        }

        return 0;
    }

    /// <summary>
    /// The edges the trace follows from its initial state (<paramref name="start"/>: the initial state whose fields step
    /// 0 shows), as far as they are among the first <paramref name="limit"/> states.
    /// </summary>
    /// <returns>Null when there is no trace to highlight (none given, or one without states).</returns>
    private List<int>? PathOf(Trace? trace, int limit, out int start)
    {
        start = 0;
        if (trace is null || trace.Steps.Count == 0 || limit == 0)
        {
            return null;
        }

        start = InitialStateOf(trace.Steps[0], limit);
        var path = new List<int>();
        int state = start;
        for (int step = 1; step < trace.Steps.Count; step++)
        {
            int edge = EdgeOf(state, trace.Steps[step].ActionInstance);
            if (edge < 0 || Edges[edge].To >= limit)
            {
                break;
            }

            path.Add(edge);
            state = Edges[edge].To;
        }

        return path;
    }
}

/// <summary>One state of an <see cref="ExploredGraph"/>.</summary>
public sealed class ExploredState
{
    internal ExploredState(int number, int depth, IReadOnlyList<string> values, IReadOnlyList<string> problems, int omittedSteps)
    {
        OmittedSteps = omittedSteps;
        Number = number;
        Depth = depth;
        Values = values;
        Problems = problems;
    }

    /// <summary>The state's number: its position in breadth-first order, the initial states first.</summary>
    public int Number { get; }

    /// <summary>The fewest steps from an initial state: 0 for the initial states.</summary>
    public int Depth { get; }

    /// <summary>Each field's value as the traces print it, in the order of <see cref="ExploredGraph.FieldNames"/>.</summary>
    public IReadOnlyList<string> Values { get; }

    /// <summary>
    /// What fails in this state, one short line each (<c>invariant MergedInOrder is false</c>, <c>stuck</c>,
    /// <c>Merge(p: 0) fails</c>); empty when nothing does.
    /// </summary>
    public IReadOnlyList<string> Problems { get; }

    /// <summary>Enabled steps from this state to a state the graph does not keep (or the exploration did not add).</summary>
    public int OmittedSteps { get; }
}

/// <summary>One enabled step of an <see cref="ExploredGraph"/>.</summary>
public sealed class ExploredEdge
{
    internal ExploredEdge(int from, int to, int actionInstance, string label)
    {
        From = from;
        To = to;
        ActionInstance = actionInstance;
        Label = label;
    }

    /// <summary>The number of the state the step starts in.</summary>
    public int From { get; }

    /// <summary>The number of the state it leads to (the same as <see cref="From"/> for a step that changes nothing).</summary>
    public int To { get; }

    /// <summary>The action instance taken (an index into the model's action instances).</summary>
    public int ActionInstance { get; }

    /// <summary>The action with its arguments, as the traces print it: <c>Enqueue(p: 0)</c>.</summary>
    public string Label { get; }
}
