using System;
using System.Collections.Generic;
using System.Diagnostics;
using MergeQueue.Analyzers.Engine.Runtime;

namespace MergeQueue.Analyzers.Engine.Cluster;

/// <summary>
/// What one shard holds for one run: its states (numbered locally in the order added, level after level), each with
/// its parent's cluster identity (shard, local number), the action instance and depth, its frontier, the successors
/// other shards delivered for the next level, and, for the liveness search, the steps into its states. States are
/// expanded by the engine's own per-state routine (<see cref="BreadthFirstSearch{TState}.ExpandChunk"/>).
/// </summary>
internal sealed class ShardState
{
    private readonly IModel<PackedState> model;
    private readonly int shard;
    private readonly int shards;
    private readonly int maxDepth;
    private readonly StateGraph<PackedState> graph;
    private readonly BreadthFirstSearch<PackedState> search;
    private readonly ExpansionChunk<PackedState> chunk;
    private readonly int[] actionOfInstance;
    private readonly List<int> parentShards = new();
    private readonly List<int> parentLocals = new();

    // The graph's levels are this shard's levels with states, which may skip a depth: the depth of each.
    private readonly List<int> levelDepths = new();
    private readonly List<ShardInbox> inbox = new();
    private readonly HashSet<int> cutStates = new();

    // What this shard already reported, so that it reports each property, failure site and stuck state once.
    private readonly bool[] propertyReported;
    private readonly HashSet<(bool InPredicate, int Index, object? Site)> failuresReported = new();
    private bool stuckReported;

    // The steps into this shard's states (liveness only): source shard, source local, instance, target local.
    private readonly List<int>? edges;
    private int frontierEnd;
    private int next;
    private int batch;

    internal ShardState(IModel<PackedState> model, int shard, int shards, long maxSteps, int maxDepth, bool continueAfterViolation, bool recordEdges)
    {
        this.model = model;
        this.shard = shard;
        this.shards = shards;
        this.maxDepth = maxDepth > 0 ? maxDepth : int.MaxValue;
        var options = new ExplorationOptions { MaxStates = 0, MaxStepsPerExecution = maxSteps, ContinueAfterViolation = continueAfterViolation };
        var budget = new StepBudget(maxSteps, default);
        graph = new StateGraph<PackedState>(model, fingerprintsOnly: false, recordEdges: false, budget);
        search = new BreadthFirstSearch<PackedState>(model, options, graph, Stopwatch.StartNew());
        chunk = new ExpansionChunk<PackedState>(model.Actions.Count, model.ActionInstances.Count, model.StateComparer);
        actionOfInstance = new int[model.ActionInstances.Count];
        for (int i = 0; i < actionOfInstance.Length; i++)
        {
            actionOfInstance[i] = model.ActionInstances[i].Action;
        }

        propertyReported = new bool[model.Properties.Count];
        edges = recordEdges ? new List<int>() : null;
    }

    /// <summary>Adds initial states: (initial instance, state), each new to the cluster.</summary>
    internal void AddInitial(MessageReader request, MessageWriter reply)
    {
        int count = request.Count();
        for (int i = 0; i < count; i++)
        {
            int instance = request.Index();
            PackedState state = request.State();
            Add(state, graph.KeyOf(state), -1, 0, instance, 0);
        }

        frontierEnd = graph.Count;
    }

