using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MergeQueue.Samples;
using Orleans.Runtime;
using Xunit;

namespace MergeQueue.Analyzers.Orleans.Tests;

[Collection(ClusterCollection.Name)]
public sealed class PlacementTests
{
    private const string ShardGrainType = "MergeQueue.Analyzers.Orleans.ExplorationShardGrain,";

    private readonly ClusterFixture fixture;

    public PlacementTests(ClusterFixture fixture) => this.fixture = fixture;

    [Fact]
    public async Task During_a_run_shard_i_is_active_on_the_ith_silo_in_sorted_order_and_after_it_no_shard_is()
    {
        IManagementGrain management = fixture.Cluster.Client.GetGrain<IManagementGrain>(0);
        SiloAddress[] silos = ExplorationShardPlacement.Sort((await management.GetHosts(onlyActive: true)).Keys);
        const int shards = 2 * ClusterFixture.Silos;
        DetailedGrainStatistic[] during = [];
        // A grain another test left may still be going (deactivation is asynchronous): only those new since are this run's.
        var before = (await ShardActivationsAsync(management, silos)).Select(a => a.GrainId).ToHashSet();
        // Past the first 3 requests of each shard (open, initial states, first level) every shard is active.
        var cluster = new ObservingCluster(new OrleansExplorationCluster(fixture.Cluster.Client, shardsPerSilo: 2), 3 * shards + 1,
            async () => during = (await ShardActivationsAsync(management, silos)).Where(a => !before.Contains(a.GrainId)).ToArray());

        ExplorationResult result = await FixedQueue.ExploreAsync(new ExplorationOptions { Cluster = cluster });

        Assert.True(result.Passed, result.Report);
        Assert.True(cluster.Observed);
        string run = Assert.Single(during.Select(a => ShardKey.Parse(a.GrainId.Key.ToString()!).Run).Distinct());
        Assert.Equal(Enumerable.Range(0, shards), during.Select(a => ShardKey.Parse(a.GrainId.Key.ToString()!).Shard).Order());
        foreach (DetailedGrainStatistic activation in during)
        {
            Assert.Equal(silos[ShardKey.Parse(activation.GrainId.Key.ToString()!).Shard % silos.Length], activation.SiloAddress);
        }

        // The run's last request closed every shard, and each grain deactivates once idle.
        for (int wait = 0; wait < 50 && (await ShardActivationsAsync(management, silos)).Any(a => a.GrainId.Key.ToString()!.StartsWith(run + "/", StringComparison.Ordinal)); wait++)
        {
            await Task.Delay(100);
        }

        Assert.DoesNotContain(await ShardActivationsAsync(management, silos), a => a.GrainId.Key.ToString()!.StartsWith(run + "/", StringComparison.Ordinal));
    }

    private static async Task<DetailedGrainStatistic[]> ShardActivationsAsync(IManagementGrain management, SiloAddress[] silos) =>
        (await management.GetDetailedGrainStatistics(hostsIds: silos))
            .Where(a => a.GrainType.StartsWith(ShardGrainType, StringComparison.Ordinal))
            .ToArray();
}
