using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MergeQueue.Analyzers.Engine.Runtime;

namespace MergeQueue.Analyzers.Engine.Cluster;

/// <summary>
/// The coordinator of one cluster run, in the calling process. It builds the initial states and sends each to its
/// owner; then, level by level, every shard expands its frontier and delivers the successors to their owners (barrier),
/// every shard merges what it was delivered (barrier), and the coordinator applies the outcomes the shards reported as
/// the one-machine search does, with the same bookkeeping (<see cref="BreadthFirstSearch{TState}.Apply(int, ExpansionEvent, ViolationBuilder{TState})"/>).
/// A trace is the path walked back across the shards, rebuilt here on a graph of its own states. With liveness
/// properties, a complete run gathers the explored graph into this process for the engine's liveness search.
/// </summary>
internal sealed class ClusterRun
{
    // States a shard expands per request, and states or steps per gathering request: a request's bytes stay megabytes.
    private const int ExpandBatch = 16384;
    private const int GatherPage = 16384;
    private static readonly TimeSpan ProgressInterval = TimeSpan.FromMilliseconds(500);

    private readonly IModel<PackedState> model;
    private readonly ExplorationOptions options;
    private readonly IExplorationCluster cluster;
    private readonly string run = Guid.NewGuid().ToString("N");
    private readonly Stopwatch clock = new();
    private readonly ClusterTraffic traffic = new();
    private readonly Dictionary<(int Shard, int Local), ShardRecord> records = new();
    private readonly long memoryBaseline;
    private StepBudget budget;
    private BreadthFirstSearch<PackedState> ledger = null!;
    private ClusterChannel channel = null!;
    private int shards;
    private int[] shardCounts = Array.Empty<int>();
    private long states;
    private int depth;
    private bool excluded;
    private ExplorationBound cut;
    private TimeSpan lastProgress;

    internal ClusterRun(IModel<PackedState> model, ExplorationOptions options)
    {
        this.model = model;
        this.options = options;
        cluster = options.Cluster!;
        memoryBaseline = options.MaxMemoryMegabytes > 0 ? GC.GetTotalMemory(forceFullCollection: false) : 0;
    }

    internal async Task<ExplorationResult> RunAsync()
    {
        clock.Start();
        using var deadline = options.Timeout is TimeSpan limit && limit > TimeSpan.Zero
            ? CancellationTokenSource.CreateLinkedTokenSource(options.CancellationToken)
            : null;
        if (deadline is not null && options.Timeout!.Value.TotalMilliseconds < int.MaxValue)
        {
            deadline.CancelAfter(options.Timeout.Value);
        }

        CancellationToken token = deadline?.Token ?? options.CancellationToken;
        budget = new StepBudget(options.MaxStepsPerExecution, token);
        var initial = new StateGraph<PackedState>(model, fingerprintsOnly: false, recordEdges: false, budget);

        // The coordinator's bookkeeping of what was reported; it stops the run itself, so it never stops on its own.
        var ledgerOptions = new ExplorationOptions
        {
            MaxStates = 0,
            MaxStepsPerExecution = options.MaxStepsPerExecution,
            CancellationToken = options.CancellationToken,
            ContinueAfterViolation = true,
        };
        ledger = new BreadthFirstSearch<PackedState>(model, ledgerOptions, initial, clock, token);
        channel = new ClusterChannel(cluster, run, token, traffic);
        ExplorationBound stoppedBy;
        string? fault = null;
        StateGraph<PackedState>? livenessGraph = null;
        bool[]? cutStates = null;
        bool opened = false;
        try
        {
            if (!ledger.AddInitialStates())
            {
                stoppedBy = ExplorationBound.None;
            }
            else
            {
                states = initial.Count;
                shards = await channel.ShardCountAsync().ConfigureAwait(false);
                opened = true;
                await OpenAsync(initial).ConfigureAwait(false);
                stoppedBy = await SearchAsync().ConfigureAwait(false);
                if (stoppedBy == ExplorationBound.None && Explorer.HasLivenessProperty(model))
                {
                    (livenessGraph, cutStates) = await GatherAsync().ConfigureAwait(false);
                }
            }
        }
        catch (ClusterFaultException error)
        {
            stoppedBy = ExplorationBound.ClusterFault;
            fault = ReportText.ClusterFault(model.Name, error.Shard, error.Message, states, depth);
        }
        catch (OperationCanceledException) when (options.CancellationToken.IsCancellationRequested)
        {
            stoppedBy = ExplorationBound.Cancelled;
        }
        catch (OperationCanceledException) when (deadline?.IsCancellationRequested == true)
        {
            stoppedBy = ExplorationBound.Timeout;
        }
        catch (OutOfMemoryException)
        {
            stoppedBy = ExplorationBound.MaxMemory;
        }

        if (opened)
        {
            await Task.WhenAll(Enumerable.Range(0, shards).Select(channel.CloseAsync)).ConfigureAwait(false);
        }

        if (options.Progress is not null)
        {
            ReportProgress();
        }

        ExplorationResult result = Explorer.Conclude(
            model, options, clock, budget, ledger, stoppedBy, states, depth, livenessGraph, cutStates, () => null, fingerprintsOnly: false, fault);
        result.Traffic = traffic;
        return result;
    }

