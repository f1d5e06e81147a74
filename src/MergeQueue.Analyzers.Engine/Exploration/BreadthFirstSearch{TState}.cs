using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Runtime.ExceptionServices;
using System.Threading;
using System.Threading.Tasks;

namespace MergeQueue.Analyzers.Engine;

/// <summary>
/// Breadth-first exploration with every safety check in the same pass: invariants, stuck states, failures,
/// <c>[Reachable]</c> and never-enabled actions. Each violation is kept once, the first found, which breadth-first
/// order makes a shallowest one; the search goes on after it (like TLC's <c>-continue</c>).
/// </summary>
/// <remarks>
/// <para>
/// With one worker the states are visited one at a time in number order and each successor is found or added with
/// one probe of the table.
/// </para>
/// <para>
/// With more, the queue is visited in batches of consecutive state numbers. Workers expand slices of a batch in
/// parallel (stepping the model, evaluating properties, hashing successors); then one worker per shard of the table
/// adds the successors of its shard with provisional numbers, in (state, action instance) order, so each successor
/// is found to be an older state, the first of a new state in the batch, or a repeat of that first one. One thread
/// then walks the slices in state order, numbering the new states and turning outcomes into violations exactly as a
/// one-state-at-a-time search would, and the shards' workers write the numbers into their tables. Near a bound on
/// states or depth a batch is merged one successor at a time instead. So state numbers, parents, traces and the
/// violations found are the same whatever the number of workers.
/// </para>
/// </remarks>
internal sealed class BreadthFirstSearch<TState>
{
    private const int ClockCheckInterval = 256;
    private const int MinChunkSize = 256;

    // One worker: how often visited states are released (fingerprint mode) and progress is considered.
    private const int SequentialBatchSize = 4096;

    // Several workers: three waits for all of them per batch, so batches are large; a smaller one is visited directly.
    private const int ParallelBatchSize = 65536;
    private const int DirectBatchLimit = 4096;

    // A provisional number in a shard's table while a batch is merged: int.MinValue | chunk << 24 | candidate.
    private const int ProvisionalChunkShift = 24;
    private const int ProvisionalChunkMask = 0x7F;
    private const int ProvisionalIndexMask = (1 << ProvisionalChunkShift) - 1;
    private static readonly TimeSpan ProgressInterval = TimeSpan.FromMilliseconds(500);

    private readonly IModel<TState> model;
    private readonly StateGraph<TState> graph;
    private readonly ViolationBuilder<TState> violationBuilder;
    private readonly StepBudget budget;
    private readonly int maxStates;
    private readonly int maxDepth;
    private readonly TimeSpan? timeout;
    private readonly Stopwatch clock;
    private readonly CancellationToken cancellation;
    private readonly int workers;
    private readonly IProgress<ExplorationProgress>? progress;

    private readonly int[] invariants;
    private readonly int[] terminals;
    private readonly int[] reachables;
    private readonly int[] actionOfInstance;
    private readonly bool[] propertyDone;
    private readonly bool[] actionEnabled;
    private readonly HashSet<FailureKey> failuresSeen = new();
    private readonly List<ExpansionChunk<TState>> chunks = new();
    private bool stuckFound;
    private ExplorationBound cut;
    private int chunkCount;
    private int nextChunk;
    private TimeSpan lastProgress;

    internal BreadthFirstSearch(IModel<TState> model, ExplorationOptions options, StateGraph<TState> graph, Stopwatch clock)
    {
        this.model = model;
        this.graph = graph;
        this.clock = clock;
        budget = new StepBudget(options.MaxStepsPerExecution, options.CancellationToken);
        violationBuilder = new ViolationBuilder<TState>(model, graph, budget);
        maxStates = options.MaxStates > 0 ? options.MaxStates : int.MaxValue;
        maxDepth = options.MaxDepth > 0 ? options.MaxDepth : int.MaxValue;
        timeout = options.Timeout;
        cancellation = options.CancellationToken;
        workers = Math.Max(1, options.Workers);
        progress = options.Progress;

        invariants = PropertiesOfKind(PropertyKind.Invariant);
        terminals = PropertiesOfKind(PropertyKind.Terminal);
        reachables = PropertiesOfKind(PropertyKind.Reachable);
        propertyDone = new bool[model.Properties.Count];
        actionEnabled = new bool[model.Actions.Count];
        actionOfInstance = new int[model.ActionInstances.Count];
        for (int i = 0; i < actionOfInstance.Length; i++)
        {
            actionOfInstance[i] = model.ActionInstances[i].Action;
        }
    }

