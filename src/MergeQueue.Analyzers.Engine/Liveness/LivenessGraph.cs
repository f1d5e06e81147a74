using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;

namespace MergeQueue.Analyzers.Engine;

/// <summary>
/// The explored graph as the liveness search reads it: the state-changing steps in compressed rows (the edges of
/// state s are <c>[EdgeStart[s], EdgeStart[s + 1])</c>), and what fairness asks of each fairness group.
/// </summary>
/// <remarks>
/// Steps back to the same state are left out. Under TLA+'s <c>WF_vars</c>/<c>SF_vars</c> such a step neither
/// enables an action (<c>ENABLED &lt;&lt;A&gt;&gt;_vars</c>) nor takes it, and a behavior may stutter anyway, so
/// no part of the search needs them. The rows are an array; the edges are in <see cref="LivenessEdges"/>, in memory
/// or in a file, which <see cref="Dispose"/> deletes.
/// </remarks>
internal sealed partial class LivenessGraph : IDisposable
{
    private readonly LivenessEdges edges;

    // Per state: some weakly or strongly fair group has a state-changing step there.
    private readonly StateSet fairEnabled;

    private LivenessGraph(int stateCount, int initialCount, int[] edgeStart, LivenessEdges edges, StateSet fairEnabled, int[] groupOfInstance, ActionFairness[] groupFairness)
    {
        StateCount = stateCount;
        InitialCount = initialCount;
        EdgeStart = edgeStart;
        this.edges = edges;
        this.fairEnabled = fairEnabled;
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
    }

    internal int StateCount { get; }

    /// <summary>The initial states: numbers 0 to <see cref="InitialCount"/> - 1.</summary>
    internal int InitialCount { get; }

    internal int[] EdgeStart { get; }

    internal int[] GroupOfInstance { get; }

    /// <summary>The fairness of each group: that of the actions of its instances (one, or a <c>FairnessGroup</c>'s).</summary>
    internal ActionFairness[] GroupFairness { get; }

    /// <summary>The groups with a promise (weak or strong), in group order.</summary>
    internal int[] FairGroups { get; }

    internal int GroupCount => GroupFairness.Length;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal int Target(int edge) => edges.Target(edge);

    /// <summary>The action instance of an edge; two instances leading to the same state are two edges.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal int Instance(int edge) => edges.Instance(edge);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal int Group(int edge) => GroupOfInstance[edges.Instance(edge)];

    /// <summary>True when some weakly or strongly fair group has a state-changing step in <paramref name="state"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal bool FairEnabled(int state) => fairEnabled[state];

    /// <summary>The state an edge leaves: the last whose row starts at or before it (rows may be empty).</summary>
    internal int SourceOf(int edge)
    {
        int low = 0, high = StateCount - 1;
        while (low < high)
        {
            int middle = (low + high + 1) >> 1;
            if (EdgeStart[middle] <= edge)
            {
                low = middle;
            }
            else
            {
                high = middle - 1;
            }
        }

        return low;
    }

    /// <summary>Deletes the edges' file, if there is one.</summary>
    public void Dispose() => edges.Dispose();

    private static int[] GroupsOf<TState>(IModel<TState> model, out ActionFairness[] fairness)
    {
        IReadOnlyList<ActionInstance> instances = model.ActionInstances;
        var groupOfInstance = new int[instances.Count];
        int groupCount = 0;
        for (int i = 0; i < instances.Count; i++)
        {
            groupOfInstance[i] = instances[i].FairnessGroup;
            groupCount = Math.Max(groupCount, instances[i].FairnessGroup + 1);
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
