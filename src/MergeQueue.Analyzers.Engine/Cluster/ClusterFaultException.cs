using System;

namespace MergeQueue.Analyzers.Engine.Cluster;

/// <summary>A shard failed, or its host did not know the run: the run ends with <see cref="ExplorationBound.ClusterFault"/>.</summary>
internal sealed class ClusterFaultException : Exception
{
    internal ClusterFaultException(int shard, string message, Exception? inner = null)
        : base(message, inner) => Shard = shard;

    /// <summary>The shard that failed; -1 for the cluster itself.</summary>
    internal int Shard { get; }
}
