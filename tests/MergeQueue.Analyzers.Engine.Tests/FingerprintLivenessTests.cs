using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using MergeQueue.Analyzers.Engine.Tests.Models;
using Xunit;

namespace MergeQueue.Analyzers.Engine.Tests;

/// <summary>
/// Fingerprint mode's liveness search runs without the fingerprint table, on steps recorded by their targets' keys in
/// temporary files and edges kept in a file: it reports what exact mode reports, counterexamples included, and its files
/// are gone when the search ends, however it ends.
/// </summary>
public sealed class FingerprintLivenessTests : IDisposable
{
    // A directory of the test's own, so that "no file is left" means no file of this search.
    private readonly string directory = Path.Combine(Path.GetTempPath(), "mergequeue-test-" + Guid.NewGuid().ToString("N"));

    public FingerprintLivenessTests() => Directory.CreateDirectory(directory);

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [Theory]
    [InlineData((int)QueueVersion.Naive, 3, (int)QueueGoal.AllValidated, 1)]
    [InlineData((int)QueueVersion.CiFailures, 3, (int)QueueGoal.AllMerged, 1)]
    [InlineData((int)QueueVersion.Ordered, 4, (int)QueueGoal.AllDone, 1)]
    [InlineData((int)QueueVersion.Ordered, 4, (int)QueueGoal.AllDone, 2)]
    [InlineData((int)QueueVersion.Fixed, 5, (int)QueueGoal.AllDone, 1)]
    [InlineData((int)QueueVersion.Fixed, 5, (int)QueueGoal.AllValidated, 2)]
    public void Liveness_in_fingerprint_mode_reports_what_exact_mode_reports(int versionNumber, int prs, int goalNumber, int workers)
    {
        var model = new MergeQueueModel((QueueVersion)versionNumber, prs, (QueueGoal)goalNumber);
        ExplorationResult exact = Explorer.Explore(model, new ExplorationOptions { Workers = workers });
        ExplorationResult fingerprints = Explorer.Explore(model, Fingerprints(workers));

        Assert.NotNull(fingerprints.CollisionProbability);
        Assert.Equal(exact.DistinctStates, fingerprints.DistinctStates);
        Assert.Equal(exact.StoppedBy, fingerprints.StoppedBy);
        Assert.Equal(exact.Violations.Select(v => v.Message), fingerprints.Violations.Select(v => v.Message));
        Assert.Empty(Directory.GetFiles(directory));
    }

    [Fact]
    public void Fair_cycles_stays_and_leads_to_give_the_counterexamples_of_exact_mode()
    {
        static ulong Pair(bool one, bool other) => (one ? 1UL : 0) | (other ? 2UL : 0);
        var models = new List<(string Name, Func<ExplorationOptions, ExplorationResult> Explore)>
        {
            ("Crossing weak", o => Explorer.Explore(new HashedModel<(bool, bool)>(LivenessToys.Crossing(ActionFairness.Weak), s => Pair(s.Item1, s.Item2)), o)),
            ("Crossing strong", o => Explorer.Explore(new HashedModel<(bool, bool)>(LivenessToys.Crossing(ActionFairness.Strong), s => Pair(s.Item1, s.Item2)), o)),
            ("Crossing unfair", o => Explorer.Explore(new HashedModel<(bool, bool)>(LivenessToys.Crossing(ActionFairness.None), s => Pair(s.Item1, s.Item2)), o)),
            ("Workers", o => Explorer.Explore(new HashedModel<(int, bool)>(LivenessToys.Workers(perProcess: false), s => ((ulong)s.Item1 << 1) | Pair(s.Item2, false)), o)),
            ("Workers per process", o => Explorer.Explore(new HashedModel<(int, bool)>(LivenessToys.Workers(perProcess: true), s => ((ulong)s.Item1 << 1) | Pair(s.Item2, false)), o)),
            ("LossyChannel", o => Explorer.Explore(new HashedModel<(int, int, bool)>(LivenessToys.LossyChannel(), s => ((ulong)s.Item1 << 8) | ((ulong)s.Item2 << 1) | Pair(s.Item3, false)), o)),
            ("Escape", o => Explorer.Explore(new HashedModel<int>(LivenessToys.Escape(ActionFairness.Weak, withBack: true), x => (ulong)x), o)),
        };

        int violated = 0;
        foreach (var (name, explore) in models)
        {
            ExplorationResult exact = explore(new ExplorationOptions());
            ExplorationResult fingerprints = explore(Fingerprints(1));

            Assert.NotNull(fingerprints.CollisionProbability);
            Assert.True(exact.Violations.Select(v => v.Message).SequenceEqual(fingerprints.Violations.Select(v => v.Message)), name);
            violated += exact.Violations.Count(v => v.Kind == ViolationKind.LivenessViolated);
        }

        // Crossing unfair, both Workers and LossyChannel's message 1 fail (the toys' own tests say why).
        Assert.True(violated >= 4);
        Assert.Empty(Directory.GetFiles(directory));
    }

