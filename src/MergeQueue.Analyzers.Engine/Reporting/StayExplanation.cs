using System;
using System.Collections.Generic;

namespace MergeQueue.Analyzers.Engine;

/// <summary>
/// The end of a liveness trace that stays in its last state forever: why fairness does not make the behavior move.
/// Either nothing is enabled, or every enabled action is unfair (<c>Fairness.None</c>) or only steps back to the
/// same state, which under <c>WF_vars</c>/<c>SF_vars</c> do not count as enabled.
/// </summary>
/// <remarks>
/// The liveness graph holds the state-changing steps; the steps back to the same state, which it leaves out, are
/// found again by stepping the state once more (it was recorded, so it is within the constraints, and so is a step
/// back to it).
/// </remarks>
internal static class StayExplanation
{
    internal static List<string> Explain<TState>(IModel<TState> model, StateGraph<TState> graph, LivenessGraph liveness, int state, StepBudget budget)
    {
        // Per action: 0 = not enabled here, 1 = enabled with steps back to this state only, 2 = a changing step.
        var enabled = new int[model.Actions.Count];
        bool any = false;
        for (int edge = liveness.EdgeStart[state]; edge < liveness.EdgeStart[state + 1]; edge++)
        {
            enabled[model.ActionInstances[liveness.Instance(edge)].Action] = 2;
            any = true;
        }

        TState current = graph.State(state);
        for (int instance = 0; instance < model.ActionInstances.Count; instance++)
        {
            int action = model.ActionInstances[instance].Action;
            StepOutcome<TState> outcome = model.Step(current, instance, budget);
            if (outcome.Kind == StepOutcomeKind.Enabled && graph.Same(outcome.Successor, current))
            {
                enabled[action] = Math.Max(enabled[action], 1);
                any = true;
            }
        }

        if (!any)
        {
            return new List<string> { ReportText.NoActionEnabledHere };
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
