using System.Collections.Generic;

namespace MergeQueue.Analyzers.Engine.Cluster;

/// <summary>What a shard's host answers a request with: the reply for the engine and the deliveries to make first.</summary>
public sealed class ShardResponse
{
    /// <summary>Creates a response.</summary>
    /// <param name="reply">The bytes returned to the engine.</param>
    /// <param name="deliveries">Bytes for other shards, delivered before <paramref name="reply"/> is returned.</param>
    public ShardResponse(byte[] reply, IReadOnlyList<ShardDelivery> deliveries)
    {
        Reply = reply;
        Deliveries = deliveries;
    }

    /// <summary>The bytes returned to the engine.</summary>
    public byte[] Reply { get; }

    /// <summary>Bytes for other shards (or this one), each to be delivered before <see cref="Reply"/> is returned.</summary>
    public IReadOnlyList<ShardDelivery> Deliveries { get; }
}
