namespace MergeQueue.Analyzers.Engine.Cluster;

/// <summary>
/// One delivery a shard received for the next level: its sender, the sender's request count when it made it, and the
/// candidates (parent's local number, action instance, state), read when the level is merged.
/// </summary>
internal sealed class ShardInbox
{
    private readonly byte[] payload;

    internal ShardInbox(byte[] payload)
    {
        this.payload = payload;
        var header = new MessageReader(payload);
        Sender = header.Count();
        Batch = header.Count();
    }

    internal int Sender { get; }

    internal int Batch { get; }

    /// <summary>A reader at the first candidate.</summary>
    internal MessageReader Reopen()
    {
        var reader = new MessageReader(payload);
        reader.Count();
        reader.Count();
        return reader;
    }
}
