using System.Linq;
using System.Threading.Tasks;
using MergeQueue.Analyzers.Orleans.Tests.Models;
using MergeQueue.Samples;
using Orleans.Runtime;
using StuckQueue;
using Xunit;

namespace MergeQueue.Analyzers.Orleans.Tests;

[Collection(ClusterCollection.Name)]
public sealed class ClusterExplorationTests
{
    private readonly ClusterFixture fixture;

    public ClusterExplorationTests(ClusterFixture fixture) => this.fixture = fixture;

    private ExplorationOptions OnCluster() => new() { Cluster = new OrleansExplorationCluster(fixture.Cluster.Client, shardsPerSilo: 2) };

    [Fact]
    public async Task The_fixed_queue_and_its_liveness_property_pass_as_on_one_machine()
    {
        ExplorationResult expected = FixedQueue.Explore();
        Assert.Equal(656, expected.DistinctStates); // TLC, the PlusCal spec MQ5_Fixed, N = 3
        Assert.True(expected.Passed);

        SameResult.Assert(expected, await FixedQueue.ExploreAsync(OnCluster()));
    }

    [Fact]
    public async Task The_stuck_queue_gives_the_same_stuck_trace_as_on_one_machine()
    {
        ExplorationResult expected = OrderedQueue.Explore();
        Violation stuck = Assert.Single(expected.Violations, v => v.Kind == ViolationKind.Stuck);
        Assert.Equal(8, stuck.Trace!.Steps.Count); // the README's trace: the initial state and 7 steps

        SameResult.Assert(expected, await OrderedQueue.ExploreAsync(OnCluster()));
    }

    [Fact]
    public async Task The_stuck_queue_explored_on_past_it_gives_its_liveness_failure_too()
    {
        ExplorationResult expected = OrderedQueue.Explore(new ExplorationOptions { ContinueAfterViolation = true });
        Assert.Equal(652, expected.DistinctStates); // TLC, the PlusCal spec MQ4_Ordered, N = 3
        Assert.Contains(expected.Violations, v => v.Kind == ViolationKind.LivenessViolated);

        ExplorationOptions options = OnCluster();
        options.ContinueAfterViolation = true;
        SameResult.Assert(expected, await OrderedQueue.ExploreAsync(options));
    }

    [Fact]
    public async Task A_broken_invariant_gives_the_same_shortest_trace_as_on_one_machine()
    {
        ExplorationResult expected = Overflow.Explore();
        Violation broken = Assert.Single(expected.Violations);
        Assert.Equal(ViolationKind.InvariantViolated, broken.Kind);
        Assert.Equal(6, broken.Trace!.Steps.Count); // by hand: x + y = 5 is 5 steps from (0, 0)

        SameResult.Assert(expected, await Overflow.ExploreAsync(OnCluster()));
    }

    [Fact]
    public async Task A_larger_model_counts_the_same_and_its_shards_are_active_on_every_silo()
    {
        ExplorationResult expected = Odometer.Explore();
        Assert.Equal(216_000, expected.DistinctStates); // by hand, Odometer's summary: 60^3
        Assert.Equal(637_200, expected.Transitions);    // by hand: 3 * 59 * 60^2
        Assert.Equal(177, expected.Depth);              // by hand: 3 * 59

        IManagementGrain management = fixture.Cluster.Client.GetGrain<IManagementGrain>(0);
        SiloAddress[] silos = (await management.GetHosts(onlyActive: true)).Keys.ToArray();
        SimpleGrainStatistic[] statistics = [];
        // Part-way: past level 10 of 177, a handful of requests to each of the 6 shards a level.
        var cluster = new ObservingCluster(OnCluster().Cluster!, 100, async () => statistics = await management.GetSimpleGrainStatistics());

        SameResult.Assert(expected, await Odometer.ExploreAsync(new ExplorationOptions { Cluster = cluster }));

        Assert.True(cluster.Observed);
        SiloAddress[] hosting = statistics
            .Where(s => s.GrainType.StartsWith("MergeQueue.Analyzers.Orleans.ExplorationShardGrain,", System.StringComparison.Ordinal) && s.ActivationCount > 0)
            .Select(s => s.SiloAddress)
            .ToArray();
        Assert.Equal(silos.OrderBy(s => s.ToParsableString()), hosting.Distinct().OrderBy(s => s.ToParsableString()));
    }
}
