using System.Collections.Generic;

namespace MergeQueue.Analyzers.Engine;

/// <summary>
/// The end of a stuck trace: for each action, why it is disabled in the last state. Instances that share a
/// reason share a line, so a guard false for the whole domain reads as one sentence.
/// </summary>
internal static class StuckExplanation
{
    internal static List<string> Explain<TState>(IModel<TState> model, TState state, StepBudget budget, bool hasTerminal)
    {
        var lines = new List<string> { ReportText.NoActionEnabled };
        for (int action = 0; action < model.Actions.Count; action++)
        {
            ExplainAction(model, state, budget, action, lines);
        }

        if (!hasTerminal)
        {
            lines.Add(ReportText.TerminalHint);
        }

        return lines;
    }

    private static void ExplainAction<TState>(IModel<TState> model, TState state, StepBudget budget, int action, List<string> lines)
    {
        // Reasons in order of first appearance, each with the instances that give it.
        var reasons = new List<string>();
        var instancesByReason = new List<List<ActionInstance>>();
        int instanceCount = 0;
        for (int i = 0; i < model.ActionInstances.Count; i++)
        {
            ActionInstance instance = model.ActionInstances[i];
            if (instance.Action != action)
            {
                continue;
            }

            instanceCount++;
            string reason = Reason(model.Step(state, i, budget), budget.MaxSteps);
            int group = reasons.IndexOf(reason);
            if (group < 0)
            {
                group = reasons.Count;
                reasons.Add(reason);
                instancesByReason.Add(new List<ActionInstance>());
            }

            instancesByReason[group].Add(instance);
        }

        if (reasons.Count == 1)
        {
            lines.Add("  " + model.Actions[action].Name + ": " + reasons[0] + ForEvery(instancesByReason[0][0], instanceCount));
            return;
        }

        for (int group = 0; group < reasons.Count; group++)
        {
            var labels = new List<string>();
            foreach (ActionInstance instance in instancesByReason[group])
            {
                labels.Add(instance.Display(model.Actions));
            }

            lines.Add("  " + string.Join(", ", labels) + ": " + reasons[group]);
        }
    }

    private static string Reason<TState>(StepOutcome<TState> outcome, long maxSteps) => outcome.Kind switch
    {
        StepOutcomeKind.Disabled => outcome.Reason?.Text ?? "not enabled",
        StepOutcomeKind.Failed => ReportText.FailureVerb(outcome.Failure!, maxSteps) + " (a step that fails is not enabled)",

        // Only a model that answers differently on a second run gets here; say so rather than hide it.
        _ => "enabled when run again (the model is not deterministic)",
    };

    /// <summary><c> for every p</c>, <c> for every p and passes</c>, or nothing for an action without parameters.</summary>
    private static string ForEvery(ActionInstance sample, int instanceCount)
    {
        if (sample.Arguments.Count == 0 || instanceCount < 2)
        {
            return instanceCount == 1 && sample.Arguments.Count > 0 ? " for " + string.Join(", ", sample.Arguments) : "";
        }

        var names = new List<string>();
        foreach (string argument in sample.Arguments)
        {
            int colon = argument.IndexOf(':');
            names.Add(colon > 0 ? argument.Substring(0, colon) : argument);
        }

        string last = names[names.Count - 1];
        names.RemoveAt(names.Count - 1);
        return " for every " + (names.Count == 0 ? last : string.Join(", ", names) + " and " + last);
    }
}
