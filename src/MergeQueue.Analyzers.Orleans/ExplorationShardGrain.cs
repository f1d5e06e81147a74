using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using MergeQueue.Analyzers.Engine.Cluster;
using Orleans;

namespace MergeQueue.Analyzers.Orleans;

/// <summary>
/// Hosts one shard's <see cref="ShardHost"/> on the silo <see cref="ExplorationShardPlacementDirector"/> chose for it.
/// </summary>
// A shard's visited set lives only in this activation: collected between two levels, it would come back empty and the
// engine would report a fault. A day outlasts any pause between a run's requests; the grain goes after the run's last
// request (or, if the run's caller vanished, once idle that long).
[CollectionAgeLimit(Days = 1)]
[ExplorationShardPlacement]
internal sealed class ExplorationShardGrain : Grain, IExplorationShardGrain
{
    private ShardKey key;
    private ShardHost? host;
    private bool opened;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        key = ShardKey.Parse(this.GetPrimaryKeyString());
        // A fresh host even when the grain was active before on a silo since lost: the host, not this grain, knows
        // that a request in the middle of a run cannot be answered from an empty shard.
        host = new ShardHost(key.Run, key.Shard);
        return Task.CompletedTask;
    }

    public async Task<ShardReply> Handle(byte[] request)
    {
        ShardHost shard = host!;
        bool wasOpen = opened;
        ShardResponse response = shard.Handle(request);
        opened |= shard.IsOpen;
        var arrivals = new List<Task>(response.Deliveries.Count);
        foreach (ShardDelivery delivery in response.Deliveries)
        {
            if (delivery.Shard == key.Shard)
            {
                shard.Deliver(delivery.Payload);
            }
            else
            {
                arrivals.Add(GrainFactory.GetGrain<IExplorationShardGrain>(new ShardKey(key.Run, delivery.Shard).ToString()).Deliver(delivery.Payload));
            }
        }
        // Every delivery, not the first to fail: a reply must never go back while some peer has not taken its share.
        await Task.WhenAll(arrivals);
        // The run's last request, or a request this host cannot answer (it was created after the run began): the
        // activation holds nothing worth keeping.
        if (!shard.IsOpen)
        {
            DeactivateOnIdle();
        }

        return new ShardReply(response.Reply, empty: !wasOpen && !shard.IsOpen, RuntimeIdentity);
    }

    public Task Deliver(byte[] payload)
    {
        host!.Deliver(payload);
        // A delivery to a shard whose silo was lost activates it anew, empty, and the host drops it: nothing to keep.
        if (!host.IsOpen)
        {
            DeactivateOnIdle();
        }

        return Task.CompletedTask;
    }
}
