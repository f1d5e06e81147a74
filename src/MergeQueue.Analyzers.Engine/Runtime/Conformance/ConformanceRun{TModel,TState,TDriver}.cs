using System;
using System.Collections.Generic;
using System.Diagnostics;

namespace MergeQueue.Analyzers.Engine.Runtime.Conformance;

/// <summary>
/// Model-based testing of an implementation: explores the model, then drives a fresh implementation along the shortest
/// path to each transition's source and through the transition, checking after every step that the implementation
/// accepted it and matches the model's state. Paths are driven shortest first, and the set of paths is closed under
/// prefixes (a prefix of a shortest path is one), so the first divergence found is at the end of its path and no
/// shorter path diverges (for an implementation that is deterministic).
/// </summary>
internal sealed class ConformanceRun<TModel, TState, TDriver>
    where TModel : class
{
    private readonly ModelAdapter<TModel, TState> adapter;
    private readonly IModel<TState> model;
    private readonly Func<TDriver> newDriver;
    private readonly Action<TDriver, int> perform;
    private readonly Func<TDriver, TModel, bool> matches;
    private readonly ConformanceOptions options;
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private readonly StepBudget budget;
    private StateGraph<TState> graph = null!;
    private long stepsDriven;

    internal ConformanceRun(ModelAdapter<TModel, TState> adapter, Func<TDriver> newDriver, Action<TDriver, int> perform, Func<TDriver, TModel, bool> matches, ConformanceOptions? options)
    {
        this.adapter = adapter;
        model = adapter as IModel<TState> ?? throw new ArgumentException("The adapter is not a model.", nameof(adapter));
        this.newDriver = newDriver ?? throw new ArgumentNullException(nameof(newDriver));
        this.perform = perform;
        this.matches = matches;
        this.options = options ?? new ConformanceOptions();
        budget = new StepBudget(100_000, this.options.CancellationToken);
    }

    internal ConformanceResult Run()
    {
        var exploration = new ExplorationOptions { MaxDepth = options.MaxDepth, Timeout = options.Timeout, CancellationToken = options.CancellationToken };
        if (options.MaxStates > 0)
        {
            exploration.MaxStates = options.MaxStates;
        }

        graph = GraphExploration.Explore(model, exploration, clock, out ExplorationBound stoppedBy);
        long transitions = 0;
        for (int state = 0; state < graph.ExpandedCount; state++)
        {
            graph.Successors(state, out int first, out int end);
            transitions += end - first;
        }

        long covered = 0;
        bool cut = stoppedBy != ExplorationBound.None;
        Divergence? divergence = null;
        var startsFrom = new bool[graph.InitialCount];
        for (int initial = 0; initial < graph.InitialCount && divergence is null; initial++)
        {
            TDriver driver = newDriver();
            startsFrom[initial] = TryMatches(driver, initial, out Exception? thrown);
            if (thrown is not null)
            {
                divergence = Divergence.MatchesThrew(Path(initial), new List<int> { -1 }, thrown);
            }
        }

        if (divergence is null && graph.Count > 0 && Array.IndexOf(startsFrom, true) < 0)
        {
            divergence = Divergence.NoInitialMatch(Path(0), graph.InitialCount, DescribeDriver(newDriver()));
        }

        for (int state = 0; state < graph.ExpandedCount && divergence is null; state++)
        {
            if (Stopped())
            {
                cut = true;
                break;
            }

            List<int> path = Path(state);
            if (!startsFrom[path[0]])
            {
                cut = true;
                continue;
            }

            graph.Successors(state, out int first, out int end);
            for (int edge = first; edge < end && divergence is null; edge++)
            {
                if (options.MaxTransitions > 0 && covered >= options.MaxTransitions)
                {
                    cut = true;
                    break;
                }

                divergence = Drive(path, graph.EdgeInstance(edge), graph.EdgeTarget(edge), null);
                covered += divergence is null ? 1 : 0;
            }

            if (options.CheckRefusals && divergence is null && !(options.MaxTransitions > 0 && covered >= options.MaxTransitions))
            {
                divergence = DriveRefusals(path);
            }
        }

        Trace? trace = divergence?.ToTrace(model, graph, budget);
        // A model with no initial state (its constructor throws or drops every combination) has nothing to drive.
        bool complete = !cut && covered == transitions && graph.Count > 0;
        string report = ConformanceText.Report(model.Name, divergence, trace, graph.Count, transitions, covered, stepsDriven, complete, stoppedBy, clock.Elapsed);
        return new ConformanceResult(complete, graph.Count, transitions, covered, stepsDriven, trace, report, clock.Elapsed);
    }

    private bool Stopped() =>
        options.CancellationToken.IsCancellationRequested || (options.Timeout is TimeSpan limit && clock.Elapsed > limit);

    /// <summary>Every step the model refuses in the last state of <paramref name="path"/> must be refused by the implementation.</summary>
    private Divergence? DriveRefusals(List<int> path)
    {
        TState state = graph.State(path[path.Count - 1]);
        for (int instance = 0; instance < model.ActionInstances.Count; instance++)
        {
            StepOutcome<TState> outcome = model.Step(state, instance, budget);
            if (outcome.Kind == StepOutcomeKind.Disabled && Drive(path, instance, -1, outcome.Reason!.Text) is { } divergence)
            {
                return divergence;
            }
        }

        return null;
    }

    /// <summary>
    /// Drives a fresh implementation along <paramref name="path"/>, then through <paramref name="instance"/>: to
    /// <paramref name="target"/>, or, when <paramref name="refusedBecause"/> is given, a step the model refuses.
    /// </summary>
    private Divergence? Drive(List<int> path, int instance, int target, string? refusedBecause)
    {
        TDriver driver = newDriver();
        var instances = new List<int> { -1 };
        for (int step = 1; step < path.Count; step++)
        {
            instances.Add(graph.ParentStep(path[step]));
            if (Take(driver, path.GetRange(0, step + 1), instances) is { } divergence)
            {
                return divergence;
            }
        }

        instances.Add(instance);
        if (refusedBecause is null)
        {
            var full = new List<int>(path) { target };
            return Take(driver, full, instances);
        }

        stepsDriven++;
        try
        {
            perform(driver, instance);
        }
        catch (Exception)
        {
            return null;
        }

        return Divergence.Accepted(path, instances, refusedBecause, DescribeDriver(driver));
    }

    /// <summary>Performs the last step of <paramref name="path"/> and compares the states.</summary>
    private Divergence? Take(TDriver driver, List<int> path, List<int> instances)
    {
        stepsDriven++;
        try
        {
            perform(driver, instances[instances.Count - 1]);
        }
        catch (Exception refused)
        {
            return Divergence.Refused(path, instances, refused);
        }

        int state = path[path.Count - 1];
        if (TryMatches(driver, state, out Exception? thrown))
        {
            return null;
        }

        return thrown is null
            ? Divergence.Mismatch(path, instances, DescribeDriver(driver))
            : Divergence.MatchesThrew(path, instances, thrown);
    }

    private bool TryMatches(TDriver driver, int state, out Exception? thrown)
    {
        thrown = null;
        try
        {
            return matches(driver, adapter.InstanceOf(graph.State(state)));
        }
        catch (Exception failure)
        {
            thrown = failure;
            return false;
        }
    }

    private List<int> Path(int state)
    {
        var path = new List<int>();
        for (int current = state; current >= 0; current = graph.Parent(current))
        {
            path.Add(current);
        }

        path.Reverse();
        return path;
    }

    // A driver that says what its implementation holds (it overrides ToString) is shown beside the model's state.
    private static string? DescribeDriver(TDriver driver)
    {
        if (driver is null)
        {
            return null;
        }

        string? text = driver.ToString();
        return text is null || text == driver.GetType().ToString() ? null : text;
    }
}
