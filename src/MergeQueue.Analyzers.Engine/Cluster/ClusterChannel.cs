using System;
using System.Threading;
using System.Threading.Tasks;

namespace MergeQueue.Analyzers.Engine.Cluster;

/// <summary>
/// The coordinator's side of the conversation with the shards of one run: sends a request, counts its bytes, and turns
/// whatever goes wrong (the cluster throws, a host does not know the run, a shard fails) into a
/// <see cref="ClusterFaultException"/> that names the shard.
/// </summary>
internal sealed class ClusterChannel
{
    private readonly IExplorationCluster cluster;
    private readonly string run;
    private readonly CancellationToken cancellation;

    internal ClusterChannel(IExplorationCluster cluster, string run, CancellationToken cancellation, ClusterTraffic traffic)
    {
        this.cluster = cluster;
        this.run = run;
        this.cancellation = cancellation;
        Traffic = traffic;
    }

    internal ClusterTraffic Traffic { get; }

    /// <summary>The cluster's shard count for this run.</summary>
    internal async Task<int> ShardCountAsync()
    {
        int shards;
        try
        {
            shards = await cluster.GetShardCountAsync(cancellation).ConfigureAwait(false);
        }
        catch (Exception error) when (!(error is OperationCanceledException && cancellation.IsCancellationRequested))
        {
            throw new ClusterFaultException(-1, Describe(error), error);
        }

        return shards >= 1 ? shards : throw new ClusterFaultException(-1, "it has " + shards + " shards");
    }

    /// <summary>Sends <paramref name="request"/> to <paramref name="shard"/>; returns its reply, past the status.</summary>
    internal async Task<MessageReader> SendAsync(int shard, MessageWriter request)
    {
        byte[] bytes = request.ToArray();
        Traffic.AddRequest(bytes.Length);
        byte[] reply;
        try
        {
            reply = await cluster.SendAsync(run, shard, bytes, cancellation).ConfigureAwait(false);
        }
        catch (Exception error) when (!(error is OperationCanceledException && cancellation.IsCancellationRequested))
        {
            throw new ClusterFaultException(shard, Describe(error), error);
        }

        if (reply is null || reply.Length == 0)
        {
            throw new ClusterFaultException(shard, "it sent an empty reply");
        }

        Traffic.AddReply(reply.Length);
        var reader = new MessageReader(reply);
        return (ShardReplyStatus)reader.Byte() switch
        {
            ShardReplyStatus.Ok => reader,
            ShardReplyStatus.UnknownRun => throw new ClusterFaultException(
                shard, "its host does not know run " + run + ": it was created after the run began, so the states it held are lost"),
            ShardReplyStatus.Failed => throw new ClusterFaultException(shard, reader.Text()),
            _ => throw new ClusterFaultException(shard, "it sent a reply the engine does not read"),
        };
    }

    /// <summary>Ends the run on a shard, so that it drops its data; a failure then changes nothing.</summary>
    internal async Task CloseAsync(int shard)
    {
        var request = new MessageWriter(1);
        request.Byte((byte)ShardRequestKind.Close);
        byte[] bytes = request.ToArray();
        Traffic.AddRequest(bytes.Length);
        try
        {
            byte[] reply = await cluster.SendAsync(run, shard, bytes, CancellationToken.None).ConfigureAwait(false);
            Traffic.AddReply(reply?.Length ?? 0);
        }
        catch (Exception)
        {
            // The run's result is decided; a shard that cannot be reached now drops its data when its host goes.
        }
    }

    private static string Describe(Exception error) => error.GetType().Name + ": " + error.Message;
}
