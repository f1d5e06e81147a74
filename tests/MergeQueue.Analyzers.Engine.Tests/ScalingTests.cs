using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using MergeQueue.Analyzers.Engine.Tests.Models;
using Xunit;

namespace MergeQueue.Analyzers.Engine.Tests;

/// <summary>
/// Workers, fingerprints and progress change how the engine runs, never what it finds: the same states, the same
/// shortest traces, the same violations in the same order, the same report text (but for the time it took).
/// </summary>
public class ScalingTests
{
    public static IEnumerable<object[]> Models() => new[]
    {
        new object[] { "ordered queue of 5: stuck, liveness violated" },
        new object[] { "naive queue of 4: sanity liveness violated" },
        new object[] { "fixed queue of 5: passes" },
        new object[] { "locks: stuck" },
        new object[] { "lossy channel: leads-to violated" },
        new object[] { "fragile: failures" },
    };

    [Theory]
    [MemberData(nameof(Models))]
    public void Two_or_three_workers_give_the_report_of_one(string name)
    {
        string one = WithoutTime(Explore(name, new ExplorationOptions { Workers = 1 }).Report);

        Assert.Equal(one, WithoutTime(Explore(name, new ExplorationOptions { Workers = 2 }).Report));
        Assert.Equal(one, WithoutTime(Explore(name, new ExplorationOptions { Workers = 3 }).Report));
    }

    // The queues of four have no level of 4,096 states, the size always shared out; with each state costing tens of
    // microseconds their levels are still shared, and the results (the ordered queue's stuck state included) must not
    // change.
    [Theory]
    [InlineData((int)QueueVersion.Fixed, (int)QueueGoal.AllDone)]
    [InlineData((int)QueueVersion.Ordered, (int)QueueGoal.AllDone)]
    public void Small_levels_of_costly_states_are_shared_out_and_give_the_report_of_one_worker(int versionNumber, int goalNumber)
    {
        var model = new HookedModel(new MergeQueueModel((QueueVersion)versionNumber, 4, (QueueGoal)goalNumber), _ => { }, CostTwentyMicroseconds);
        string one = WithoutTime(Explorer.Explore(model, new ExplorationOptions { Workers = 1 }).Report);

        Assert.Equal(one, WithoutTime(Explorer.Explore(model, new ExplorationOptions { Workers = 2 }).Report));
        Assert.Equal(one, WithoutTime(Explorer.Explore(model, new ExplorationOptions { Workers = 3 }).Report));

        var options = new ExplorationOptions { Workers = 2 };
        var graph = new StateGraph<long>(model, fingerprintsOnly: false, recordEdges: false, new StepBudget(options.MaxStepsPerExecution, default), options.Workers);
        var search = new BreadthFirstSearch<long>(model, options, graph, System.Diagnostics.Stopwatch.StartNew());
        search.Run();
        int deepest = graph.Depth(graph.Count - 1);
        Assert.All(Enumerable.Range(0, deepest + 1), depth => Assert.InRange(graph.LevelEnd(depth) - (depth == 0 ? 0 : graph.LevelEnd(depth - 1)), 1, 4095));
        Assert.True(search.SharedBatches > 0);
    }

    // Each evaluation of a property costs 20 microseconds more.
    private static void CostTwentyMicroseconds()
    {
        long until = System.Diagnostics.Stopwatch.GetTimestamp() + System.Diagnostics.Stopwatch.Frequency / 50_000;
        while (System.Diagnostics.Stopwatch.GetTimestamp() < until)
        {
        }
    }

    // With a liveness property the table keeps state numbers (the graph's edges need them); safety-only it keeps
    // fingerprints alone.
    [Theory]
    [InlineData((int)QueueVersion.Ordered, 4, (int)QueueGoal.AllDone, 2)]
    [InlineData((int)QueueVersion.Naive, 4, (int)QueueGoal.AllValidated, 2)]
    [InlineData((int)QueueVersion.Fixed, 5, (int)QueueGoal.None, 2)]
    [InlineData((int)QueueVersion.Ordered, 4, (int)QueueGoal.None, 1)]
    [InlineData((int)QueueVersion.Fixed, 5, (int)QueueGoal.None, 1)]
    public void Fingerprints_give_the_counts_and_traces_of_exact_states(int versionNumber, int prs, int goalNumber, int workers)
    {
        var version = (QueueVersion)versionNumber;
        var goal = (QueueGoal)goalNumber;
        ExplorationResult exact = Explorer.Explore(new MergeQueueModel(version, prs, goal));
        ExplorationResult fingerprints = Explorer.Explore(new MergeQueueModel(version, prs, goal), new ExplorationOptions { FingerprintsOnly = true, Workers = workers });

        Assert.Equal(exact.DistinctStates, fingerprints.DistinctStates);
        Assert.Equal(exact.Transitions, fingerprints.Transitions);
        Assert.Equal(exact.Depth, fingerprints.Depth);
        Assert.Equal(exact.Violations.Select(v => v.Message), fingerprints.Violations.Select(v => v.Message));
        Assert.Equal(exact.Violations.Select(v => v.Kind), fingerprints.Violations.Select(v => v.Kind));
        string exactReport = WithoutTime(exact.Report);
        Assert.StartsWith(exactReport, WithoutTime(fingerprints.Report));
    }

