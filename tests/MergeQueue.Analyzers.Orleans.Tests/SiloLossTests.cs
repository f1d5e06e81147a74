using System;
using System.Threading;
using System.Threading.Tasks;
using MergeQueue.Analyzers.Orleans.Tests.Models;
using Orleans.TestingHost;
using Xunit;

namespace MergeQueue.Analyzers.Orleans.Tests;

/// <summary>A cluster of its own: the test kills one of its silos.</summary>
public sealed class SiloLossTests
{
    [Fact]
    public async Task A_silo_killed_during_a_run_gives_the_exact_result_or_a_cluster_fault_never_a_pass_over_fewer_states()
    {
        await using TestCluster cluster = await ExplorationSilo.StartAsync(3);
        SiloHandle victim = cluster.Silos[^1];
        int killed = 0;
        Task? kill = null;
        var options = new ExplorationOptions
        {
            Cluster = new OrleansExplorationCluster(cluster.Client, shardsPerSilo: 2),
            // Part-way: a tenth of Odometer's 216,000 states.
            Progress = new SyncProgress(p =>
            {
                if (p.DistinctStates >= 21_600 && Interlocked.Exchange(ref killed, 1) == 0)
                {
                    kill = cluster.KillSiloAsync(victim);
                }

            }),
        };

        // No request may wait on the lost silo for Orleans' response timeout: the run ends in seconds.
        ExplorationResult result = await Odometer.ExploreAsync(options).WaitAsync(TimeSpan.FromSeconds(40));

        Assert.Equal(1, killed);
        await kill!;
        if (result.StoppedBy == ExplorationBound.ClusterFault)
        {
            Assert.False(result.Passed);
            Assert.Contains(victim.SiloAddress.ToString(), result.BoundMessage); // the lost silo, by name
        }
        else
        {
            Assert.True(result.Passed, result.Report);
            Assert.Equal(216_000, result.DistinctStates); // by hand, Odometer's summary
        }
    }

    /// <summary>Reports on the reporting thread: Progress&lt;T&gt; would post to the pool, after the run may be over.</summary>
    private sealed class SyncProgress : IProgress<ExplorationProgress>
    {
        private readonly Action<ExplorationProgress> report;

        public SyncProgress(Action<ExplorationProgress> report) => this.report = report;

        public void Report(ExplorationProgress value) => report(value);
    }
}
