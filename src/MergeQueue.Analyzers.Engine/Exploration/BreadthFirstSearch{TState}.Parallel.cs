using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Runtime.ExceptionServices;
using System.Threading;
using System.Threading.Tasks;

namespace MergeQueue.Analyzers.Engine;
/// <summary>The several-worker search: batches expanded in parallel, merged shard by shard, numbered in state order.</summary>
internal sealed partial class BreadthFirstSearch<TState>
{
    private const int TouchAhead = 8;
    /// <summary>
    /// Every initial state built by the workers, in combination order, when there are several workers and at least a
    /// batch's worth of combinations (a model whose every state is initial, as a TLA+ <c>Init</c> over a whole domain,
    /// builds them all here); else null, and they are built one at a time as they are added.
    /// </summary>
    private StepOutcome<TState>[]? BuildInitialStatesOnWorkers()
    {
        int count = model.InitialInstances.Count;
        if (workers == 1 || count < DirectBatchLimit)
        {
            return null;
        }

        var built = new StepOutcome<TState>[count];
        int chunkSize = (count + 4 * workers - 1) / (4 * workers);
        int chunks = (count + chunkSize - 1) / chunkSize;
        var errors = new Exception?[chunks];
        Parallel.For(0, chunks, new ParallelOptions { MaxDegreeOfParallelism = workers }, chunk =>
        {
            try
            {
                for (int initial = chunk * chunkSize, end = Math.Min(count, initial + chunkSize); initial < end; initial++)
                {
                    built[initial] = model.CreateInitialState(initial, budget);
                }
            }
            catch (Exception error)
            {
                // Thrown again as itself (a cancellation, say), not wrapped as Parallel.For would.
                errors[chunk] = error;
            }
        });
        foreach (Exception? error in errors)
        {
            if (error is not null)
            {
                ExceptionDispatchInfo.Capture(error).Throw();
            }
        }

        return built;
    }