    /// <summary>Violations in the order found.</summary>
    internal List<Violation> Violations { get; } = new();

    /// <summary>Enabled action executions so far.</summary>
    internal long Transitions { get; private set; }

    /// <summary>True when some instance of <paramref name="action"/> was enabled in a visited state.</summary>
    internal bool WasEnabled(int action) => actionEnabled[action];

    /// <summary>True when <c>[Reachable]</c> property <paramref name="property"/> held in a visited state.</summary>
    internal bool WasReached(int property) => propertyDone[property];

    /// <summary>
    /// True the first time this failure of <paramref name="predicate"/> is seen, here or by a later stage, so that a
    /// failing statement is reported once however many properties share the predicate.
    /// </summary>
    internal bool IsNewPredicateFailure(int predicate, Failure failure) => failuresSeen.Add(new FailureKey(true, predicate, failure.Site));

    /// <summary>Explores until every reachable state is visited or a bound stops it; returns that bound.</summary>
    internal ExplorationBound Run()
    {
        try
        {
            if (!AddInitialState())
            {
                return ExplorationBound.None;
            }

            if (workers == 1)
            {
                return RunDirect();
            }

            int next = 0;
            while (next < graph.Count)
            {
                if (cancellation.IsCancellationRequested)
                {
                    return ExplorationBound.Cancelled;
                }

                if (timeout is TimeSpan limit && clock.Elapsed > limit)
                {
                    return ExplorationBound.Timeout;
                }

                int end = Math.Min(graph.Count, next + ParallelBatchSize);
                if (end - next < DirectBatchLimit)
                {
                    // Too few states to share out: visit them as one worker would.
                    for (; next < end; next++)
                    {
                        if (cancellation.IsCancellationRequested)
                        {
                            return ExplorationBound.Cancelled;
                        }

                        Transitions += Visit(next);
                    }
                }
                else
                {
                    Expand(next, end);
                    ExplorationBound stopped = CanMergeShards(end) ? MergeShards() : Merge();
                    if (stopped != ExplorationBound.None)
                    {
                        return stopped;
                    }
                }

                next = end;
                graph.ReleaseStatesBelow(next);
                if (progress is not null && clock.Elapsed - lastProgress >= ProgressInterval)
                {
                    ReportProgress();
                }
            }

            return cut;
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            // A model checks the token inside long executions and may throw; that is a cancellation, not a failure.
            return ExplorationBound.Cancelled;
        }
        finally
        {
            // The expansion buffers are not needed any more; the liveness search may need the memory.
            chunks.Clear();
            if (progress is not null)
            {
                ReportProgress();
            }
        }
    }

    /// <summary>
    /// One worker: visits the states one at a time in number order, adding each new successor as it is found (one
    /// probe of the table finds it or gives the slot to add it at), with no buffering.
    /// </summary>
    private ExplorationBound RunDirect()
    {
        int next = 0;
        long transitions = 0;
        try
        {
            while (next < graph.Count)
            {
                if (cancellation.IsCancellationRequested)
                {
                    return ExplorationBound.Cancelled;
                }

                if ((next & (ClockCheckInterval - 1)) == 0)
                {
                    if (timeout is TimeSpan limit && clock.Elapsed > limit)
                    {
                        return ExplorationBound.Timeout;
                    }

                    if ((next & (SequentialBatchSize - 1)) == 0 && next > 0)
                    {
                        graph.ReleaseStatesBelow(next);
                        if (progress is not null && clock.Elapsed - lastProgress >= ProgressInterval)
                        {
                            Transitions += transitions;
                            transitions = 0;
                            ReportProgress();
                        }
                    }
                }

                transitions += Visit(next);
                next++;
            }

            return cut;
        }
        finally
        {
            Transitions += transitions;
        }
    }

