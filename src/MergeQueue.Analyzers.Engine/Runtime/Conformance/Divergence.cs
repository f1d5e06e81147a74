using System;
using System.Collections.Generic;
using System.Text;

namespace MergeQueue.Analyzers.Engine.Runtime.Conformance;

/// <summary>How an implementation left the model, and on which path of the explored graph.</summary>
internal sealed class Divergence
{
    private Divergence(DivergenceKind kind, List<int> path, List<int> instances, string detail, string? implementation)
    {
        Kind = kind;
        Path = path;
        Instances = instances;
        Detail = detail;
        Implementation = implementation;
    }

    internal DivergenceKind Kind { get; }

    /// <summary>The model's states from the initial one; for <see cref="DivergenceKind.Accepted"/>, up to the state the step was tried in.</summary>
    internal List<int> Path { get; }

    /// <summary>The action instance into each state of <see cref="Path"/> (-1 for the initial state), then the step tried, if it has no state.</summary>
    internal List<int> Instances { get; }

    /// <summary>The exception, or the reason the model refuses the step.</summary>
    internal string Detail { get; }

    /// <summary>What the driver says its implementation holds, when it says.</summary>
    internal string? Implementation { get; }

    /// <summary>The step that diverged: the number of steps on the path that shows it.</summary>
    internal int Steps => Instances.Count - 1;

    internal static Divergence Refused(List<int> path, List<int> instances, Exception refused) =>
        new(DivergenceKind.Refused, path, new List<int>(instances), ExceptionText(refused), null);

    internal static Divergence Mismatch(List<int> path, List<int> instances, string? implementation) =>
        new(DivergenceKind.Mismatch, path, new List<int>(instances), string.Empty, implementation);

    internal static Divergence MatchesThrew(List<int> path, List<int> instances, Exception thrown) =>
        new(DivergenceKind.MatchesThrew, path, new List<int>(instances), ExceptionText(thrown), null);

    internal static Divergence Accepted(List<int> path, List<int> instances, string reason, string? implementation) =>
        new(DivergenceKind.Accepted, path, new List<int>(instances), reason, implementation);

    internal static Divergence NoInitialMatch(List<int> path, int initialStates, string? implementation) =>
        new(DivergenceKind.NoInitialMatch, path, new List<int> { -1 }, initialStates.ToString(System.Globalization.CultureInfo.InvariantCulture), implementation);

    /// <summary>The path as a trace, ending with what diverged.</summary>
    internal Trace ToTrace<TState>(IModel<TState> model, StateGraph<TState> graph, StepBudget budget)
    {
        var builder = new TraceBuilder<TState>(model, graph, budget);
        var epilogue = new List<string>();
        string last = Steps > 0 ? builder.Label(Instances[Instances.Count - 1]) : ReportText.InitialStateLabel;
        switch (Kind)
        {
            case DivergenceKind.Refused:
                epilogue.Add(ConformanceText.Refused(last, Detail));
                break;
            case DivergenceKind.Mismatch:
                epilogue.Add(ConformanceText.Mismatch(StateText(model, graph.State(Path[Path.Count - 1]))));
                break;
            case DivergenceKind.MatchesThrew:
                epilogue.Add(ConformanceText.MatchesThrew(Detail));
                break;
            case DivergenceKind.Accepted:
                epilogue.Add(ConformanceText.Accepted(Steps, last, Detail));
                break;
            case DivergenceKind.NoInitialMatch:
                epilogue.Add(ConformanceText.NoInitialMatch(Detail));
                break;
            default:
                throw new InvalidOperationException("Unexpected divergence kind " + Kind + ".");
        }

        if (Implementation is not null)
        {
            epilogue.Add(ConformanceText.ImplementationHolds(Implementation));
        }

        var stepped = Kind == DivergenceKind.Accepted ? Instances.GetRange(0, Path.Count) : Instances;
        return builder.Build(Path, stepped, null, false, epilogue);
    }

    /// <summary>Every field of a state, as step 0 of a trace shows them.</summary>
    internal static string StateText<TState>(IModel<TState> model, TState state)
    {
        var text = new StringBuilder();
        for (int field = 0; field < model.FieldNames.Count; field++)
        {
            text.Append(field == 0 ? string.Empty : ", ").Append(model.FieldNames[field]).Append(" = ").Append(model.FormatField(state, field));
        }

        return text.ToString();
    }

    internal static string ExceptionText(Exception exception)
    {
        string message = exception.Message;
        int end = message.IndexOfAny(new[] { '\r', '\n' });
        return exception.GetType().Name + ": " + (end < 0 ? message : message.Substring(0, end));
    }
}
