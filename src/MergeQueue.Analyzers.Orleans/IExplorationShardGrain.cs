using System.Threading.Tasks;
using Orleans;
using Orleans.Concurrency;

namespace MergeQueue.Analyzers.Orleans;

/// <summary>
/// The grain hosting one shard of one run (an engine <c>ShardHost</c>), keyed <c>"run/shard"</c>
/// (<see cref="ShardKey"/>). <see cref="OrleansExplorationCluster"/> calls <see cref="Handle"/>; shards call each
/// other's <see cref="Deliver"/>.
/// </summary>
public interface IExplorationShardGrain : IGrainWithStringKey
{
    /// <summary>
    /// Answers one request of the engine: hands it to the shard's host, delivers every delivery of the host's response
    /// to its shard and returns the reply once all of them have arrived.
    /// </summary>
    /// <param name="request">The engine's bytes.</param>
    /// <returns>The host's reply, and whether this activation holds nothing of the run.</returns>
    // A level of a large model keeps one shard busy for minutes: Orleans' default 30 s would cut it off. A silo that
    // dies fails the call at once (membership), so the timeout only bounds a silo that hangs alive.
    [ResponseTimeout("02:00:00")]
    Task<ShardReply> Handle(byte[] request);

    /// <summary>Takes bytes another shard delivers while answering its own request.</summary>
    /// <param name="payload">The engine's bytes.</param>
    /// <returns>Completes once the host has taken them.</returns>
    // Interleaves with this grain's own Handle, which may be waiting on deliveries to the very shard delivering here:
    // without it two shards delivering to each other would wait for each other forever. The host is still called from
    // one turn at a time, since a turn runs to its next await on one thread.
    [AlwaysInterleave]
    [ResponseTimeout("00:30:00")]
    Task Deliver(byte[] payload);
}
