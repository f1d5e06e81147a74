using System;
using System.Threading;
using System.Threading.Tasks;

namespace MergeQueue.Analyzers.Orleans.Tests;

/// <summary>
/// Passes every call to the cluster under test, and before the <c>at</c>-th request waits for an observation of the
/// cluster: the run is then part-way, every shard opened and none closed.
/// </summary>
internal sealed class ObservingCluster : IExplorationCluster
{
    private readonly IExplorationCluster cluster;
    private readonly int at;
    private readonly Func<Task> observe;
    private int requests;

    public ObservingCluster(IExplorationCluster cluster, int at, Func<Task> observe)
    {
        this.cluster = cluster;
        this.at = at;
        this.observe = observe;
    }

    public bool Observed { get; private set; }

    public Task<int> GetShardCountAsync(CancellationToken cancellation) => cluster.GetShardCountAsync(cancellation);

    public async Task<byte[]> SendAsync(string run, int shard, byte[] request, CancellationToken cancellation)
    {
        if (Interlocked.Increment(ref requests) == at)
        {
            await observe();
            Observed = true;
        }

        return await cluster.SendAsync(run, shard, request, cancellation);
    }
}
