extern alias EngineLibrary;

using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using MergeQueue.Analyzers.Tests.Generator;
using Xunit;
using EngineBound = EngineLibrary::MergeQueue.Analyzers.ExplorationBound;
using EngineOptions = EngineLibrary::MergeQueue.Analyzers.ExplorationOptions;
using EngineResult = EngineLibrary::MergeQueue.Analyzers.ExplorationResult;

namespace MergeQueue.Analyzers.Tests.Cluster;

/// <summary>
/// Issue 18: exploring on a cluster (<see cref="InProcessCluster"/>, 1 to 4 shards) finds what <c>Explore()</c> finds
/// on one machine: the same distinct states, transitions, depth, verdict, bound, violations (kind, property) and trace
/// lengths, whatever the shard count; the exact trace may differ among the shortest ones. A shard that fails or
/// loses its states ends the run as a cluster fault, never as a pass.
/// </summary>
public sealed class ClusterExplorationTests(ClusterExplorationTests.FixedQueueModel fixedQueue) : IClassFixture<ClusterExplorationTests.FixedQueueModel>
{
    // The models the agreement tests compare, but for those the generator keeps on the general path: their states are
    // instances of the class, not bytes, and the cluster refuses them (see the last test).
    private static readonly string[] GeneralPath = { "GuardFailuresGeneral", "GeneralRecord" };

    public static IEnumerable<object[]> EncodedModels() =>
        AgreementTests.Models().Where(m => !GeneralPath.Contains((string)m[1]));

    [Theory]
    [MemberData(nameof(EncodedModels))]
    public async Task On_one_to_four_shards_a_cluster_run_finds_what_Explore_finds(string typeName, string key)
    {
        using var model = GeneratedModel.Load(typeName, AgreementTests.Sources(key));
        var expected = model.Explore(new EngineOptions());
        for (int shards = 1; shards <= 4; shards++)
        {
            var cluster = new InProcessCluster(shards);
            var actual = await model.ExploreAsync(new EngineOptions { Cluster = cluster });

            AssertSame(expected, actual);

            // The run's close let every shard drop its data.
            Assert.Equal(0, cluster.Hosts);
        }
    }

    // Twins that explore in well under a second, two of them (TokenRingSmall, Prisoner) with readonly fields each
    // initial state sets its own way: the whole small corpus takes a minute and a half here, the run of Explore()
    // dominating (the Orleans tests run all of it).
    [Theory]
    [InlineData("Barriers/Barrier")]
    [InlineData("Ewd426/TokenRingSmall")]
    [InlineData("FiniteMonotonic/MCReplicatedLog")]
    [InlineData("GlowingRaccoon/Clean")]
    [InlineData("MissionariesAndCannibals/MissionariesAndCannibals")]
    [InlineData("Moving_Cat_Puzzle/CatEvenBoxes")]
    [InlineData("Prisoners_Single_Switch/Prisoner")]
    [InlineData("SpanningTree/SpanTree")]
    [InlineData("SpecifyingSystems.AsynchronousInterface/Channel")]
    [InlineData("SpecifyingSystems.HourClock/HourClock")]
    [InlineData("TowerOfHanoi/Hanoi")]
    [InlineData("YoYo/MCYoYoNoPruning")]
    public async Task On_three_shards_a_cluster_run_of_a_corpus_twin_finds_what_Explore_finds(string name)
    {
        var twin = Corpus.CorpusModel.Named(name);
        using var model = GeneratedModel.Load(
            Infrastructure.TestCompilation.CreateForRuntime(twin.SourcePath, twin.Source).AddReferences(Infrastructure.GeneratorRun.Engine), twin.ClassName);
        var expected = model.Explore(new EngineOptions());
        var actual = await model.ExploreAsync(new EngineOptions { Cluster = new InProcessCluster(3) });

        AssertSame(expected, actual);
    }

    [Fact]
    public async Task Past_a_safety_violation_a_cluster_run_goes_on_as_Explore_does_and_checks_liveness_on_the_gathered_graph()
    {
        // The ordered queue gets stuck; explored on past it (as samples/StuckQueue does), its [Eventually] fails too.
        using var model = GeneratedModel.Load("StuckQueue.OrderedQueue", AgreementTests.Sources("ordered"));
        var expected = model.Explore(new EngineOptions { ContinueAfterViolation = true });
        var actual = await model.ExploreAsync(new EngineOptions { ContinueAfterViolation = true, Cluster = new InProcessCluster(3) });

        Assert.Contains(expected.Violations, v => v.Kind.ToString() == "LivenessViolated");
        AssertSame(expected, actual);
    }

