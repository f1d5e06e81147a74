extern alias EngineLibrary;

using System;
using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Tasks;
using EngineCluster = EngineLibrary::MergeQueue.Analyzers.IExplorationCluster;
using EngineShardDelivery = EngineLibrary::MergeQueue.Analyzers.Engine.Cluster.ShardDelivery;
using EngineShardHost = EngineLibrary::MergeQueue.Analyzers.Engine.Cluster.ShardHost;
using EngineShardResponse = EngineLibrary::MergeQueue.Analyzers.Engine.Cluster.ShardResponse;

namespace MergeQueue.Analyzers.Tests.Cluster;

/// <summary>
/// A cluster in one process for the tests: a <see cref="EngineShardHost"/> per (run, shard), each called under its own lock
/// as a grain would be, with every request, reply and delivery copied so that no bytes are shared by reference.
/// A test can make the n-th request fail or recreate a shard's host before it, as when a member is lost.
/// </summary>
internal sealed class InProcessCluster : EngineCluster
{
    private readonly int shards;
    private readonly ConcurrentDictionary<(string Run, int Shard), EngineShardHost> hosts = new();
    private int requests;

    public InProcessCluster(int shards) => this.shards = shards;

    /// <summary>Called before request number n (from 1) with its shard; may throw, or replace the shard's host.</summary>
    public Action<int, int>? BeforeRequest { get; set; }

    /// <summary>The requests sent so far.</summary>
    public int Requests => Volatile.Read(ref requests);

    /// <summary>The hosts that hold a run's data now (opened and not yet closed).</summary>
    public int Hosts => hosts.Count;

    public Task<int> GetShardCountAsync(CancellationToken cancellation) => Task.FromResult(shards);

    public async Task<byte[]> SendAsync(string run, int shard, byte[] request, CancellationToken cancellation)
    {
        // Each request on a thread of the pool, as requests to different grains run at once.
        await Task.Yield();
        cancellation.ThrowIfCancellationRequested();
        BeforeRequest?.Invoke(Interlocked.Increment(ref requests), shard);
        EngineShardHost host = Host(run, shard);
        EngineShardResponse response;
        lock (host)
        {
            response = host.Handle(Copy(request));
        }

        foreach (EngineShardDelivery delivery in response.Deliveries)
        {
            EngineShardHost target = Host(run, delivery.Shard);
            lock (target)
            {
                target.Deliver(Copy(delivery.Payload));
            }
        }

        if (!host.IsOpen)
        {
            // Closed (or never opened): a grain would deactivate.
            hosts.TryRemove((run, shard), out _);
        }

        return Copy(response.Reply);
    }

    /// <summary>Replaces a shard's host of every run by a new one, as when its member is lost and the grain is activated elsewhere.</summary>
    public void Recreate(int shard)
    {
        foreach (var key in hosts.Keys)
        {
            if (key.Shard == shard)
            {
                hosts[key] = new EngineShardHost(key.Run, shard);
            }
        }
    }

    private EngineShardHost Host(string run, int shard) => hosts.GetOrAdd((run, shard), key => new EngineShardHost(key.Run, key.Shard));

    private static byte[] Copy(byte[] bytes) => (byte[])bytes.Clone();
}
