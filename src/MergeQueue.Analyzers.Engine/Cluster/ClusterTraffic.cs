using System.Threading;

namespace MergeQueue.Analyzers.Engine.Cluster;

/// <summary>
/// The bytes one cluster run moved, to project its cost onto machines apart: the coordinator's requests, the shards'
/// replies, and the deliveries between shards (counted by the shards that made them). Updated from several requests
/// at once.
/// </summary>
internal sealed class ClusterTraffic
{
    private long requests;
    private long requestBytes;
    private long replyBytes;
    private long deliveries;
    private long deliveryBytes;

    /// <summary>Requests sent to shards.</summary>
    internal long Requests => Interlocked.Read(ref requests);

    /// <summary>Bytes of those requests.</summary>
    internal long RequestBytes => Interlocked.Read(ref requestBytes);

    /// <summary>Bytes of the shards' replies.</summary>
    internal long ReplyBytes => Interlocked.Read(ref replyBytes);

    /// <summary>Deliveries from a shard to a shard (its own included).</summary>
    internal long Deliveries => Interlocked.Read(ref deliveries);

    /// <summary>Bytes of those deliveries.</summary>
    internal long DeliveryBytes => Interlocked.Read(ref deliveryBytes);

    internal void AddRequest(int bytes)
    {
        Interlocked.Increment(ref requests);
        Interlocked.Add(ref requestBytes, bytes);
    }

    internal void AddReply(int bytes) => Interlocked.Add(ref replyBytes, bytes);

    internal void AddDeliveries(long count, long bytes)
    {
        Interlocked.Add(ref deliveries, count);
        Interlocked.Add(ref deliveryBytes, bytes);
    }

    /// <inheritdoc/>
    public override string ToString() =>
        Requests + " requests, " + RequestBytes + " B; replies " + ReplyBytes + " B; " + Deliveries + " deliveries, " + DeliveryBytes + " B";
}