    /// <summary>Checks one state and adds its new successors; returns the number of enabled steps.</summary>
    private int Visit(int state)
    {
        TState current = graph.State(state);
        foreach (int property in invariants)
        {
            if (!propertyDone[property])
            {
                PredicateOutcome outcome = model.Evaluate(current, model.Properties[property].Predicate, budget);
                if (outcome.Failure is not null || !outcome.Value)
                {
                    Apply(state, new ExpansionEvent(0, ExpansionEventKind.Invariant, property, outcome.Failure));
                }
            }
        }

        foreach (int property in reachables)
        {
            if (!propertyDone[property])
            {
                PredicateOutcome outcome = model.Evaluate(current, model.Properties[property].Predicate, budget);
                if (outcome.Failure is not null || outcome.Value)
                {
                    Apply(state, new ExpansionEvent(0, ExpansionEventKind.Reachable, property, outcome.Failure));
                }
            }
        }

        int enabledSteps = 0;
        graph.BeginSuccessors(state);
        int successorDepth = graph.Depth(state) + 1;
        for (int instance = 0; instance < actionOfInstance.Length; instance++)
        {
            StepOutcome<TState> outcome = model.Step(current, instance, budget);
            if (outcome.Kind == StepOutcomeKind.Enabled)
            {
                enabledSteps++;
                actionEnabled[actionOfInstance[instance]] = true;
                TState successor = outcome.Successor;
                ulong key = graph.KeyOf(successor);
                int target = graph.FindOrSlot(successor, key, out int slot);
                if (target < 0)
                {
                    if (successorDepth > maxDepth)
                    {
                        Cut(ExplorationBound.MaxDepth);
                        continue;
                    }

                    if (graph.Count >= maxStates)
                    {
                        Cut(ExplorationBound.MaxStates);
                        continue;
                    }

                    target = graph.AddAt(slot, successor, key, state, instance, successorDepth);
                }

                graph.AddEdge(target, instance);
            }
            else if (outcome.Kind == StepOutcomeKind.Failed)
            {
                Apply(state, new ExpansionEvent(0, ExpansionEventKind.ActionFailed, instance, outcome.Failure));
            }
        }

        if (enabledSteps == 0)
        {
            foreach (int property in terminals)
            {
                PredicateOutcome outcome = model.Evaluate(current, model.Properties[property].Predicate, budget);
                if (outcome.Failure is not null)
                {
                    Apply(state, new ExpansionEvent(0, ExpansionEventKind.TerminalFailed, property, outcome.Failure));
                }
                else if (outcome.Value)
                {
                    return 0;
                }
            }

            Apply(state, new ExpansionEvent(0, ExpansionEventKind.Stuck, -1, null));
        }

        return enabledSteps;
    }

    private void ReportProgress()
    {
        TimeSpan elapsed = clock.Elapsed;
        lastProgress = elapsed;
        int count = graph.Count;
        int depth = count == 0 ? 0 : graph.Depth(count - 1);
        double perSecond = elapsed.TotalSeconds > 0 ? count / elapsed.TotalSeconds : 0;
        progress!.Report(new ExplorationProgress(count, depth, perSecond, elapsed));
    }

    private bool AddInitialState()
    {
        StepOutcome<TState> initial = model.CreateInitialState(budget);
        switch (initial.Kind)
        {
            case StepOutcomeKind.Enabled:
                graph.Add(initial.Successor, graph.KeyOf(initial.Successor), -1, -1, 0);
                return true;
            case StepOutcomeKind.Failed:
                Violations.Add(violationBuilder.InitialStateFailed(initial.Failure!));
                return false;
            default:
                var requireFailed = new Failure(
                    FailureKind.Exception, "a Require is false: " + (initial.Reason?.Text ?? "disabled"), initial.Reason?.Site);
                Violations.Add(violationBuilder.InitialStateFailed(requireFailed));
                return false;
        }
    }

