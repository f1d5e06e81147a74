using System;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;
using Orleans.Hosting;

namespace MergeQueue.Analyzers.Orleans;

/// <summary>Registers exploration on a silo.</summary>
public static class MergeQueueExplorationSiloBuilderExtensions
{
    /// <summary>
    /// The messages a silo accepts: Orleans' default (100 MB) is raised to this so that the deliveries of one large
    /// level, one message per pair of shards, still pass. A client receives only replies and needs no change.
    /// </summary>
    public const int MaxMessageBodySize = 1 << 30;

    /// <summary>
    /// Lets this silo host exploration shards (<see cref="IExplorationShardGrain"/>), placed by
    /// <see cref="ExplorationShardPlacement"/>. Every silo of the cluster calls it, and every silo's process references
    /// the assemblies that hold the models explored.
    /// </summary>
    /// <param name="silo">The silo.</param>
    /// <returns><paramref name="silo"/>.</returns>
    public static ISiloBuilder AddMergeQueueExploration(this ISiloBuilder silo)
    {
        ArgumentNullException.ThrowIfNull(silo);
        silo.AddPlacementDirector<ExplorationShardPlacement, ExplorationShardPlacementDirector>();
        silo.Configure<SiloMessagingOptions>(options => options.MaxMessageBodySize = Math.Max(options.MaxMessageBodySize, MaxMessageBodySize));
        return silo;
    }
}
