using MergeQueue.Analyzers.Engine.Runtime;

namespace MergeQueue.Analyzers.Engine.Cluster;

/// <summary>One state of a shard with the link to the state that first reached it, for a trace.</summary>
/// <param name="State">The state.</param>
/// <param name="ParentShard">The parent's shard; -1 for an initial state.</param>
/// <param name="ParentLocal">The parent's local number on its shard.</param>
/// <param name="Instance">The action instance from the parent, or for an initial state its initial instance.</param>
internal readonly record struct ShardRecord(PackedState State, int ParentShard, int ParentLocal, int Instance);
