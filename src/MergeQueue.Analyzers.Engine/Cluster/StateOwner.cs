namespace MergeQueue.Analyzers.Engine.Cluster;

/// <summary>Which shard owns a state: the low half of its table key scaled to the shard count.</summary>
internal static class StateOwner
{
    /// <summary>
    /// The shard of <paramref name="key"/> (a <see cref="StateGraph{TState}.KeyOf"/>). The low bits, because the high
    /// ones choose the slot in a shard's table: taking both from the same bits would crowd each shard's table.
    /// </summary>
    internal static int Of(ulong key, int shards) => (int)(((key & 0xFFFFFFFFUL) * (ulong)shards) >> 32);
}
