using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace MergeQueue.Analyzers.Orleans.Tests;

[Collection(ClusterCollection.Name)]
public sealed class ShardFailureTests
{
    private readonly ClusterFixture fixture;

    public ShardFailureTests(ClusterFixture fixture) => this.fixture = fixture;

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

    [Fact]
    public async Task A_grain_that_never_held_the_run_is_reported_with_its_silo_not_answered_for()
    {
        var cluster = new OrleansExplorationCluster(fixture.Cluster.Client);
        await cluster.GetShardCountAsync(CancellationToken.None);

        // As after a silo is lost: the first request a new activation sees is not the run's first (a byte no request
        // of the engine starts with), so its host has nothing to answer from.
        var error = await Assert.ThrowsAsync<ExplorationShardException>(() => cluster.SendAsync("lost-run", 1, new byte[] { 0xFF }, CancellationToken.None));

        Assert.Equal(1, error.Shard);
        Assert.Contains("the shard's grain is new on silo", error.Message);
        Assert.Contains("holds none of the run's states", error.Message);
    }
}