    [Fact]
    public void Fingerprint_mode_reports_the_collision_probability_and_exact_mode_does_not()
    {
        ExplorationResult exact = Explorer.Explore(new MergeQueueModel(QueueVersion.Fixed, 4, QueueGoal.None));
        ExplorationResult fingerprints = Explorer.Explore(
            new MergeQueueModel(QueueVersion.Fixed, 4, QueueGoal.None), new ExplorationOptions { FingerprintsOnly = true });

        Assert.Null(exact.CollisionProbability);
        Assert.DoesNotContain("collision", exact.StatisticsMessage);

        // TLC's optimistic estimate for n states and 64-bit fingerprints: n^2 / 2^65.
        double n = fingerprints.DistinctStates;
        Assert.Equal(n * n / Math.Pow(2, 65), fingerprints.CollisionProbability!.Value, 12);
        Assert.Matches(@"^'FixedQueue': [\d,]+ distinct states, [\d,]+ transitions, depth 12, [\d,]+ ms; fingerprints only, collision probability \d(\.\d+)?E-\d+$", fingerprints.StatisticsMessage);
        Assert.EndsWith(fingerprints.StatisticsMessage, fingerprints.Report);
    }

    [Fact]
    public void Model_without_a_64_bit_hash_is_explored_exactly_even_when_fingerprints_are_asked_for()
    {
        ExplorationResult result = Explorer.Explore(Toys.Locks(), new ExplorationOptions { FingerprintsOnly = true });

        Assert.Null(result.CollisionProbability);
        Assert.Equal(WithoutTime(Explorer.Explore(Toys.Locks()).Report), WithoutTime(result.Report));
    }