    /// <summary>Expands states [first, end) into chunks, on the workers when there are enough states.</summary>
    private void Expand(int first, int end)
    {
        int size = end - first;
        int parallel = workers > 1 && size >= 2 * MinChunkSize ? workers : 1;
        int chunkSize = parallel == 1 ? size : Math.Max(MinChunkSize, (size + 4 * parallel - 1) / (4 * parallel));
        chunkCount = (size + chunkSize - 1) / chunkSize;
        while (chunks.Count < chunkCount)
        {
            chunks.Add(new ExpansionChunk<TState>(actionEnabled.Length));
        }

        for (int i = 0; i < chunkCount; i++)
        {
            int chunkFirst = first + i * chunkSize;
            chunks[i].Reset(chunkFirst, Math.Min(chunkSize, end - chunkFirst));
        }

        if (parallel == 1)
        {
            for (int i = 0; i < chunkCount; i++)
            {
                ExpandChunk(chunks[i]);
            }

            return;
        }

        nextChunk = -1;
        Parallel.For(0, parallel, new ParallelOptions { MaxDegreeOfParallelism = parallel }, _ =>
        {
            for (int i = Interlocked.Increment(ref nextChunk); i < chunkCount; i = Interlocked.Increment(ref nextChunk))
            {
                ExpandChunk(chunks[i]);
            }
        });
    }

    /// <summary>Runs on a worker: reads the graph and the model, writes only to the chunk.</summary>
    private void ExpandChunk(ExpansionChunk<TState> chunk)
    {
        ExpansionCursor cursor = chunk.Begin();
        ExpandStates(chunk, ref cursor);
        chunk.End(ref cursor);
    }

    private void ExpandStates(ExpansionChunk<TState> chunk, ref ExpansionCursor cursor)
    {
        for (int local = 0; local < chunk.Size; local++)
        {
            if (cancellation.IsCancellationRequested)
            {
                chunk.StoppedBy = ExplorationBound.Cancelled;
                return;
            }

            if (timeout is TimeSpan limit && local % ClockCheckInterval == ClockCheckInterval - 1 && clock.Elapsed > limit)
            {
                chunk.StoppedBy = ExplorationBound.Timeout;
                return;
            }

            try
            {
                ExpandState(chunk, ref cursor, chunk.First + local);
            }
            catch (Exception error)
            {
                chunk.AbandonState(ref cursor);
                chunk.Error = error;
                return;
            }

            chunk.EndState(ref cursor);
        }
    }

    private void ExpandState(ExpansionChunk<TState> chunk, ref ExpansionCursor cursor, int state)
    {
        TState current = graph.State(state);
        foreach (int property in invariants)
        {
            // propertyDone changes only while merging; a property done later in this batch is filtered then.
            if (!propertyDone[property])
            {
                PredicateOutcome outcome = model.Evaluate(current, model.Properties[property].Predicate, budget);
                if (outcome.Failure is not null || !outcome.Value)
                {
                    chunk.AddEvent(ExpansionEventKind.Invariant, property, outcome.Failure);
                }
            }
        }

        foreach (int property in reachables)
        {
            if (!propertyDone[property])
            {
                PredicateOutcome outcome = model.Evaluate(current, model.Properties[property].Predicate, budget);
                if (outcome.Failure is not null || outcome.Value)
                {
                    chunk.AddEvent(ExpansionEventKind.Reachable, property, outcome.Failure);
                }
            }
        }

        bool anyEnabled = false;
        bool[] enabled = chunk.ActionEnabled;
        for (int instance = 0; instance < actionOfInstance.Length; instance++)
        {
            StepOutcome<TState> outcome = model.Step(current, instance, budget);
            if (outcome.Kind == StepOutcomeKind.Enabled)
            {
                anyEnabled = true;
                cursor.StateTransitions++;
                int action = actionOfInstance[instance];
                if (!enabled[action])
                {
                    // Written once: chunks of other workers may share the cache line.
                    enabled[action] = true;
                }

                // Not looked up here: in breadth-first order most successors are new states of the next level,
                // so the merge would look nearly all of them up again.
                TState successor = outcome.Successor;
                chunk.AddCandidate(ref cursor, instance, successor, graph.KeyOf(successor));
            }
            else if (outcome.Kind == StepOutcomeKind.Failed)
            {
                chunk.AddEvent(ExpansionEventKind.ActionFailed, instance, outcome.Failure);
            }
        }

        if (!anyEnabled)
        {
            foreach (int property in terminals)
            {
                PredicateOutcome outcome = model.Evaluate(current, model.Properties[property].Predicate, budget);
                if (outcome.Failure is not null)
                {
                    chunk.AddEvent(ExpansionEventKind.TerminalFailed, property, outcome.Failure);
                }
                else if (outcome.Value)
                {
                    return;
                }
            }

            chunk.AddEvent(ExpansionEventKind.Stuck, -1, null);
        }
    }