    /// <summary>
    /// Expands up to a given number of frontier states, delivering their successors to their owners in one payload
    /// per shard, and replies with what the coordinator needs: the steps taken, the actions enabled, the outcomes that
    /// may be violations, and the candidates and bytes delivered.
    /// </summary>
    internal List<ShardDelivery> Expand(MessageReader request, MessageWriter reply)
    {
        int limit = request.Count();
        bool[] done = request.Bits();
        for (int property = 0; property < done.Length; property++)
        {
            if (done[property])
            {
                search.MarkDone(property);
            }
        }

        int size = Math.Min(limit, frontierEnd - next);
        chunk.Reset(next, size);
        search.ExpandChunk(chunk);
        if (chunk.Error is Exception error)
        {
            throw new InvalidOperationException("Expanding state " + (chunk.First + chunk.Done) + " of shard " + shard + " threw " + error.GetType().Name + ": " + error.Message, error);
        }

        var payloads = new DeliveryWriter?[shards];
        int[] ends = chunk.SuccessorEnd;
        int successor = 0;
        for (int local = 0; local < chunk.Done; local++)
        {
            for (; successor < ends[local]; successor++)
            {
                int candidate = ~chunk.SuccessorTarget[successor];
                ulong key = chunk.CandidateKey[candidate];
                int owner = StateOwner.Of(key, shards);
                DeliveryWriter payload = payloads[owner] ??= new DeliveryWriter(shard, batch, model.StateComparer);
                payload.Add(chunk.First + local, chunk.SuccessorInstance[successor], chunk.CandidateState[candidate], key);
            }
        }

        next += chunk.Done;
        batch++;
        reply.Count(chunk.Done);
        reply.Bool(next < frontierEnd);
        reply.Long(chunk.Transitions);
        reply.Bits(chunk.ActionEnabled);
        WriteEvents(reply);
        var deliveries = new List<ShardDelivery>();
        long bytes = 0;
        for (int target = 0; target < shards; target++)
        {
            reply.Long(payloads[target]?.Successors ?? 0);
            if (payloads[target] is DeliveryWriter payload)
            {
                byte[] bytesOf = payload.ToArray();
                bytes += bytesOf.Length;
                deliveries.Add(new ShardDelivery(target, bytesOf));
            }
        }

        reply.Long(bytes);
        return deliveries;
    }

    /// <summary>Keeps a delivery for the next merge.</summary>
    internal void Deliver(byte[] payload)
    {
        inbox.Add(new ShardInbox(payload));
    }

    /// <summary>How many states delivered for the next level are new here (none is added).</summary>
    internal void CountNew(MessageWriter reply)
    {
        var seen = new HashSet<PackedState>(model.StateComparer);
        foreach (ShardInbox delivery in Ordered())
        {
            foreach ((_, _, PackedState state) in delivery.Successors())
            {
                if (graph.Find(state, graph.KeyOf(state)) < 0)
                {
                    seen.Add(state);
                }
            }
        }

        reply.Count(seen.Count);
    }

    /// <summary>
    /// Adds the new states delivered for level <c>depth</c>, in the order of their senders and then of each sender's
    /// deliveries, at most <c>keep</c> of them (-1: all); they become the frontier. Replies how many were added and
    /// whether the depth or the number of states kept one out.
    /// </summary>
    internal void Merge(MessageReader request, MessageWriter reply)
    {
        int depth = request.Count();
        int keep = request.Index();
        int first = graph.Count;
        bool cutByDepth = false;
        bool cutByStates = false;
        foreach (ShardInbox delivery in Ordered())
        {
            foreach ((int parent, int instance, PackedState state) in delivery.Successors())
            {
                ulong key = graph.KeyOf(state);
                int target = graph.Find(state, key);
                if (target < 0)
                {
                    if (depth > maxDepth)
                    {
                        cutByDepth = true;
                        continue;
                    }

                    if (keep >= 0 && graph.Count - first >= keep)
                    {
                        cutByStates = true;
                        continue;
                    }

                    target = Add(state, key, delivery.Sender, parent, instance, depth);
                }

                if (edges is not null)
                {
                    edges.Add(delivery.Sender);
                    edges.Add(parent);
                    edges.Add(instance);
                    edges.Add(target);
                }
            }
        }

        inbox.Clear();
        next = first;
        frontierEnd = graph.Count;
        reply.Count(graph.Count - first);
        reply.Bool(cutByDepth);
        reply.Bool(cutByStates);
    }

    /// <summary>One state for a trace: the state, its parent's shard and number, the instance that reached it.</summary>
    internal void Record(MessageReader request, MessageWriter reply)
    {
        int local = request.Count();
        reply.State(graph.State(local));
        reply.Index(parentShards[local]);
        reply.Count(parentLocals[local]);
        reply.Index(graph.ParentStep(local));
    }