    [Theory]
    [InlineData(50_000, 0)]
    [InlineData(187_272, 0)]
    [InlineData(0, 9)]
    [InlineData(100_000, 11)]
    public void Workers_stop_at_the_bounds_where_one_worker_does(int maxStates, int maxDepth)
    {
        ExplorationOptions Options(int workers, bool fingerprints) =>
            new() { MaxStates = maxStates, MaxDepth = maxDepth, Workers = workers, FingerprintsOnly = fingerprints };
        var model = new MergeQueueModel(QueueVersion.Fixed, 5, QueueGoal.AllDone);
        ExplorationResult one = Explorer.Explore(model, Options(1, false));

        foreach (int workers in new[] { 2, 3 })
        {
            ExplorationResult many = Explorer.Explore(model, Options(workers, false));
            Assert.Equal(one.StoppedBy, many.StoppedBy);
            Assert.Equal(WithoutTime(one.Report), WithoutTime(many.Report));
            Assert.Equal(one.DistinctStates, Explorer.Explore(model, Options(workers, true)).DistinctStates);
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Colliding_hashes_never_merge_states_in_exact_mode(int workers)
    {
        var model = new CollidingModel(new MergeQueueModel(QueueVersion.Fixed, 5, QueueGoal.AllDone));

        ExplorationResult result = Explorer.Explore(model, new ExplorationOptions { Workers = workers });

        Assert.Equal(
            WithoutTime(Explorer.Explore(new MergeQueueModel(QueueVersion.Fixed, 5, QueueGoal.AllDone)).Report),
            WithoutTime(result.Report));
    }

    [Fact]
    public void Progress_reports_monotone_counts_ending_with_the_result()
    {
        var reports = new List<ExplorationProgress>();
        var options = new ExplorationOptions { Workers = 2, Progress = new Recorder(reports) };

        ExplorationResult result = Explorer.Explore(new MergeQueueModel(QueueVersion.Fixed, 5, QueueGoal.None), options);

        Assert.NotEmpty(reports);
        for (int i = 1; i < reports.Count; i++)
        {
            Assert.True(reports[i].DistinctStates >= reports[i - 1].DistinctStates);
            Assert.True(reports[i].Depth >= reports[i - 1].Depth);
            Assert.True(reports[i].Elapsed >= reports[i - 1].Elapsed);
        }

        Assert.Equal(result.DistinctStates, reports[^1].DistinctStates);
        Assert.Equal(result.Depth, reports[^1].Depth);
        Assert.True(reports[^1].StatesPerSecond > 0);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Cancellation_stops_a_search_with_workers(bool modelThrows)
    {
        using var cancellation = new CancellationTokenSource();
        var model = new HookedModel(new MergeQueueModel(QueueVersion.Fixed, 5, QueueGoal.None), steps =>
        {
            // At the 200,000th step, from whichever worker takes it: cancel, and then throw if asked.
            if (steps >= 200_000)
            {
                cancellation.Cancel();
                if (modelThrows)
                {
                    cancellation.Token.ThrowIfCancellationRequested();
                }
            }
        });

        ExplorationResult result = Explorer.Explore(model, new ExplorationOptions { Workers = 2, CancellationToken = cancellation.Token });

        Assert.Equal(ExplorationBound.Cancelled, result.StoppedBy);
        Assert.Empty(result.Violations);
        Assert.InRange(result.DistinctStates, 2, 187_271);
    }

    private static ExplorationResult Explore(string name, ExplorationOptions options) => name.Split(':')[0] switch
    {
        "ordered queue of 5" => Explorer.Explore(new MergeQueueModel(QueueVersion.Ordered, 5, QueueGoal.AllDone), options),
        "naive queue of 4" => Explorer.Explore(new MergeQueueModel(QueueVersion.Naive, 4, QueueGoal.AllValidated), options),
        "fixed queue of 5" => Explorer.Explore(new MergeQueueModel(QueueVersion.Fixed, 5, QueueGoal.AllDone), options),
        "locks" => Explorer.Explore(Toys.Locks(), options),
        "lossy channel" => Explorer.Explore(LivenessToys.LossyChannel(), options),
        _ => Explorer.Explore(Toys.Fragile(), options),
    };

    /// <summary>The report without the one thing that may differ between runs: the milliseconds.</summary>
    private static string WithoutTime(string report) => Regex.Replace(report, @", [\d,]+ ms", ", _ ms");

    private sealed class Recorder : IProgress<ExplorationProgress>
    {
        private readonly List<ExplorationProgress> reports;

        public Recorder(List<ExplorationProgress> reports) => this.reports = reports;

        public void Report(ExplorationProgress value) => reports.Add(value);
    }

    /// <summary>The merge queue with a comparer whose hash ignores the state's lowest bits, so that many keys collide.</summary>
    private sealed class CollidingModel : IModel<long>
    {
        private readonly MergeQueueModel inner;

        public CollidingModel(MergeQueueModel inner) => this.inner = inner;

        public string Name => inner.Name;

        public IReadOnlyList<string> FieldNames => inner.FieldNames;

        public IReadOnlyList<ActionInfo> Actions => inner.Actions;

        public IReadOnlyList<ActionInstance> ActionInstances => inner.ActionInstances;

        public IReadOnlyList<PredicateInstance> Predicates => inner.Predicates;

        public IReadOnlyList<PropertyInstance> Properties => inner.Properties;

        public IEqualityComparer<long> StateComparer { get; } = new CoarseComparer();

        public IReadOnlyList<InitialInstance> InitialInstances => inner.InitialInstances;

        public bool CheckStuck => inner.CheckStuck;

        public StepOutcome<long> CreateInitialState(int initialInstance, StepBudget budget) => inner.CreateInitialState(initialInstance, budget);

        public PredicateOutcome EvaluateStep(long before, long after, int predicate, StepBudget budget) => inner.EvaluateStep(before, after, predicate, budget);

        public StepOutcome<long> Step(long state, int actionInstance, StepBudget budget) => inner.Step(state, actionInstance, budget);

        public PredicateOutcome Evaluate(long state, int predicate, StepBudget budget) => inner.Evaluate(state, predicate, budget);

        public string FormatField(long state, int field) => inner.FormatField(state, field);

        private sealed class CoarseComparer : IEqualityComparer<long>
        {
            public bool Equals(long x, long y) => x == y;

            public int GetHashCode(long obj) => (obj >> 3).GetHashCode();
        }
    }
}