    /// <summary>Opens the run on every shard and sends each initial state to its owner.</summary>
    private async Task OpenAsync(StateGraph<PackedState> initial)
    {
        await ForEachShard(shard =>
        {
            var request = new MessageWriter();
            request.Byte((byte)ShardRequestKind.Open);
            request.Text(model.GetType().AssemblyQualifiedName!);
            request.Count(shards);
            request.Long(options.MaxStepsPerExecution);
            request.Count(Math.Max(0, options.MaxDepth));
            request.Bool(options.ContinueAfterViolation);
            request.Bool(Explorer.HasLivenessProperty(model));
            return channel.SendAsync(shard, request);
        }).ConfigureAwait(false);

        var owned = new List<int>[shards];
        for (int state = 0; state < initial.Count; state++)
        {
            int owner = StateOwner.Of(initial.KeyOf(initial.State(state)), shards);
            (owned[owner] ??= new List<int>()).Add(state);
        }

        shardCounts = new int[shards];
        await ForEachShard(shard =>
        {
            var request = new MessageWriter();
            request.Byte((byte)ShardRequestKind.Initial);
            List<int> mine = owned[shard] ?? new List<int>();
            request.Count(mine.Count);
            foreach (int state in mine)
            {
                request.Index(initial.ParentStep(state));
                request.State(initial.State(state));
            }

            shardCounts[shard] = mine.Count;
            return channel.SendAsync(shard, request);
        }).ConfigureAwait(false);
    }

    /// <summary>The levels, each ending at two barriers; returns what stopped the search, as the one-machine search would.</summary>
    private async Task<ExplorationBound> SearchAsync()
    {
        // A violation among the initial states ends the run before any state is visited.
        if (!options.ContinueAfterViolation && ledger.Violations.Count > 0)
        {
            return ExplorationBound.SafetyViolation;
        }

        for (int level = 0; ; level++)
        {
            if (BoundNow() is var bound && bound != ExplorationBound.None)
            {
                return bound;
            }

            ShardExpansion[] expansions = await ExpandAsync().ConfigureAwait(false);
            foreach (ShardExpansion expansion in expansions)
            {
                ledger.AddTransitions(expansion.Transitions);
                excluded |= expansion.Excluded;
                for (int action = 0; expansion.ActionEnabled is not null && action < expansion.ActionEnabled.Length; action++)
                {
                    if (expansion.ActionEnabled[action])
                    {
                        ledger.MarkEnabled(action);
                    }
                }
            }

            await ApplyAsync(expansions).ConfigureAwait(false);
            long added = await MergeAsync(expansions, level + 1).ConfigureAwait(false);
            if (options.Progress is not null && clock.Elapsed - lastProgress >= ProgressInterval)
            {
                ReportProgress();
            }

            // As on one machine: the level of the first violation is visited to its end, the next one only added.
            if (!options.ContinueAfterViolation && ledger.Violations.Count > 0)
            {
                return cut != ExplorationBound.None ? cut : added > 0 ? ExplorationBound.SafetyViolation : ExplorationBound.None;
            }

            if (added == 0)
            {
                return cut;
            }
        }
    }

