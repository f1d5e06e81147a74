using System.Collections.Generic;

namespace MergeQueue.Analyzers.Engine.Cluster;

/// <summary>What one shard reported for one level's expansion, over its Expand requests, in state order.</summary>
internal sealed class ShardExpansion
{
    internal ShardExpansion(int shards) => CandidatesTo = new long[shards];

    internal long Transitions { get; private set; }

    /// <summary>Per action: an instance was enabled in some expanded state.</summary>
    internal bool[]? ActionEnabled { get; private set; }

    /// <summary>A step led outside the <c>[Constraint]</c> members.</summary>
    internal bool Excluded { get; private set; }

    internal List<ShardEvent> Events { get; } = new();

    /// <summary>Per shard: the successors delivered to it (an upper bound on the new states it will add).</summary>
    internal long[] CandidatesTo { get; }

    /// <summary>Reads one Expand reply; true when the shard's frontier has more states.</summary>
    internal bool Read(MessageReader reply, ClusterTraffic traffic)
    {
        reply.Count();
        bool more = reply.Bool();
        Transitions += reply.Long();
        bool[] enabled = reply.Bits();
        if (ActionEnabled is null)
        {
            ActionEnabled = enabled;
        }
        else
        {
            for (int action = 0; action < enabled.Length; action++)
            {
                ActionEnabled[action] |= enabled[action];
            }
        }

        Excluded |= reply.Bool();
        int events = reply.Count();
        for (int i = 0; i < events; i++)
        {
            Events.Add(new ShardEvent(reply.Count(), (ExpansionEventKind)reply.Byte(), reply.Index(), reply.Index(), reply.Bool()));
        }

        long deliveries = 0;
        for (int target = 0; target < CandidatesTo.Length; target++)
        {
            long candidates = reply.Long();
            CandidatesTo[target] += candidates;
            deliveries += candidates > 0 ? 1 : 0;
        }

        traffic.AddDeliveries(deliveries, reply.Long());
        return more;
    }
}
