namespace MergeQueue.Analyzers.Engine.Cluster;

/// <summary>
/// The first byte of a request to a shard: what the coordinator asks for. The rest of the request and the reply are
/// written by <see cref="MessageWriter"/> (n: a LEB128 number; i: a number from -1, shifted by one; s: a state); every
/// reply starts with a <see cref="ShardReplyStatus"/>, and only an <see cref="ShardReplyStatus.Ok"/> one goes on as
/// given here.
/// </summary>
internal enum ShardRequestKind : byte
{
    /// <summary>
    /// Starts the run on the shard. Request: the adapter's assembly-qualified type name, n shards, n steps per
    /// execution, n MaxDepth (0: none), continue after a violation, record steps (liveness). Reply: nothing more.
    /// </summary>
    Open = 1,

    /// <summary>Adds initial states the shard owns, at depth 0. Request: n count, then (i initial instance, s state) each.</summary>
    Initial = 2,

    /// <summary>
    /// Expands the next states of the frontier, delivering their successors to their owners (a
    /// <see cref="DeliveryWriter"/> payload per owner). Request: n most states, flags of the properties already
    /// reported. Reply: n expanded, more to expand, n transitions, flags of the actions enabled, a step left the
    /// constraints, n outcomes (n state, kind, i property or instance, i step, failed), per shard n successors sent
    /// to it, n bytes delivered.
    /// </summary>
    Expand = 3,

    /// <summary>How many of the states delivered for the next level are new, without adding them. Reply: n new.</summary>
    Count = 4,

    /// <summary>
    /// Adds the new states delivered for the next level, which become the frontier. Request: n depth, i most to add
    /// (-1: all). Reply: n added, a new state was deeper than MaxDepth, a new state was left out for MaxStates.
    /// </summary>
    Merge = 5,

    /// <summary>One state with its parent link, for a trace. Request: n local number. Reply: s state, i parent's shard, n parent's number, i instance.</summary>
    Record = 6,

    /// <summary>
    /// A page of the shard's states, for the liveness search. Request: n from, n most. Reply: n count, then as
    /// <see cref="Record"/> with n depth and whether a step from it left the constraints.
    /// </summary>
    GatherStates = 7,

    /// <summary>
    /// A page of the steps into the shard's states, for the liveness search. Request: n from, n most. Reply: n count,
    /// then (n source shard, n source number, i instance, n target number) each.
    /// </summary>
    GatherEdges = 8,

    /// <summary>Ends the run: the shard drops its data. Nothing more either way.</summary>
    Close = 9,
}
