using System.Threading.Tasks;
using Orleans.TestingHost;
using Xunit;

namespace MergeQueue.Analyzers.Orleans.Tests;

/// <summary>One three-silo cluster shared by the tests that leave it whole (starting one takes seconds).</summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    public const short Silos = 3;

    public TestCluster Cluster { get; private set; } = null!;

    public async Task InitializeAsync() => Cluster = await ExplorationSilo.StartAsync(Silos);

    public async Task DisposeAsync() => await Cluster.DisposeAsync();
}

