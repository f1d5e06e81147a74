using System;

namespace MergeQueue.Analyzers.Engine.Cluster;

/// <summary>
/// One shard of a cluster exploration, hosted by the cluster (in Orleans, by a grain): it keeps the states whose hash
/// falls to it, their parent links and its frontier, and expands its frontier with the engine's own per-state routine.
/// The first request of a run names the model's generated adapter by type, so the host's process must reference the
/// assembly that holds the model. Calls are never concurrent: <see cref="Handle"/> and <see cref="Deliver"/> may
/// interleave only between a request's <see cref="ShardResponse"/> and the return of its reply.
/// </summary>
public sealed class ShardHost
{
    /// <summary>Creates the host of one shard of one run.</summary>
    /// <param name="run">The run's identifier.</param>
    /// <param name="shard">The shard's number.</param>
    public ShardHost(string run, int shard)
    {
        Run = run;
        Shard = shard;
    }

    /// <summary>The run's identifier.</summary>
    public string Run { get; }

    /// <summary>The shard's number.</summary>
    public int Shard { get; }

    /// <summary>Answers one request of the engine.</summary>
    /// <param name="request">The engine's bytes.</param>
    /// <returns>The reply, and the deliveries to make before returning it.</returns>
    public ShardResponse Handle(byte[] request) => throw new NotImplementedException("cluster exploration: shard side");

    /// <summary>Takes a delivery another shard made while answering a request.</summary>
    /// <param name="payload">The engine's bytes.</param>
    public void Deliver(byte[] payload) => throw new NotImplementedException("cluster exploration: shard side");
}
