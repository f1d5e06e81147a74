using System;
using Orleans.Placement;

namespace MergeQueue.Analyzers.Orleans;

/// <summary>Places a grain class's activations by <see cref="ExplorationShardPlacement"/>.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class ExplorationShardPlacementAttribute : PlacementAttribute
{
    /// <summary>Creates the attribute.</summary>
    public ExplorationShardPlacementAttribute()
        : base(new ExplorationShardPlacement())
    {
    }
}
