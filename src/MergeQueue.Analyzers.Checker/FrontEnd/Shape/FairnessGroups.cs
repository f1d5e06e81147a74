using System.Collections.Generic;
using System.Linq;

namespace MergeQueue.Analyzers.FrontEnd.Shape;

/// <summary>
/// Numbers the fairness groups of the action instances (SPEC §2): all instances of an action form one group, or
/// one per value of its <c>[Process]</c> parameters; actions naming one <c>FairnessGroup</c> share their groups
/// (TLA+ <c>WF_vars(A \/ B)</c>, per process value: <c>WF_vars(A(p) \/ B(p))</c>). Both back ends number them here,
/// visiting the instances in the same order.
/// </summary>
internal sealed class FairnessGroups
{
    private readonly Dictionary<string, int> groups = new();

    /// <summary>The group of the instance of action number <paramref name="index"/> with these argument indexes.</summary>
    public int Of(int index, ActionShape action, int[] combination)
    {
        // Process values by value, not by parameter name, so A([Process] int p) and B([Process] int q) pair up.
        string owner = action.FairnessGroup is { } name ? "group " + name : "action " + index;
        string key = owner + "|" + string.Join("|", action.Domains.Select((d, i) => d.IsProcess ? d.Type.Format(d.Values[combination[i]]) : string.Empty));
        if (!groups.TryGetValue(key, out int group))
        {
            groups.Add(key, group = groups.Count);
        }

        return group;
    }
}