    [Fact]
    public void The_liveness_search_and_its_traces_need_no_state_table()
    {
        var model = new MergeQueueModel(QueueVersion.CiFailures, 3, QueueGoal.AllMerged);
        var budget = new StepBudget(100_000, default);
        using var graph = new StateGraph<long>(model, fingerprintsOnly: true, recordEdges: true, budget, filesIn: directory);
        var search = new BreadthFirstSearch<long>(model, new ExplorationOptions(), graph, Stopwatch.StartNew());
        Assert.Equal(ExplorationBound.None, search.Run());

        graph.ReleaseTable();
        var liveness = new LivenessChecker<long>(
            model, graph, new ViolationBuilder<long>(model, graph, budget), budget, new SearchDeadline(null, Stopwatch.StartNew(), default), search.IsNewPredicateFailure);
        Assert.Equal(ExplorationBound.None, liveness.Run());

        Assert.False(graph.HoldsTable);
        Violation expected = Explorer.Explore(model).Violations.Single(v => v.Kind == ViolationKind.LivenessViolated);
        Assert.Equal(expected.Message, Assert.Single(liveness.Violations).Message);
    }

    [Fact]
    public void A_table_that_must_find_numbers_for_a_picture_of_the_graph_is_kept()
    {
        var model = new MergeQueueModel(QueueVersion.CiFailures, 3, QueueGoal.AllMerged);
        using var graph = new StateGraph<long>(model, fingerprintsOnly: true, recordEdges: true, new StepBudget(100_000, default), findNumbers: true);

        graph.ReleaseTable();

        Assert.True(graph.HoldsTable);
    }

    [Fact]
    public void The_files_are_in_the_directory_while_the_search_runs_and_gone_when_it_ends()
    {
        var seen = new HashSet<string>();
        var model = new HookedModel(
            new MergeQueueModel(QueueVersion.Fixed, 5, QueueGoal.AllDone),
            steps => { if (steps % 10_000 == 0) seen.UnionWith(FileNames()); },
            () => seen.UnionWith(FileNames()));

        ExplorationResult result = Explorer.Explore(model, Fingerprints(1));

        // The breadth-first search logs the states' keys and the steps; the liveness search keeps its edges.
        Assert.True(result.Complete);
        Assert.Contains(seen, name => name.StartsWith("mergequeue-keys-", StringComparison.Ordinal));
        Assert.Contains(seen, name => name.StartsWith("mergequeue-steps-", StringComparison.Ordinal));
        Assert.Contains(seen, name => name.StartsWith("mergequeue-edges-", StringComparison.Ordinal));
        Assert.Empty(Directory.GetFiles(directory));
    }

    [Fact]
    public void The_files_are_gone_when_the_search_is_cancelled_during_the_liveness_search()
    {
        using var cancellation = new CancellationTokenSource();
        bool cancelledThere = false;
        var model = new HookedModel(new MergeQueueModel(QueueVersion.Fixed, 5, QueueGoal.AllDone), _ => { }, () =>
        {
            if (!cancelledThere && InLivenessSearch())
            {
                cancelledThere = true;
                cancellation.Cancel();
            }
        });
        ExplorationOptions options = Fingerprints(1);
        options.CancellationToken = cancellation.Token;

        ExplorationResult result = Explorer.Explore(model, options);

        Assert.True(cancelledThere);
        Assert.Equal(ExplorationBound.Cancelled, result.StoppedBy);
        Assert.Empty(Directory.GetFiles(directory));
    }

    [Fact]
    public void The_files_are_gone_when_the_model_throws_during_the_liveness_search()
    {
        bool thrownThere = false;
        var model = new HookedModel(new MergeQueueModel(QueueVersion.Fixed, 5, QueueGoal.AllDone), _ => { }, () =>
        {
            if (InLivenessSearch())
            {
                thrownThere = true;
                throw new InvalidOperationException("the host failed");
            }
        });

        Assert.Throws<InvalidOperationException>(() => Explorer.Explore(model, Fingerprints(1)));

        Assert.True(thrownThere);
        Assert.Empty(Directory.GetFiles(directory));
    }

    [Fact]
    public void The_files_are_gone_when_a_bound_stops_the_search_before_the_liveness_search()
    {
        ExplorationOptions options = Fingerprints(2);
        options.MaxStates = 100_000;

        ExplorationResult result = Explorer.Explore(new MergeQueueModel(QueueVersion.Fixed, 5, QueueGoal.AllDone), options);

        Assert.Equal(ExplorationBound.MaxStates, result.StoppedBy);
        Assert.Empty(Directory.GetFiles(directory));
    }

    [Fact]
    public void Without_a_directory_to_write_to_everything_stays_in_memory_with_the_same_result()
    {
        var model = new MergeQueueModel(QueueVersion.Fixed, 5, QueueGoal.AllValidated);
        string missing = Path.Combine(directory, "missing");
        ExplorationOptions options = Fingerprints(1);
        options.TemporaryDirectory = missing;

        ExplorationResult inMemory = Explorer.Explore(model, options);
        ExplorationResult inFiles = Explorer.Explore(model, Fingerprints(1));

        Assert.False(Directory.Exists(missing));
        Assert.Equal(inFiles.DistinctStates, inMemory.DistinctStates);
        Assert.Equal(inFiles.Violations.Select(v => v.Message), inMemory.Violations.Select(v => v.Message));
        Assert.Contains(inMemory.Violations, v => v.Kind == ViolationKind.LivenessViolated);
    }

    private ExplorationOptions Fingerprints(int workers) =>
        new() { FingerprintsOnly = true, Workers = workers, TemporaryDirectory = directory };

    private IEnumerable<string> FileNames() => Directory.GetFiles(directory).Select(Path.GetFileName)!;

    // The liveness graph's edges are in a file only once the breadth-first search is over.
    private bool InLivenessSearch() => Directory.GetFiles(directory, "mergequeue-edges-*").Length > 0;
}