    /// <summary>A page of states from a local number: each with its parent link, depth and whether a step from it was cut.</summary>
    internal void GatherStates(MessageReader request, MessageWriter reply)
    {
        int from = request.Count();
        int end = Math.Min(graph.Count, from + request.Count());
        reply.Count(Math.Max(0, end - from));
        for (int local = from; local < end; local++)
        {
            reply.State(graph.State(local));
            reply.Index(parentShards[local]);
            reply.Count(parentLocals[local]);
            reply.Index(graph.ParentStep(local));
            reply.Count(levelDepths[graph.Depth(local)]);
            reply.Bool(cutStates.Contains(local));
        }
    }

    /// <summary>A page of the steps into this shard's states: source shard, source number, instance, target number.</summary>
    internal void GatherEdges(MessageReader request, MessageWriter reply)
    {
        int from = request.Count();
        int count = edges is null ? 0 : Math.Max(0, Math.Min(edges.Count / 4 - from, request.Count()));
        reply.Count(count);
        for (int edge = from; edge < from + count; edge++)
        {
            reply.Count(edges![4 * edge]);
            reply.Count(edges[4 * edge + 1]);
            reply.Index(edges[4 * edge + 2]);
            reply.Count(edges[4 * edge + 3]);
        }
    }

    private int Add(PackedState state, ulong key, int parentShard, int parentLocal, int instance, int depth)
    {
        if (levelDepths.Count == 0 || levelDepths[levelDepths.Count - 1] != depth)
        {
            levelDepths.Add(depth);
        }

        parentShards.Add(parentShard);
        parentLocals.Add(parentLocal);
        return graph.Add(state, key, -1, instance, levelDepths.Count - 1);
    }

    /// <summary>
    /// The outcomes of the chunk the coordinator may turn into violations, each property, failure site and stuck
    /// state once per shard: the coordinator takes the first in (shard, state) order of the level, and a shard's
    /// later ones could only repeat it. A step outside the constraints is kept here for the liveness search.
    /// </summary>
    private void WriteEvents(MessageWriter reply)
    {
        var kept = new List<ExpansionEvent>();
        bool excluded = false;
        foreach (ExpansionEvent found in chunk.Events)
        {
            if (found.Kind == ExpansionEventKind.Excluded)
            {
                cutStates.Add(chunk.First + found.Local);
                excluded = true;
            }
            else if (IsFirst(found))
            {
                kept.Add(found);
            }
        }

        reply.Bool(excluded || search.ConstraintExcluded);
        reply.Count(kept.Count);
        foreach (ExpansionEvent found in kept)
        {
            reply.Count(chunk.First + found.Local);
            reply.Byte((byte)found.Kind);
            reply.Index(found.Index);
            reply.Index(found.Step);
            reply.Bool(found.Failure is not null);
        }
    }

    private bool IsFirst(ExpansionEvent found)
    {
        if (found.Failure is Failure failure)
        {
            return found.Kind == ExpansionEventKind.ActionFailed
                ? failuresReported.Add((false, actionOfInstance[found.Index], failure.Site))
                : failuresReported.Add((true, model.Properties[found.Index].Predicate, failure.Site));
        }

        if (found.Kind == ExpansionEventKind.Stuck)
        {
            bool first = !stuckReported;
            stuckReported = true;
            return first;
        }

        bool firstOfProperty = !propertyReported[found.Index];
        propertyReported[found.Index] = true;
        return firstOfProperty;
    }

    /// <summary>The deliveries in a fixed order: by sender, then in the order each sender made them.</summary>
    private IEnumerable<ShardInbox> Ordered()
    {
        var ordered = new List<ShardInbox>(inbox);
        ordered.Sort((a, b) => a.Sender != b.Sender ? a.Sender.CompareTo(b.Sender) : a.Batch.CompareTo(b.Batch));
        return ordered;
    }
}
