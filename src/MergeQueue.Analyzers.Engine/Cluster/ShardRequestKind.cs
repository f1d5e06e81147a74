namespace MergeQueue.Analyzers.Engine.Cluster;

/// <summary>The first byte of a request to a shard: what the coordinator asks for.</summary>
internal enum ShardRequestKind : byte
{
    /// <summary>Starts the run on the shard: the model's adapter by type name, the shard count and the options.</summary>
    Open = 1,

    /// <summary>Adds initial states the shard owns, at depth 0.</summary>
    Initial = 2,

    /// <summary>Expands the next states of the frontier and delivers their successors to their owners.</summary>
    Expand = 3,

    /// <summary>How many of the states delivered for the next level are new, without adding them.</summary>
    Count = 4,

    /// <summary>Adds the new states delivered for the next level (at most a given number); they become the frontier.</summary>
    Merge = 5,

    /// <summary>One state with its parent link, for a trace.</summary>
    Record = 6,

    /// <summary>A page of the shard's states with their parent links, for the liveness search.</summary>
    GatherStates = 7,

    /// <summary>A page of the steps into the shard's states, for the liveness search.</summary>
    GatherEdges = 8,

    /// <summary>Ends the run: the shard drops its data.</summary>
    Close = 9,
}
