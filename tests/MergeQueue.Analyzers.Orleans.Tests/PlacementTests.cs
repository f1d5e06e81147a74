using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Orleans.Runtime;
using Xunit;

namespace MergeQueue.Analyzers.Orleans.Tests;

[Collection(ClusterCollection.Name)]
public sealed class PlacementTests
{
    private readonly ClusterFixture fixture;

    public PlacementTests(ClusterFixture fixture) => this.fixture = fixture;

    [Fact]
    public async Task Shard_i_is_activated_on_the_ith_silo_in_sorted_order()
    {
        var cluster = new OrleansExplorationCluster(fixture.Cluster.Client, shardsPerSilo: 2);
        int shards = await cluster.GetShardCountAsync(CancellationToken.None);
        Assert.Equal(2 * ClusterFixture.Silos, shards);

        // A request that is no engine request: the shard's grain is activated where placement puts it, and the host's
        // refusal comes back out of SendAsync, naming the shard.
        string run = "placement-" + Guid.NewGuid().ToString("N");
        for (int shard = 0; shard < shards; shard++)
        {
            var error = await Assert.ThrowsAsync<ExplorationShardException>(() => cluster.SendAsync(run, shard, new byte[] { 0xFF }, CancellationToken.None));
            Assert.Equal(shard, error.Shard);
            Assert.Contains($"shard {shard} of run {run}", error.Message);
        }

        IManagementGrain management = fixture.Cluster.Client.GetGrain<IManagementGrain>(0);
        SiloAddress[] silos = ExplorationShardPlacement.Sort((await management.GetHosts(onlyActive: true)).Keys);
        DetailedGrainStatistic[] activations = (await management.GetDetailedGrainStatistics(hostsIds: silos))
            .Where(a => a.GrainId.Key.ToString()!.StartsWith(run + "/", StringComparison.Ordinal))
            .ToArray();
        Assert.Equal(shards, activations.Length);
        foreach (DetailedGrainStatistic activation in activations)
        {
            int shard = ShardKey.Parse(activation.GrainId.Key.ToString()!).Shard;
            Assert.Equal(silos[shard % silos.Length], activation.SiloAddress);
        }
    }
}
