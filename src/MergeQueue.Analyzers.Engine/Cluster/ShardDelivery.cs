namespace MergeQueue.Analyzers.Engine.Cluster;

/// <summary>Bytes one shard's host sends to another's (<see cref="ShardHost.Deliver"/>) while answering a request.</summary>
public sealed class ShardDelivery
{
    /// <summary>Creates a delivery.</summary>
    /// <param name="shard">The shard it goes to.</param>
    /// <param name="payload">The engine's bytes.</param>
    public ShardDelivery(int shard, byte[] payload)
    {
        Shard = shard;
        Payload = payload;
    }

    /// <summary>The shard it goes to.</summary>
    public int Shard { get; }

    /// <summary>The engine's bytes, handed unchanged to that shard's <see cref="ShardHost.Deliver"/>.</summary>
    public byte[] Payload { get; }
}
