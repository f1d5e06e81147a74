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
/// The queue is visited in batches of consecutive state numbers. Workers expand slices of a batch in parallel
/// (stepping the model, evaluating properties and looking successors up in the graph, which nobody changes
/// meanwhile); then one thread merges the slices in state order, adding new states and turning outcomes into
/// violations exactly as a one-state-at-a-time search would. So state numbers, parents, traces and the violations
/// found are the same whatever the number of workers.
/// </remarks>
internal sealed class BreadthFirstSearch<TState>
{
    private const int ClockCheckInterval = 256;
    private const int MinChunkSize = 256;
    private const int SequentialBatchSize = 4096;
    private const int ParallelBatchSize = 16384;
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

                int end = Math.Min(graph.Count, next + (workers > 1 ? ParallelBatchSize : SequentialBatchSize));
                Expand(next, end);
                ExplorationBound stopped = Merge();
                if (stopped != ExplorationBound.None)
                {
                    return stopped;
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
        bool recordKnown = graph.RecordsEdges;
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

                TState successor = outcome.Successor;
                ulong key = graph.KeyOf(successor);
                int known = graph.Find(successor, key);
                if (known < 0)
                {
                    chunk.AddCandidate(ref cursor, instance, successor, key);
                }
                else if (recordKnown)
                {
                    chunk.AddKnown(ref cursor, instance, known);
                }
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
