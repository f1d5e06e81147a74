using System.Collections.Generic;

namespace MergeQueue.Analyzers.Engine;

/// <summary>
/// The end of a liveness trace that stays in its last state forever: why fairness does not make the behavior move.
/// Either nothing is enabled, or every enabled action is unfair (<c>Fairness.None</c>) or only steps back to the
/// same state, which under <c>WF_vars</c>/<c>SF_vars</c> do not count as enabled.
/// </summary>
internal static class StayExplanation
{
    internal static List<string> Explain<TState>(IModel<TState> model, StateGraph<TState> graph, int state)
    {
        graph.Successors(state, out int first, out int end);
        if (first == end)
        {
            return new List<string> { ReportText.NoActionEnabledHere };
        }

        // Per action: 0 = not enabled here, 1 = enabled with steps back to this state only, 2 = a changing step.
        var enabled = new int[model.Actions.Count];
        for (int edge = first; edge < end; edge++)
        {
            int action = model.ActionInstances[graph.EdgeInstance(edge)].Action;
            int kind = graph.EdgeTarget(edge) == state ? 1 : 2;
            if (kind > enabled[action])
            {
                enabled[action] = kind;
            }
        }

        var lines = new List<string> { ReportText.NoFairActionEnabledHere };
        for (int action = 0; action < enabled.Length; action++)
        {
            if (enabled[action] == 2)
            {
                lines.Add(ReportText.UnfairActionHere(model.Actions[action].Name));
            }
            else if (enabled[action] == 1)
            {
                lines.Add(ReportText.UnchangingActionHere(model.Actions[action].Name));
            }
        }

        return lines;
    }
}
