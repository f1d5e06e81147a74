using System.Collections.Generic;
using MergeQueue.Analyzers.Engine.Runtime;

namespace MergeQueue.Analyzers.Engine.Cluster;

/// <summary>
/// One delivery a shard received for the next level (written by <see cref="DeliveryWriter"/>): its sender, the
/// sender's request count when it made it, and the successors, read when the level is counted and merged.
/// </summary>
internal sealed class ShardInbox
{
    private readonly byte[] payload;

    internal ShardInbox(byte[] payload)
    {
        this.payload = payload;
        var header = new MessageReader(payload);
        Sender = header.Count();
        Batch = header.Count();
    }

    internal int Sender { get; }

    internal int Batch { get; }

    /// <summary>The successors in the order the sender found them: parent's local number, action instance, state.</summary>
    internal IEnumerable<(int Parent, int Instance, PackedState State)> Successors()
    {
        var reader = new MessageReader(payload);
        reader.Count();
        reader.Count();
        var carried = new List<PackedState>();
        while (!reader.AtEnd)
        {
            int parent = reader.Count();
            int instance = reader.Index();
            int reference = reader.Count();
            if (reference == 0)
            {
                carried.Add(reader.State());
            }

            yield return (parent, instance, carried[reference == 0 ? carried.Count - 1 : reference - 1]);
        }
    }
}