    /// <summary>Phase 1: every shard expands its whole frontier, request after request, delivering as it goes.</summary>
    private Task<ShardExpansion[]> ExpandAsync()
    {
        bool[] done = new bool[model.Properties.Count];
        for (int property = 0; property < done.Length; property++)
        {
            done[property] = ledger.IsDone(property);
        }

        return ForEachShard(async shard =>
        {
            var expansion = new ShardExpansion(shards);
            bool more = true;
            while (more)
            {
                var request = new MessageWriter();
                request.Byte((byte)ShardRequestKind.Expand);
                request.Count(ExpandBatch);
                request.Bits(done);
                more = expansion.Read(await channel.SendAsync(shard, request).ConfigureAwait(false), traffic);
            }

            return expansion;
        });
    }

    /// <summary>
    /// Applies the shards' outcomes in (shard, state) order, which picks the same violations (one per property, failure
    /// site and stuck state) as one machine, found at the same level, so with traces of the same length.
    /// </summary>
    private async Task ApplyAsync(ShardExpansion[] expansions)
    {
        for (int shard = 0; shard < shards; shard++)
        {
            foreach (ShardEvent reported in expansions[shard].Events)
            {
                var found = new ExpansionEvent(0, reported.Kind, reported.Index, null, reported.Step);
                bool ofProperty = reported.Kind is ExpansionEventKind.Invariant or ExpansionEventKind.StepInvariant or ExpansionEventKind.Reachable;
                if (ofProperty && ledger.IsDone(reported.Index))
                {
                    // Reported already (a failure of a property is looked at only while the property is not done).
                    continue;
                }

                if (!reported.Failed)
                {
                    if (reported.Kind == ExpansionEventKind.Reachable)
                    {
                        // Reached: no violation, no trace.
                        ledger.Apply(-1, found, ledger.Builder);
                        continue;
                    }

                    if (reported.Kind == ExpansionEventKind.Stuck && ledger.StuckReported)
                    {
                        continue;
                    }
                }

                StateGraph<PackedState> path = await PathAsync(shard, reported.Local).ConfigureAwait(false);
                int end = path.Count - 1;
                if (reported.Failed)
                {
                    found = found with { Failure = FailureReplay.Of(model, path, end, found, budget) };
                }

                ledger.Apply(end, found, new ViolationBuilder<PackedState>(model, path, budget));
            }
        }
    }

    /// <summary>
    /// Phase 2: every shard adds the new states delivered to it. Near <see cref="ExplorationOptions.MaxStates"/> the
    /// shards first count theirs, and the room left goes to the lowest shards first, so exactly MaxStates are kept.
    /// </summary>
    private async Task<long> MergeAsync(ShardExpansion[] expansions, int newDepth)
    {
        var keep = Enumerable.Repeat(-1, shards).ToArray();
        long candidates = expansions.Sum(e => e.CandidatesTo.Sum());
        bool withinDepth = options.MaxDepth <= 0 || newDepth <= options.MaxDepth;
        if (options.MaxStates > 0 && withinDepth && states + candidates > options.MaxStates)
        {
            int[] fresh = await ForEachShard(async shard =>
            {
                var request = new MessageWriter(1);
                request.Byte((byte)ShardRequestKind.Count);
                return (await channel.SendAsync(shard, request).ConfigureAwait(false)).Count();
            }).ConfigureAwait(false);
            long room = Math.Max(0, options.MaxStates - states);
            for (int shard = 0; shard < shards; shard++)
            {
                keep[shard] = (int)Math.Min(fresh[shard], room);
                room -= keep[shard];
            }
        }

        var merged = await ForEachShard(async shard =>
        {
            var request = new MessageWriter();
            request.Byte((byte)ShardRequestKind.Merge);
            request.Count(newDepth);
            request.Index(keep[shard]);
            MessageReader reply = await channel.SendAsync(shard, request).ConfigureAwait(false);
            return (Added: reply.Count(), ByDepth: reply.Bool(), ByStates: reply.Bool());
        }).ConfigureAwait(false);
        long added = 0;
        for (int shard = 0; shard < shards; shard++)
        {
            added += merged[shard].Added;
            shardCounts[shard] += merged[shard].Added;
            if (merged[shard].ByDepth)
            {
                Cut(ExplorationBound.MaxDepth);
            }

            if (merged[shard].ByStates)
            {
                Cut(ExplorationBound.MaxStates);
            }
        }

        states += added;
        if (added > 0)
        {
            depth = newDepth;
        }

        return added;
    }

