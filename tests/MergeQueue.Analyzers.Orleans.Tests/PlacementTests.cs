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

        // A request of no run the host knows: whatever the host answers, the shard's grain is activated where placement
        // puts it.
        string run = "placement-" + Guid.NewGuid().ToString("N");
        for (int shard = 0; shard < shards; shard++)
            await cluster.SendAsync(run, shard, new byte[] { 0xFF }, CancellationToken.None);

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

    [Fact]
    public async Task A_call_that_fails_on_the_silo_surfaces_from_SendAsync_naming_the_shard()
    {
        var cluster = new OrleansExplorationCluster(fixture.Cluster.Client);
        await cluster.GetShardCountAsync(CancellationToken.None);

        // No shard is numbered -1: its grain's key does not parse, so placing it throws on the silo.
        var error = await Assert.ThrowsAsync<ExplorationShardException>(() => cluster.SendAsync("no-such-shard", -1, new byte[] { 0xFF }, CancellationToken.None));

        Assert.Equal(-1, error.Shard);
        Assert.StartsWith("shard -1 of run no-such-shard", error.Message);
        Assert.Contains("not an exploration shard's key", error.Message);
    }
}