    /// <summary>Adds what the chunks found, in state order; returns what stopped a chunk early, if anything did.</summary>
    private ExplorationBound Merge()
    {
        for (int i = 0; i < chunkCount; i++)
        {
            ExpansionChunk<TState> chunk = chunks[i];
            MergeChunk(chunk);
            Transitions += chunk.Transitions;
            for (int action = 0; action < actionEnabled.Length; action++)
            {
                actionEnabled[action] |= chunk.ActionEnabled[action];
            }

            if (chunk.Done < chunk.Size)
            {
                if (chunk.Error is Exception error)
                {
                    if (error is OperationCanceledException && cancellation.IsCancellationRequested)
                    {
                        return ExplorationBound.Cancelled;
                    }

                    ExceptionDispatchInfo.Capture(error).Throw();
                }

                return chunk.StoppedBy;
            }
        }

        return ExplorationBound.None;
    }

    /// <summary>
    /// True when the chunks can be merged shard by shard: every state was expanded and no bound can keep a successor
    /// out (else the merge must go one successor at a time, as <see cref="Merge"/> does).
    /// </summary>
    private bool CanMergeShards(int end)
    {
        if (graph.Shards < 2 || chunkCount > ProvisionalChunkMask + 1 || graph.Depth(end - 1) + 1 > maxDepth)
        {
            return false;
        }

        long candidates = 0;
        for (int i = 0; i < chunkCount; i++)
        {
            ExpansionChunk<TState> chunk = chunks[i];
            if (chunk.Done < chunk.Size || chunk.CandidateCount > ProvisionalIndexMask)
            {
                return false;
            }

            candidates += chunk.CandidateCount;
        }

        return graph.Count + candidates <= maxStates;
    }

    /// <summary>
    /// Merges the chunks in three passes. First, one worker per shard of the table adds the candidates of its shard
    /// in (state, action instance) order with provisional numbers, so that a candidate either is the first of its
    /// state in the batch or links to that first one. Then one thread walks the chunks in order, as
    /// <see cref="Merge"/> does, numbering the first candidates and applying the events. Last, each shard's worker
    /// writes the numbers into its table. The states get the numbers one-at-a-time merging gives them.
    /// </summary>
    private ExplorationBound MergeShards()
    {
        for (int i = 0; i < chunkCount; i++)
        {
            chunks[i].PrepareResolution();
        }

        int shards = graph.Shards;
        Parallel.For(0, shards, new ParallelOptions { MaxDegreeOfParallelism = Math.Min(workers, shards) }, InsertShard);

        for (int i = 0; i < chunkCount; i++)
        {
            ExpansionChunk<TState> chunk = chunks[i];
            NumberChunk(chunk);
            Transitions += chunk.Transitions;
            for (int action = 0; action < actionEnabled.Length; action++)
            {
                actionEnabled[action] |= chunk.ActionEnabled[action];
            }
        }

        Parallel.For(0, shards, new ParallelOptions { MaxDegreeOfParallelism = Math.Min(workers, shards) }, NumberShard);
        return ExplorationBound.None;
    }

