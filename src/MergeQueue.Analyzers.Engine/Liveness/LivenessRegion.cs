using System;

namespace MergeQueue.Analyzers.Engine;

/// <summary>
/// Where a counterexample to one property may go. Every property here says "from some point on, Q must come": for
/// <c>&lt;&gt;P</c> from an initial state (Q = P), for <c>[]&lt;&gt;P</c> from any state (Q = P), for
/// <c>P ~&gt; Q</c> from any state where P holds. A counterexample reaches such a trigger state where Q is false,
/// then never leaves the states where Q is false; the region is what it can reach that way.
/// </summary>
internal sealed class LivenessRegion
{
    private LivenessRegion(StateSet trigger, StateSet contains, int[] states, bool prefixMayLeave)
    {
        Trigger = trigger;
        Contains = contains;
        States = states;
        PrefixMayLeave = prefixMayLeave;
    }

    /// <summary>Per state: the counterexample may enter the region here (and Q is false here).</summary>
    internal StateSet Trigger { get; }

    /// <summary>Per state: reachable from a trigger state through states where Q is false.</summary>
    internal StateSet Contains { get; }

    /// <summary>The states of the region, in the order found.</summary>
    internal int[] States { get; }

    /// <summary>False for <c>&lt;&gt;P</c>: its trigger is an initial state itself, so no step comes before it.</summary>
    internal bool PrefixMayLeave { get; }

    /// <param name="graph">The state-changing steps.</param>
    /// <param name="kind">Eventually, AlwaysEventually or LeadsTo.</param>
    /// <param name="premise">P's value per state for a leads-to; null otherwise.</param>
    /// <param name="goal">The predicate that must come (P for the first two, Q for a leads-to).</param>
    /// <param name="deadline">Polled while the region grows.</param>
    /// <param name="cut">
    /// Per state, whether a step from it leads outside the <c>[Constraint]</c> members (null: none does). Such a state
    /// is left out of the region: whether fairness lets a behavior stay near it depends on steps the graph does not
    /// hold, so a counterexample found without it is a real one.
    /// </param>
    internal static LivenessRegion Build(LivenessGraph graph, PropertyKind kind, StateSet? premise, StateSet goal, SearchDeadline deadline, bool[]? cut = null)
    {
        int count = graph.StateCount;
        var trigger = new StateSet(count);
        var contains = new StateSet(count);

        // Breadth-first from every trigger at once, in a queue sized for every state: a region of millions of states
        // then never holds a doubled list and its copy at once.
        var queue = new int[count];
        int tail = 0;
        for (int state = 0; state < count; state++)
        {
            trigger[state] = !goal[state] && (cut is null || !cut[state]) && kind switch
            {
                PropertyKind.Eventually => state < graph.InitialCount,
                PropertyKind.LeadsTo => premise![state],
                _ => true,
            };
            if (trigger[state])
            {
                contains[state] = true;
                queue[tail++] = state;
            }
        }

        for (int next = 0; next < tail; next++)
        {
            deadline.Tick();
            int state = queue[next];
            for (int edge = graph.EdgeStart[state]; edge < graph.EdgeStart[state + 1]; edge++)
            {
                int target = graph.Target(edge);
                if (!contains[target] && !goal[target] && (cut is null || !cut[target]))
                {
                    contains[target] = true;
                    queue[tail++] = target;
                }
            }
        }

        var states = new int[tail];
        Array.Copy(queue, states, tail);
        return new LivenessRegion(trigger, contains, states, kind != PropertyKind.Eventually);
    }
}
