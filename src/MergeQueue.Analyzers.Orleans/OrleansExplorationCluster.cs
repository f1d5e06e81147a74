using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Orleans;
using Orleans.Runtime;

namespace MergeQueue.Analyzers.Orleans;

/// <summary>
/// An <see cref="IExplorationCluster"/> on Microsoft Orleans: each shard of a run is an
/// <see cref="IExplorationShardGrain"/>, and the shards are dealt over the cluster's silos
/// (<see cref="ExplorationShardPlacement"/>). Pass it as <see cref="ExplorationOptions.Cluster"/> from a client (or a
/// silo) of a cluster whose silos call <see cref="MergeQueueExplorationSiloBuilderExtensions.AddMergeQueueExploration"/>.
/// </summary>
public sealed class OrleansExplorationCluster : IExplorationCluster
{
    /// <summary>
    /// How often a request still unanswered looks whether a silo of the run has left the cluster. A client's request
    /// reaches its grain through a gateway, so when the grain's silo dies no one answers it, and Orleans would leave it
    /// waiting for its whole response timeout (hours, for a level of a large model).
    /// </summary>
    public static readonly TimeSpan MembershipCheckInterval = TimeSpan.FromSeconds(1);

    // How many times a failed request looks again for a silo gone before saying none is.
    private const int LossNoticeChecks = 5;

    private readonly IGrainFactory grains;

    // The silos as the last GetShardCountAsync saw them, which the run's shards were dealt to: one of them gone means
    // shards lost. (Runs started from one instance at once share it; a silo joining later changes no run's shards.)
    private SiloAddress[] silos = Array.Empty<SiloAddress>();

    /// <summary>Creates the cluster with one shard per silo.</summary>
    /// <param name="grains">The cluster client (<c>IClusterClient</c>) or a grain's factory.</param>
    public OrleansExplorationCluster(IGrainFactory grains)
        : this(grains, 1)
    {
    }

    /// <summary>Creates the cluster.</summary>
    /// <param name="grains">The cluster client (<c>IClusterClient</c>) or a grain's factory.</param>
    /// <param name="shardsPerSilo">
    /// Shards per silo. A shard works on one thread at a time, so a silo with many cores uses about as many shards.
    /// </param>
    public OrleansExplorationCluster(IGrainFactory grains, int shardsPerSilo)
    {
        ArgumentNullException.ThrowIfNull(grains);
        ArgumentOutOfRangeException.ThrowIfLessThan(shardsPerSilo, 1);
        this.grains = grains;
        ShardsPerSilo = shardsPerSilo;
    }

    /// <summary>Shards per silo.</summary>
    public int ShardsPerSilo { get; }

    /// <inheritdoc />
    /// <returns>The active silos times <see cref="ShardsPerSilo"/>.</returns>
    public async Task<int> GetShardCountAsync(CancellationToken cancellation)
    {
        Dictionary<SiloAddress, SiloStatus> hosts = await grains.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true).WaitAsync(cancellation);
        SiloAddress[] sorted = ExplorationShardPlacement.Sort(hosts.Keys);
        Volatile.Write(ref silos, sorted);
        return Math.Max(1, sorted.Length) * ShardsPerSilo;
    }

    /// <inheritdoc />
    /// <exception cref="ExplorationShardException">
    /// The call failed: the shard's silo was lost (the exception names it, as the membership or Orleans does), its
    /// grain answered from a new activation that holds none of the run, the call timed out, or the host threw.
    /// </exception>
    public async Task<byte[]> SendAsync(string run, int shard, byte[] request, CancellationToken cancellation)
    {
        IExplorationShardGrain grain = grains.GetGrain<IExplorationShardGrain>(new ShardKey(run, shard).ToString());
        try
        {
            ShardReply reply = await ReplyAsync(grain.Handle(request), cancellation);
            if (reply.Empty)
            {
                throw new InvalidOperationException($"the shard's grain is new on silo {reply.Silo} and holds none of the run's states");
            }

            return reply.Reply;
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e)
        {
            SiloAddress[] dealt = Volatile.Read(ref silos);
            string? silo = dealt.Length == 0 || shard < 0 ? null : dealt[shard % dealt.Length].ToString();
            // Orleans' exception names the silo it could not reach, which may be a peer the shard delivered to; the
            // membership says which silo is gone, once it has noticed: a request can fail (its grain placed anew, a
            // connection refused) before the membership declares the silo dead.
            SiloAddress[] lost = await LostSilosAsync(dealt);
            for (int look = 0; lost.Length == 0 && dealt.Length > 0 && look < LossNoticeChecks && !cancellation.IsCancellationRequested; look++)
            {
                await Task.Delay(MembershipCheckInterval, CancellationToken.None);
                lost = await LostSilosAsync(dealt);
            }

            throw new ExplorationShardException(run, shard, silo, lost.Select(s => s.ToString()).ToArray(), e);
        }
    }

    private async Task<ShardReply> ReplyAsync(Task<ShardReply> call, CancellationToken cancellation)
    {
        SiloAddress[] dealt = Volatile.Read(ref silos);
        while (true)
        {
            Task tick = Task.Delay(MembershipCheckInterval, cancellation);
            if (await Task.WhenAny(call, tick) == call)
            {
                return await call;
            }

            cancellation.ThrowIfCancellationRequested();
            SiloAddress[] lost = await LostSilosAsync(dealt);
            if (lost.Length > 0)
            {
                throw new SiloUnavailableException("no reply, and a silo of the run left the cluster");
            }
        }
    }

    private async Task<SiloAddress[]> LostSilosAsync(SiloAddress[] dealt)
    {
        if (dealt.Length == 0)
        {
            return dealt;
        }

        Dictionary<SiloAddress, SiloStatus> active;
        try
        {
            active = await grains.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true).WaitAsync(MembershipCheckInterval * 5);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The membership cannot be read now (the management grain's own silo may be the one lost): the request
            // still has its response timeout, and the next tick asks again.
            return Array.Empty<SiloAddress>();
        }

        return dealt.Where(s => !active.ContainsKey(s)).ToArray();
    }
}
