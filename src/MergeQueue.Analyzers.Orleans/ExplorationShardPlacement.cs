using System;
using System.Collections.Generic;
using System.Linq;
using Orleans;
using Orleans.Runtime;

namespace MergeQueue.Analyzers.Orleans;

/// <summary>
/// The placement of exploration shards: shard <c>i</c> goes to the <c>i</c>-th silo (mod their count) in the sorted
/// order of the silos that host the grain, so a run's shards cover every silo evenly and the same silos always get
/// the same shards.
/// </summary>
[GenerateSerializer]
[Immutable]
public sealed class ExplorationShardPlacement : PlacementStrategy
{
    /// <summary>The silo that shard <paramref name="shard"/> goes to.</summary>
    /// <param name="silos">The silos to choose from, in any order; at least one.</param>
    /// <param name="shard">The shard's number.</param>
    /// <returns>The silo at <paramref name="shard"/> mod their count, in sorted order.</returns>
    public static SiloAddress Choose(IEnumerable<SiloAddress> silos, int shard)
    {
        SiloAddress[] sorted = Sort(silos);
        if (sorted.Length == 0)
        {
            throw new InvalidOperationException("no silo hosts exploration shards: call AddMergeQueueExploration() on each silo");
        }

        return sorted[shard % sorted.Length];
    }

    /// <summary>The silos in the order shards are dealt to them.</summary>
    /// <param name="silos">The silos.</param>
    /// <returns>Sorted by address, port and generation.</returns>
    public static SiloAddress[] Sort(IEnumerable<SiloAddress> silos) =>
        silos.OrderBy(s => s.ToParsableString(), StringComparer.Ordinal).ToArray();
}