    [Fact]
    public async Task A_liveness_property_that_holds_passes_on_the_cluster_as_on_one_machine()
    {
        GeneratedModel model = fixedQueue.Model;
        var expected = model.Explore(new EngineOptions());
        var actual = await model.ExploreAsync(new EngineOptions { Cluster = new InProcessCluster(2) });

        Assert.True(expected.Passed, expected.Report);
        Assert.True(actual.Passed, actual.Report);
        AssertSame(expected, actual);
    }

    [Fact]
    public async Task MaxStates_cuts_the_last_level_so_that_exactly_MaxStates_are_kept()
    {
        GeneratedModel model = fixedQueue.Model;
        var expected = model.Explore(new EngineOptions { MaxStates = 100 });
        var actual = await model.ExploreAsync(new EngineOptions { MaxStates = 100, Cluster = new InProcessCluster(3) });

        Assert.Equal(100, actual.DistinctStates);
        Assert.Equal(EngineBound.MaxStates, actual.StoppedBy);
        Assert.Equal(expected.Depth, actual.Depth);
        Assert.Equal(expected.BoundMessage, actual.BoundMessage);
    }

    [Fact]
    public async Task MaxDepth_keeps_the_same_levels_as_on_one_machine()
    {
        GeneratedModel model = fixedQueue.Model;
        var expected = model.Explore(new EngineOptions { MaxDepth = 4 });
        var actual = await model.ExploreAsync(new EngineOptions { MaxDepth = 4, Cluster = new InProcessCluster(4) });

        Assert.Equal(EngineBound.MaxDepth, actual.StoppedBy);
        AssertSame(expected, actual);
    }

    [Fact]
    public async Task Cancelling_stops_the_run_with_a_partial_result()
    {
        GeneratedModel model = fixedQueue.Model;
        var all = model.Explore(new EngineOptions());
        using var cancellation = new CancellationTokenSource();
        var cluster = new InProcessCluster(2) { BeforeRequest = (n, _) => { if (n == 12) cancellation.Cancel(); } };
        var actual = await model.ExploreAsync(new EngineOptions { Cluster = cluster, CancellationToken = cancellation.Token });

        Assert.Equal(EngineBound.Cancelled, actual.StoppedBy);
        Assert.False(actual.Passed);
        Assert.InRange(actual.DistinctStates, 1, all.DistinctStates - 1);
        Assert.Equal(0, cluster.Hosts);
    }

    [Fact]
    public async Task The_time_limit_stops_the_run_with_a_partial_result()
    {
        GeneratedModel model = fixedQueue.Model;
        var cluster = new InProcessCluster(2) { BeforeRequest = (_, _) => Thread.Sleep(20) };
        var actual = await model.ExploreAsync(new EngineOptions { Cluster = cluster, Timeout = TimeSpan.FromMilliseconds(150) });

        Assert.Equal(EngineBound.Timeout, actual.StoppedBy);
        Assert.False(actual.Passed);
        Assert.Contains("the time limit", actual.BoundMessage);
    }

    [Fact]
    public async Task Progress_is_reported_in_the_calling_process_and_last_says_what_the_result_says()
    {
        GeneratedModel model = fixedQueue.Model;
        var reports = new List<EngineLibrary::MergeQueue.Analyzers.ExplorationProgress>();
        var progress = new Recorder(reports);
        var actual = await model.ExploreAsync(new EngineOptions { Cluster = new InProcessCluster(2), Progress = progress });

        Assert.NotEmpty(reports);
        Assert.Equal(actual.DistinctStates, reports[^1].DistinctStates);
        Assert.Equal(actual.Depth, reports[^1].Depth);
    }

    [Fact]
    public async Task A_shard_that_throws_ends_the_run_as_a_cluster_fault_naming_the_shard_the_error_and_how_far_it_got()
    {
        GeneratedModel model = fixedQueue.Model;
        int failing = -1;
        var cluster = new InProcessCluster(3)
        {
            BeforeRequest = (n, shard) =>
            {
                if (n == 20)
                {
                    failing = shard;
                    throw new InvalidOperationException("the member hosting it left the cluster");
                }
            },
        };
        var actual = await model.ExploreAsync(new EngineOptions { Cluster = cluster });

        Assert.Equal(EngineBound.ClusterFault, actual.StoppedBy);
        Assert.False(actual.Passed);
        Assert.Contains("shard " + failing + " of the cluster failed (InvalidOperationException: the member hosting it left the cluster)", actual.BoundMessage);
        Assert.Contains(" distinct states, depth ", actual.BoundMessage);
    }

