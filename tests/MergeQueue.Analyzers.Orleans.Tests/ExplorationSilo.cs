using Orleans.Hosting;
using Orleans.TestingHost;

namespace MergeQueue.Analyzers.Orleans.Tests;

/// <summary>Each test silo as a user's would be: with exploration added.</summary>
public sealed class ExplorationSilo : ISiloConfigurator
{
    public void Configure(ISiloBuilder siloBuilder) => siloBuilder.AddMergeQueueExploration();

    /// <summary>Starts an in-process cluster of <paramref name="silos"/> exploration silos.</summary>
    public static async System.Threading.Tasks.Task<TestCluster> StartAsync(short silos)
    {
        var builder = new TestClusterBuilder(silos);
        builder.AddSiloBuilderConfigurator<ExplorationSilo>();
        TestCluster cluster = builder.Build();
        await cluster.DeployAsync();
        return cluster;
    }
}
