using System.Collections.Generic;

namespace MergeQueue.Analyzers.Engine;

/// <summary>
/// The explored graph as the liveness search reads it: the state-changing steps in compressed rows (the edges of
/// state s are <c>[EdgeStart[s], EdgeStart[s + 1])</c>), and what fairness asks of each fairness group.
/// </summary>
/// <remarks>
/// Steps back to the same state are left out. Under TLA+'s <c>WF_vars</c>/<c>SF_vars</c> such a step neither
/// enables an action (<c>ENABLED &lt;&lt;A&gt;&gt;_vars</c>) nor takes it, and a behavior may stutter anyway, so
/// no part of the search needs them. Arrays rather than lists: the search walks every edge several times.
/// </remarks>
internal sealed class LivenessGraph
{
    private LivenessGraph(int stateCount, int initialCount, int[] edgeStart, int[] edgeTarget, int[] edgeInstance, int[] groupOfInstance, ActionFairness[] groupFairness)
    {
        StateCount = stateCount;
        InitialCount = initialCount;
        EdgeStart = edgeStart;
        EdgeTarget = edgeTarget;
        EdgeInstance = edgeInstance;
        GroupOfInstance = groupOfInstance;
        GroupFairness = groupFairness;

        var fair = new List<int>();
        for (int group = 0; group < groupFairness.Length; group++)
        {
            if (groupFairness[group] != ActionFairness.None)
            {
                fair.Add(group);
            }
        }

        FairGroups = fair.ToArray();
        FairEnabled = new bool[stateCount];
        for (int state = 0; state < stateCount; state++)
        {
            for (int edge = edgeStart[state]; edge < edgeStart[state + 1]; edge++)
            {
                if (groupFairness[Group(edge)] != ActionFairness.None)
                {
                    FairEnabled[state] = true;
                    break;
                }
            }
        }
    }

    internal int StateCount { get; }

    /// <summary>The initial states: numbers 0 to <see cref="InitialCount"/> - 1.</summary>
    internal int InitialCount { get; }

    internal int[] EdgeStart { get; }

    internal int[] EdgeTarget { get; }

    /// <summary>The action instance of each edge; two instances leading to the same state are two edges.</summary>
    internal int[] EdgeInstance { get; }

    internal int[] GroupOfInstance { get; }

    /// <summary>The fairness of each group: that of the actions of its instances (one, or a <c>FairnessGroup</c>'s).</summary>
    internal ActionFairness[] GroupFairness { get; }

    /// <summary>The groups with a promise (weak or strong), in group order.</summary>
    internal int[] FairGroups { get; }

    /// <summary>Per state: some weakly or strongly fair group has a state-changing step there.</summary>
    internal bool[] FairEnabled { get; }

    internal int GroupCount => GroupFairness.Length;

    internal int Group(int edge) => GroupOfInstance[EdgeInstance[edge]];

    /// <summary>Copies the recorded steps of a fully expanded graph, dropping the steps back to the same state.</summary>
    internal static LivenessGraph Build<TState>(IModel<TState> model, StateGraph<TState> graph)
    {
        int stateCount = graph.Count;
        var edgeStart = new int[stateCount + 1];
        int changing = 0;
        for (int state = 0; state < stateCount; state++)
        {
            graph.Successors(state, out int first, out int end);
            for (int edge = first; edge < end; edge++)
            {
                changing += graph.EdgeTarget(edge) != state ? 1 : 0;
            }
        }

        var edgeTarget = new int[changing];
        var edgeInstance = new int[changing];
        int next = 0;
        for (int state = 0; state < stateCount; state++)
        {
            edgeStart[state] = next;
            graph.Successors(state, out int first, out int end);
            for (int edge = first; edge < end; edge++)
            {
                int target = graph.EdgeTarget(edge);
                if (target != state)
                {
                    edgeTarget[next] = target;
                    edgeInstance[next] = graph.EdgeInstance(edge);
                    next++;
                }
            }
        }

        edgeStart[stateCount] = next;
        return new LivenessGraph(stateCount, graph.InitialCount, edgeStart, edgeTarget, edgeInstance, GroupsOf(model, out ActionFairness[] fairness), fairness);
    }

    private static int[] GroupsOf<TState>(IModel<TState> model, out ActionFairness[] fairness)
    {
        IReadOnlyList<ActionInstance> instances = model.ActionInstances;
        var groupOfInstance = new int[instances.Count];
        int groupCount = 0;
        for (int i = 0; i < instances.Count; i++)
        {
            groupOfInstance[i] = instances[i].FairnessGroup;
            groupCount = System.Math.Max(groupCount, instances[i].FairnessGroup + 1);
        }

        // A group's instances come from one action or from the actions of one FairnessGroup, which the front end
        // requires to declare the same fairness: the first instance says what the group is promised. A number no
        // instance uses promises nothing.
        fairness = new ActionFairness[groupCount];
        var seen = new bool[groupCount];
        for (int group = 0; group < groupCount; group++)
        {
            fairness[group] = ActionFairness.None;
        }

        for (int i = 0; i < instances.Count; i++)
        {
            int group = groupOfInstance[i];
            if (!seen[group])
            {
                seen[group] = true;
                fairness[group] = model.Actions[instances[i].Action].Fairness;
            }
        }

        return groupOfInstance;
    }
}