    [Fact]
    public async Task A_shard_whose_host_was_recreated_mid_run_ends_it_as_a_cluster_fault()
    {
        GeneratedModel model = fixedQueue.Model;
        InProcessCluster cluster = null!;
        cluster = new InProcessCluster(2) { BeforeRequest = (n, shard) => { if (n == 20) cluster.Recreate(shard); } };
        var actual = await model.ExploreAsync(new EngineOptions { Cluster = cluster });

        Assert.Equal(EngineBound.ClusterFault, actual.StoppedBy);
        Assert.False(actual.Passed);
        Assert.Contains("does not know run", actual.BoundMessage);
    }

    [Fact]
    public async Task A_run_counts_the_bytes_of_its_requests_replies_and_deliveries()
    {
        GeneratedModel model = fixedQueue.Model;
        var actual = await model.ExploreAsync(new EngineOptions { Cluster = new InProcessCluster(2) });

        // Internal to the engine (the benchmark projects a run onto machines apart from it).
        object traffic = typeof(EngineResult).GetProperty("Traffic", BindingFlags.NonPublic | BindingFlags.Instance)!.GetValue(actual)!;
        long Read(string name) => (long)traffic.GetType().GetProperty(name, BindingFlags.NonPublic | BindingFlags.Instance)!.GetValue(traffic)!;
        Assert.True(Read("RequestBytes") > 0 && Read("ReplyBytes") > 0, traffic.ToString());

        // Every state but the initial one reached its owner in a delivery, with at least its two words (16 bytes); a
        // state a delivery already carries is sent again as a reference, so the bytes stay under 16 per step.
        Assert.True(Read("Deliveries") >= actual.Depth, traffic.ToString());
        Assert.InRange(Read("DeliveryBytes"), 16 * (actual.DistinctStates - 1), 16 * actual.Transitions);
    }

    [Fact]
    public async Task A_model_the_generator_kept_on_the_general_path_is_refused_up_front()
    {
        using var model = GeneratedModel.Load("GuardFailuresGeneral", AgreementTests.Sources("GuardFailuresGeneral"));
        var cluster = new InProcessCluster(2);

        var refused = await Assert.ThrowsAsync<NotSupportedException>(() => model.ExploreAsync(new EngineOptions { Cluster = cluster }));

        Assert.Contains("'GuardFailuresGeneral' cannot be explored on a cluster", refused.Message);
        Assert.Equal(0, cluster.Requests);
    }

    /// <summary>Keeps each report as it comes, on the thread that reports it.</summary>
    private sealed class Recorder(List<EngineLibrary::MergeQueue.Analyzers.ExplorationProgress> reports) : IProgress<EngineLibrary::MergeQueue.Analyzers.ExplorationProgress>
    {
        public void Report(EngineLibrary::MergeQueue.Analyzers.ExplorationProgress value)
        {
            lock (reports)
            {
                reports.Add(value);
            }
        }
    }

    /// <summary>The fixed queue (three PRs), compiled once for the facts that use it.</summary>
    public sealed class FixedQueueModel : IDisposable
    {
        internal GeneratedModel Model { get; } = GeneratedModel.Load("MergeQueue.Samples.FixedQueue", AgreementTests.Sources("fixed"));

        public void Dispose() => Model.Dispose();
    }

    private static void AssertSame(EngineResult expected, EngineResult actual)
    {
        Assert.True(expected.DistinctStates == actual.DistinctStates, actual.Report);
        Assert.Equal(expected.Transitions, actual.Transitions);
        Assert.Equal(expected.Depth, actual.Depth);
        Assert.Equal(expected.StoppedBy, actual.StoppedBy);
        Assert.Equal(expected.Passed, actual.Passed);
        Assert.Equal(expected.BoundMessage, actual.BoundMessage);
        Assert.Equal(expected.NeverEnabledMessages, actual.NeverEnabledMessages);
        Assert.Equal(Violations(expected), Violations(actual));
        Assert.Equal(WithoutTime(expected.StatisticsMessage), WithoutTime(actual.StatisticsMessage));
        if (expected.Violations.Count == 0)
        {
            // Without a trace to differ, the report is the same text but for the time on its last line.
            Assert.Equal(WithoutLastLine(expected.Report), WithoutLastLine(actual.Report));
        }
    }

    private static string WithoutLastLine(string report) => report.Substring(0, report.LastIndexOf('\n') + 1);

    /// <summary>Kind, property and trace length of each violation, in a fixed order (the order found may differ).</summary>
    private static List<string> Violations(EngineResult result) =>
        result.Violations.Select(v => v.Kind + " " + v.Property + " " + (v.Trace?.Steps.Count ?? -1)).OrderBy(s => s, StringComparer.Ordinal).ToList();

    private static string WithoutTime(string statistics) => statistics.Substring(0, statistics.LastIndexOf(", ", StringComparison.Ordinal));
}