    /// <summary>Expands states [first, end) into chunks, on the workers when there are enough states.</summary>
    private void Expand(int first, int end)
    {
        int size = end - first;

        // The workers read the batch's states at once: from the frontier's file, they are read here first.
        graph.LoadStates(first, end);
        int parallel = workers > 1 && size >= 2 * MinChunkSize ? workers : 1;
        int chunkSize = parallel == 1 ? size : Math.Max(MinChunkSize, (size + 4 * parallel - 1) / (4 * parallel));
        chunkCount = (size + chunkSize - 1) / chunkSize;
        while (chunks.Count < chunkCount)
        {
            chunks.Add(new ExpansionChunk<TState>(actionEnabled.Length, actionOfInstance.Length, graph.FingerprintsOnly ? null : model.StateComparer));
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

    /// <summary>
    /// Runs on a worker, or on a cluster's shard for a run of its frontier: reads the graph and the model, writes only
    /// to the chunk, every successor as a candidate.
    /// </summary>
    internal void ExpandChunk(ExpansionChunk<TState> chunk)
    {
        ExpansionCursor cursor = chunk.Begin();
        ExpandStates(chunk, ref cursor);
        chunk.End(ref cursor);
    }

    private void ExpandStates(ExpansionChunk<TState> chunk, ref ExpansionCursor cursor)
    {
        // Each worker looks at the time and memory bounds whenever 10 ms passed, as one worker does between states: a
        // batch of 65,536 large states would otherwise run far past them before the next batch looks.
        long nextLook = Stopwatch.GetTimestamp() + LimitCheckTicks;
        for (int local = 0; local < chunk.Size; local++)
        {
            if (cancellation.IsCancellationRequested)
            {
                chunk.StoppedBy = ExplorationBound.Cancelled;
                return;
            }

            if (LimitsNow(ref nextLook) is var bound && bound != ExplorationBound.None)
            {
                chunk.StoppedBy = bound;
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
        bool checksSteps = constraints.Length > 0 || stepInvariants.Length > 0;
        ulong currentKey = stepInvariants.Length > 0 ? graph.KeyOf(current) : 0;
        int[] instances = InstancesToStep(current, chunk.Instances, out int candidates);
        for (int candidate = 0; candidate < candidates; candidate++)
        {
            int instance = instances[candidate];
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

                // Not looked up here (unless the constraints need to know): in breadth-first order most successors
                // are new states of the next level, so the merge would look nearly all of them up again.
                TState successor = outcome.Successor;
                if (graph.TryKeyOf(successor, out ulong key) is { } tooDeep)
                {
                    chunk.AddEvent(ExpansionEventKind.ActionFailed, instance, tooDeep);
                    continue;
                }

                if (checksSteps)
                {
                    // A successor the chunk holds already passed the constraints when it was added: they are not tested
                    // again (step invariants are, each step being another pair of states).
                    if (stepInvariants.Length == 0 && chunk.AddRepeat(ref cursor, instance, successor, key))
                    {
                        continue;
                    }

                    if (!CheckStep(current, currentKey, successor, key, instance, chunk.Events, chunk.Expanding))
                    {
                        continue;
                    }
                }

                chunk.AddCandidate(ref cursor, instance, successor, key);
            }
            else if (outcome.Kind == StepOutcomeKind.Failed)
            {
                chunk.AddEvent(ExpansionEventKind.ActionFailed, instance, outcome.Failure);
            }
        }

        if (!anyEnabled && checkStuck)
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

                    if (error is OperationCanceledException && deadline.IsCancellationRequested)
                    {
                        return ExplorationBound.Timeout;
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
            ulong touched = 0;
            for (int i = 0; i < chunk.CandidateCount; i++)
            {
                // Touching a slot some candidates ahead overlaps the memory misses of the lookups.
                if (i + TouchAhead < chunk.CandidateCount && graph.ShardOf(keys[i + TouchAhead]) == shard)
                {
                    touched ^= table.Touch(keys[i + TouchAhead]);
                }

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

            touchedSink ^= touched;
        }
    }

    /// <summary>Runs on a worker: replaces the provisional numbers of one shard's new states by their numbers.</summary>
    private void NumberShard(int shard)
    {
        FingerprintTable table = graph.Table(shard);
        if (!table.Numbered)
        {
            return;
        }

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
        if (!graph.RecordsEdges)
        {
            NumberNewStates(chunk);
            return;
        }

        List<ExpansionEvent> events = chunk.Events;
        int[] ends = chunk.SuccessorEnd;
        int[] instances = chunk.SuccessorInstance;
        int[] targets = chunk.SuccessorTarget;
        TState[] candidates = chunk.CandidateState;
        ulong[] keys = chunk.CandidateKey;
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
                        // The first step to a new state numbers it; its chunk's later steps to it find the number.
                        target = numbers[candidate];
                        if (target < 0)
                        {
                            target = graph.Append(candidates[candidate], keys[candidate], state, instances[successorAt], successorDepth);
                            numbers[candidate] = target;
                        }
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

    /// <summary>
    /// <see cref="NumberChunk"/> when no steps are recorded: its events, then its new states in the order of the steps
    /// that made them, which is the order of its candidates; the steps to states already numbered are not walked.
    /// </summary>
    private void NumberNewStates(ExpansionChunk<TState> chunk)
    {
        // An event only reads the states already added, and which level is being visited.
        foreach (ExpansionEvent found in chunk.Events)
        {
            Apply(chunk.First + found.Local, found);
        }

        TState[] candidates = chunk.CandidateState;
        ulong[] keys = chunk.CandidateKey;
        (int Local, int Instance)[] from = chunk.CandidateFrom;
        int[] links = chunk.CandidateLink;
        int[] numbers = chunk.CandidateNumber;
        int depthOf = -1;
        int successorDepth = 0;
        for (int candidate = 0; candidate < chunk.CandidateCount; candidate++)
        {
            if (links[candidate] == -1)
            {
                int parent = chunk.First + from[candidate].Local;
                if (parent != depthOf)
                {
                    depthOf = parent;
                    successorDepth = graph.Depth(parent) + 1;
                }

                numbers[candidate] = graph.Append(candidates[candidate], keys[candidate], parent, from[candidate].Instance, successorDepth);
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
}
