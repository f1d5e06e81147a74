using System.Collections.Generic;
using System.Threading;

namespace MergeQueue.Analyzers.Engine;

/// <summary>
/// Builds the <see cref="ExploredGraph"/> of the first states after the search, when
/// <see cref="ExplorationOptions.GraphStates"/> asks for it: the search itself records nothing extra, so it costs
/// nothing when off. The first states are taken from the graph (rebuilt by replay in fingerprint mode), each is
/// stepped once more to find its successors among the explored states, and its invariants and dead end are checked
/// again so that every state where something fails is marked, not only the first one reported.
/// </summary>
internal static class GraphCapture
{
    internal static ExploredGraph Capture<TState>(IModel<TState> model, StateGraph<TState> graph, int maxStates, long maxStepsPerExecution)
    {
        // No cancellation here: the states are few, and a cancelled token must not turn steps into failures.
        var budget = new StepBudget(maxStepsPerExecution, CancellationToken.None);
        int count = maxStates < graph.Count ? maxStates : graph.Count;
        var states = new List<ExploredState>(count);
        var edges = new List<ExploredEdge>();
        var labels = new string?[model.ActionInstances.Count];
        for (int number = 0; number < count; number++)
        {
            TState state = graph.State(number);
            var values = new string[model.FieldNames.Count];
            for (int field = 0; field < values.Length; field++)
            {
                values[field] = model.FormatField(state, field);
            }

            var problems = new List<string>();
            foreach (PropertyInstance property in model.Properties)
            {
                if (property.Kind == PropertyKind.Invariant)
                {
                    PredicateOutcome outcome = model.Evaluate(state, property.Predicate, budget);
                    string name = model.Predicates[property.Predicate].Display;
                    if (outcome.Failure is not null)
                    {
                        problems.Add("invariant " + name + " fails");
                    }
                    else if (!outcome.Value)
                    {
                        problems.Add("invariant " + name + " is false");
                    }
                }
            }

            bool anyEnabled = false;
            int omitted = 0;
            for (int instance = 0; instance < labels.Length; instance++)
            {
                StepOutcome<TState> outcome = model.Step(state, instance, budget);
                if (outcome.Kind == StepOutcomeKind.Failed)
                {
                    problems.Add(Label(model, labels, instance) + " fails");
                }
                else if (outcome.Kind == StepOutcomeKind.Enabled)
                {
                    anyEnabled = true;
                    TState successor = outcome.Successor;
                    if (graph.TryKeyOf(successor, out ulong key) is not null)
                    {
                        problems.Add(Label(model, labels, instance) + " fails");
                        continue;
                    }

                    int target = graph.Find(successor, key);
                    if (target >= 0 && target < count)
                    {
                        edges.Add(new ExploredEdge(number, target, instance, Label(model, labels, instance)));
                    }
                    else
                    {
                        omitted++;
                    }
                }
            }

            if (!anyEnabled && model.CheckStuck && !TerminalHolds(model, state, budget, problems))
            {
                problems.Add("stuck");
            }

            states.Add(new ExploredState(number, graph.Depth(number), values, problems, omitted));
        }

        return new ExploredGraph(model.Name, model.FieldNames, states, edges, graph.Count);
    }

    private static bool TerminalHolds<TState>(IModel<TState> model, TState state, StepBudget budget, List<string> problems)
    {
        foreach (PropertyInstance property in model.Properties)
        {
            if (property.Kind == PropertyKind.Terminal)
            {
                PredicateOutcome outcome = model.Evaluate(state, property.Predicate, budget);
                if (outcome.Failure is not null)
                {
                    problems.Add("[Terminal] " + model.Predicates[property.Predicate].Display + " fails");
                }
                else if (outcome.Value)
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static string Label<TState>(IModel<TState> model, string?[] labels, int instance) =>
        labels[instance] ??= model.ActionInstances[instance].Display(model.Actions);
}
