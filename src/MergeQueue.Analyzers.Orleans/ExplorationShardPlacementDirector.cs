using System.Threading.Tasks;
using Orleans.Runtime;
using Orleans.Runtime.Placement;

namespace MergeQueue.Analyzers.Orleans;

/// <summary>Carries out <see cref="ExplorationShardPlacement"/> on each silo.</summary>
internal sealed class ExplorationShardPlacementDirector : IPlacementDirector
{
    public Task<SiloAddress> OnAddActivation(PlacementStrategy strategy, PlacementTarget target, IPlacementContext context)
    {
        ShardKey key = ShardKey.Parse(target.GrainIdentity.Key.ToString()!);
        return Task.FromResult(ExplorationShardPlacement.Choose(context.GetCompatibleSilos(target), key.Shard));
    }
}
