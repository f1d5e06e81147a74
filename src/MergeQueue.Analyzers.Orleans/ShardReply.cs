using Orleans;

namespace MergeQueue.Analyzers.Orleans;

/// <summary>What an <see cref="IExplorationShardGrain"/> answers a request with.</summary>
[GenerateSerializer]
[Immutable]
public sealed class ShardReply
{
    /// <summary>Creates a reply.</summary>
    /// <param name="reply">The host's reply, for the engine.</param>
    /// <param name="empty">Whether the activation has never held the run (see <see cref="Empty"/>).</param>
    /// <param name="silo">The silo the activation runs on.</param>
    public ShardReply(byte[] reply, bool empty, string silo)
    {
        Reply = reply;
        Empty = empty;
        Silo = silo;
    }

    /// <summary>The host's reply, for the engine.</summary>
    [Id(0)]
    public byte[] Reply { get; }

    /// <summary>
    /// True when this activation's host was not open before the request nor after it: a grain re-created in the middle
    /// of a run (its silo was lost), which holds none of the shard's states.
    /// </summary>
    [Id(1)]
    public bool Empty { get; }

    /// <summary>The silo the activation runs on.</summary>
    [Id(2)]
    public string Silo { get; }
}