    /// <summary>Runs on a worker: adds the candidates of one shard to its table, each new state once.</summary>
    private void InsertShard(int shard)
    {
        FingerprintTable table = graph.Table(shard);
        int count = 0;
        for (int c = 0; c < chunkCount; c++)
        {
            ExpansionChunk<TState> chunk = chunks[c];
            ulong[] keys = chunk.CandidateKey;
            for (int i = 0; i < chunk.CandidateCount; i++)
            {
                if (graph.ShardOf(keys[i]) == shard)
                {
                    count++;
                }
            }
        }

        table.Reserve(count);
        bool fingerprintsOnly = graph.FingerprintsOnly;
        IEqualityComparer<TState> comparer = model.StateComparer;
        for (int c = 0; c < chunkCount; c++)
        {
            ExpansionChunk<TState> chunk = chunks[c];
            ulong[] keys = chunk.CandidateKey;
            TState[] candidates = chunk.CandidateState;
            int[] links = chunk.CandidateLink;
            int[] slots = chunk.CandidateSlot;
            for (int i = 0; i < chunk.CandidateCount; i++)
            {
                ulong key = keys[i];
                if (graph.ShardOf(key) != shard)
                {
                    continue;
                }

                int slot = table.Home(key);
                while (true)
                {
                    int id = table.Probe(key, ref slot);
                    if (id == -1)
                    {
                        table.InsertAt(slot, key, int.MinValue | (c << ProvisionalChunkShift) | i);
                        links[i] = -1;
                        slots[i] = slot;
                        break;
                    }

                    // A number: a state added before the batch. A provisional number: a candidate of this batch,
                    // added before this one.
                    if (id >= 0
                        ? graph.Holds(id, candidates[i])
                        : fingerprintsOnly || comparer.Equals(chunks[(id >> ProvisionalChunkShift) & ProvisionalChunkMask].CandidateState[id & ProvisionalIndexMask], candidates[i]))
                    {
                        links[i] = id;
                        break;
                    }
                }
            }
        }
    }

    /// <summary>Runs on a worker: replaces the provisional numbers of one shard's new states by their numbers.</summary>
    private void NumberShard(int shard)
    {
        FingerprintTable table = graph.Table(shard);
        for (int c = 0; c < chunkCount; c++)
        {
            ExpansionChunk<TState> chunk = chunks[c];
            ulong[] keys = chunk.CandidateKey;
            int[] links = chunk.CandidateLink;
            int[] slots = chunk.CandidateSlot;
            int[] numbers = chunk.CandidateNumber;
            for (int i = 0; i < chunk.CandidateCount; i++)
            {
                if (links[i] == -1 && graph.ShardOf(keys[i]) == shard)
                {
                    table.SetId(slots[i], numbers[i]);
                }
            }
        }
    }

    /// <summary>Numbers a chunk's new states in order and records its events and steps, as <see cref="MergeChunk"/>.</summary>
    private void NumberChunk(ExpansionChunk<TState> chunk)
    {
        List<ExpansionEvent> events = chunk.Events;
        int[] ends = chunk.SuccessorEnd;
        int[] instances = chunk.SuccessorInstance;
        int[] targets = chunk.SuccessorTarget;
        TState[] candidates = chunk.CandidateState;
        int[] links = chunk.CandidateLink;
        int[] numbers = chunk.CandidateNumber;
        int eventAt = 0;
        int successorAt = 0;
        for (int local = 0; local < chunk.Done; local++)
        {
            int state = chunk.First + local;
            while (eventAt < events.Count && events[eventAt].Local == local)
            {
                Apply(state, events[eventAt++]);
            }

            graph.BeginSuccessors(state);
            int successorDepth = graph.Depth(state) + 1;
            for (int end = ends[local]; successorAt < end; successorAt++)
            {
                int target = targets[successorAt];
                if (target < 0)
                {
                    int candidate = ~target;
                    int link = links[candidate];
                    if (link >= 0)
                    {
                        target = link;
                    }
                    else if (link == -1)
                    {
                        target = graph.Append(candidates[candidate], state, instances[successorAt], successorDepth);
                        numbers[candidate] = target;
                    }
                    else
                    {
                        target = chunks[(link >> ProvisionalChunkShift) & ProvisionalChunkMask].CandidateNumber[link & ProvisionalIndexMask];
                    }
                }

                graph.AddEdge(target, instances[successorAt]);
            }
        }
    }

