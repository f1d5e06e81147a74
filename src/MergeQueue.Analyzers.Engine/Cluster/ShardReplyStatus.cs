namespace MergeQueue.Analyzers.Engine.Cluster;

/// <summary>The first byte of a shard's reply.</summary>
internal enum ShardReplyStatus : byte
{
    /// <summary>Done; the rest of the reply follows.</summary>
    Ok = 0,

    /// <summary>
    /// The host never received the run's first request: it was created after its member was lost, and the states it
    /// held are gone.
    /// </summary>
    UnknownRun = 1,

    /// <summary>The request failed on the shard; a message follows.</summary>
    Failed = 2,
}