    /// <summary>The path from an initial state to (shard, local), walked back across the shards, as a graph of its own.</summary>
    private async Task<StateGraph<PackedState>> PathAsync(int shard, int local)
    {
        var chain = new List<ShardRecord>();
        while (true)
        {
            if (!records.TryGetValue((shard, local), out ShardRecord record))
            {
                var request = new MessageWriter();
                request.Byte((byte)ShardRequestKind.Record);
                request.Count(local);
                MessageReader reply = await channel.SendAsync(shard, request).ConfigureAwait(false);
                record = new ShardRecord(reply.State(), reply.Index(), reply.Count(), reply.Index());
                records[(shard, local)] = record;
            }

            chain.Add(record);
            if (record.ParentShard < 0)
            {
                break;
            }

            (shard, local) = (record.ParentShard, record.ParentLocal);
        }

        var path = new StateGraph<PackedState>(model, fingerprintsOnly: false, recordEdges: false, budget);
        for (int step = 0; step < chain.Count; step++)
        {
            ShardRecord record = chain[chain.Count - 1 - step];
            path.Add(record.State, path.KeyOf(record.State), step - 1, record.Instance, step);
        }

        return path;
    }

    /// <summary>
    /// Gathers the explored graph into this process for the liveness search: the states in breadth-first order (level,
    /// then shard, then local number), each step in its source state's action instance order, and the states with a
    /// step outside the constraints.
    /// </summary>
    private async Task<(StateGraph<PackedState> Graph, bool[]? Cut)> GatherAsync()
    {
        ShardGathering[] gathered = await ForEachShard(GatherShardAsync).ConfigureAwait(false);
        int total = checked((int)states);
        var numbers = new int[shards][];
        var order = new (int Shard, int Local)[total];
        var next = new int[shards];
        int number = 0;
        for (int level = 0; level <= depth; level++)
        {
            for (int shard = 0; shard < shards; shard++)
            {
                numbers[shard] ??= new int[gathered[shard].States.Count];
                List<ShardRecord> mine = gathered[shard].States;
                while (next[shard] < mine.Count && gathered[shard].Depths[next[shard]] == level)
                {
                    numbers[shard][next[shard]] = number;
                    order[number++] = (shard, next[shard]++);
                }
            }
        }

        var graph = new StateGraph<PackedState>(model, fingerprintsOnly: false, recordEdges: true, budget);
        bool[]? cutStates = excluded || ledger.ConstraintExcluded ? new bool[total] : null;
        for (int state = 0; state < total; state++)
        {
            (int shard, int local) = order[state];
            ShardRecord record = gathered[shard].States[local];
            int parent = record.ParentShard < 0 ? -1 : numbers[record.ParentShard][record.ParentLocal];
            graph.Add(record.State, graph.KeyOf(record.State), parent, record.Instance, gathered[shard].Depths[local]);
            if (cutStates is not null)
            {
                cutStates[state] = gathered[shard].Cut[local];
            }
        }

        // The steps, grouped by source state and in action instance order within one, as one machine records them.
        var steps = new List<(int Source, int Instance, int Target)>();
        for (int shard = 0; shard < shards; shard++)
        {
            List<int> edges = gathered[shard].Edges;
            for (int edge = 0; edge < edges.Count; edge += 4)
            {
                steps.Add((numbers[edges[edge]][edges[edge + 1]], edges[edge + 2], numbers[shard][edges[edge + 3]]));
            }
        }

        steps.Sort((a, b) => a.Source != b.Source ? a.Source.CompareTo(b.Source) : a.Instance.CompareTo(b.Instance));
        int at = 0;
        for (int state = 0; state < total; state++)
        {
            graph.BeginSuccessors(state);
            for (; at < steps.Count && steps[at].Source == state; at++)
            {
                graph.AddEdge(steps[at].Target, steps[at].Instance);
            }
        }

        return (graph, cutStates);
    }