    private void MergeChunk(ExpansionChunk<TState> chunk)
    {
        List<ExpansionEvent> events = chunk.Events;
        int[] ends = chunk.SuccessorEnd;
        int[] instances = chunk.SuccessorInstance;
        int[] targets = chunk.SuccessorTarget;
        TState[] candidates = chunk.CandidateState;
        ulong[] keys = chunk.CandidateKey;
        int eventAt = 0;
        int successorAt = 0;
        for (int local = 0; local < chunk.Done; local++)
        {
            int state = chunk.First + local;
            while (eventAt < events.Count && events[eventAt].Local == local)
            {
                Apply(state, events[eventAt++]);
            }

            graph.BeginSuccessors(state);
            int successorDepth = graph.Depth(state) + 1;
            for (int end = ends[local]; successorAt < end; successorAt++)
            {
                int target = targets[successorAt];
                if (target < 0)
                {
                    target = FindOrAdd(candidates[~target], keys[~target], state, instances[successorAt], successorDepth);
                }

                if (target >= 0)
                {
                    graph.AddEdge(target, instances[successorAt]);
                }
            }
        }
    }

    /// <summary>Turns an outcome into a violation where the one-state-at-a-time search would have.</summary>
    private void Apply(int state, ExpansionEvent found)
    {
        switch (found.Kind)
        {
            case ExpansionEventKind.Invariant:
                if (!propertyDone[found.Index])
                {
                    if (found.Failure is Failure failure)
                    {
                        ReportPredicateFailure(state, found.Index, failure);
                    }
                    else
                    {
                        propertyDone[found.Index] = true;
                        Violations.Add(violationBuilder.InvariantViolated(found.Index, state));
                    }
                }

                break;
            case ExpansionEventKind.Reachable:
                if (!propertyDone[found.Index])
                {
                    if (found.Failure is Failure failure)
                    {
                        ReportPredicateFailure(state, found.Index, failure);
                    }
                    else
                    {
                        propertyDone[found.Index] = true;
                    }
                }

                break;
            case ExpansionEventKind.ActionFailed:
                if (failuresSeen.Add(new FailureKey(false, actionOfInstance[found.Index], found.Failure!.Site)))
                {
                    Violations.Add(violationBuilder.ActionFailed(state, found.Index, found.Failure));
                }

                break;
            case ExpansionEventKind.TerminalFailed:
                ReportPredicateFailure(state, found.Index, found.Failure!);
                break;
            default:
                if (!stuckFound)
                {
                    stuckFound = true;
                    Violations.Add(violationBuilder.Stuck(state, terminals.Length > 0));
                }

                break;
        }
    }

    /// <summary>The successor's number, adding it if new and within the bounds; -1 when a bound kept it out.</summary>
    private int FindOrAdd(TState successor, ulong key, int parent, int instance, int depth)
    {
        int known = graph.Find(successor, key);
        if (known >= 0)
        {
            return known;
        }

        if (depth > maxDepth)
        {
            Cut(ExplorationBound.MaxDepth);
            return -1;
        }

        if (graph.Count >= maxStates)
        {
            Cut(ExplorationBound.MaxStates);
            return -1;
        }

        return graph.Add(successor, key, parent, instance, depth);
    }

    private void Cut(ExplorationBound bound)
    {
        if (cut == ExplorationBound.None)
        {
            cut = bound;
        }
    }

    /// <summary>A predicate failed in this state: reported once per failure site.</summary>
    private void ReportPredicateFailure(int state, int property, Failure failure)
    {
        if (failuresSeen.Add(new FailureKey(true, model.Properties[property].Predicate, failure.Site)))
        {
            Violations.Add(violationBuilder.PredicateFailed(state, property, failure));
        }
    }

    private int[] PropertiesOfKind(PropertyKind kind)
    {
        var found = new List<int>();
        for (int i = 0; i < model.Properties.Count; i++)
        {
            if (model.Properties[i].Kind == kind)
            {
                found.Add(i);
            }
        }

        return found.ToArray();
    }

    /// <summary>One failure is reported once per (action or predicate, failing statement).</summary>
    private readonly record struct FailureKey(bool InPredicate, int Index, object? Site);
}