    private async Task<ShardGathering> GatherShardAsync(int shard)
    {
        var gathering = new ShardGathering();
        while (gathering.States.Count < shardCounts[shard])
        {
            var request = new MessageWriter();
            request.Byte((byte)ShardRequestKind.GatherStates);
            request.Count(gathering.States.Count);
            request.Count(GatherPage);
            MessageReader reply = await channel.SendAsync(shard, request).ConfigureAwait(false);
            int count = reply.Count();
            if (count == 0)
            {
                throw new ClusterFaultException(shard, "it holds " + gathering.States.Count + " states, not " + shardCounts[shard]);
            }

            for (int i = 0; i < count; i++)
            {
                gathering.States.Add(new ShardRecord(reply.State(), reply.Index(), reply.Count(), reply.Index()));
                gathering.Depths.Add(reply.Count());
                gathering.Cut.Add(reply.Bool());
            }
        }

        while (true)
        {
            var request = new MessageWriter();
            request.Byte((byte)ShardRequestKind.GatherEdges);
            request.Count(gathering.Edges.Count / 4);
            request.Count(GatherPage);
            MessageReader reply = await channel.SendAsync(shard, request).ConfigureAwait(false);
            int count = reply.Count();
            for (int i = 0; i < count; i++)
            {
                gathering.Edges.Add(reply.Count());
                gathering.Edges.Add(reply.Count());
                gathering.Edges.Add(reply.Index());
                gathering.Edges.Add(reply.Count());
            }

            if (count < GatherPage)
            {
                return gathering;
            }
        }
    }

    /// <summary>Cancellation, the time limit and the memory limit, looked at between levels.</summary>
    private ExplorationBound BoundNow() =>
        options.CancellationToken.IsCancellationRequested ? ExplorationBound.Cancelled
        : options.Timeout is TimeSpan limit && clock.Elapsed > limit ? ExplorationBound.Timeout
        : options.MaxMemoryMegabytes > 0 && GC.GetTotalMemory(forceFullCollection: false) - memoryBaseline > options.MaxMemoryMegabytes * 1024L * 1024L ? ExplorationBound.MaxMemory
        : ExplorationBound.None;

    private void Cut(ExplorationBound bound)
    {
        if (cut == ExplorationBound.None)
        {
            cut = bound;
        }
    }

    private void ReportProgress()
    {
        TimeSpan elapsed = clock.Elapsed;
        lastProgress = elapsed;
        options.Progress!.Report(new ExplorationProgress(states, depth, elapsed.TotalSeconds > 0 ? states / elapsed.TotalSeconds : 0, elapsed));
    }

    /// <summary>Runs <paramref name="send"/> for every shard at once; the results in shard order.</summary>
    private Task<T[]> ForEachShard<T>(Func<int, Task<T>> send) => Task.WhenAll(Enumerable.Range(0, shards).Select(send));

    /// <summary>What one shard sent for the liveness search.</summary>
    private sealed class ShardGathering
    {
        internal List<ShardRecord> States { get; } = new();

        internal List<int> Depths { get; } = new();

        internal List<bool> Cut { get; } = new();

        internal List<int> Edges { get; } = new();
    }
}
