using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Runtime.ExceptionServices;
using System.Threading;
using System.Threading.Tasks;

namespace MergeQueue.Analyzers.Engine;

/// <summary>
/// Breadth-first exploration with every safety check in the same pass: invariants, step invariants, stuck states,
/// failures, <c>[Reachable]</c> and never-enabled actions, within the <c>[Constraint]</c> members. Each violation is
/// kept once, the first found, which breadth-first order makes a shallowest one. By default the search stops at the end
/// of the level whose visit found the first one (TLC stops at it); with
/// <see cref="ExplorationOptions.ContinueAfterViolation"/> it goes on (TLC's <c>-continue</c>).
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
internal sealed partial class BreadthFirstSearch<TState>
{
    private const int ClockCheckInterval = 256;

    // Between those counted checks, the time and memory bounds are also looked at whenever this much time has passed:
    // 256 states of a model holding a 64 MB array took 64 s and 4 GB past a 5 s, 1 GB bound. A timestamp a state is cheap.
    private static readonly long LimitCheckTicks = Stopwatch.Frequency / 100;
    private const int MinChunkSize = 64;

    // One worker: how often visited states are released (fingerprint mode) and progress is considered.
    private const int SequentialBatchSize = 4096;

    // Several workers: three waits for all of them per batch, so batches are large; a smaller one is visited directly,
    // unless its states are costly enough that sharing them out pays for the waits (a model of many small levels whose
    // states each take tens of microseconds, such as a PlusCal algorithm's, has no batch of 4,096).
    private const int ParallelBatchSize = 65536;
    private const int DirectBatchLimit = 4096;
    private const int SharedBatchMinimum = 2 * MinChunkSize;
    private static readonly long SharedBatchWork = Stopwatch.Frequency / 500;

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
    private readonly long memoryBaseline;
    private readonly long maxMemoryBytes;
    private readonly Stopwatch clock;
    private readonly CancellationToken cancellation;

    // Cancelled when the time limit passes (linked to the caller's token); what the steps' budget looks at.
    private readonly CancellationToken deadline;
    private readonly int workers;
    private readonly IProgress<ExplorationProgress>? progress;

    private readonly int[] invariants;
    private readonly int[] terminals;
    private readonly int[] reachables;
    private readonly int[] constraints;
    private readonly int[] stepInvariants;
    private readonly bool checkStuck;
    private readonly bool stopAtViolation;
    private readonly int[] actionOfInstance;
    private readonly IGuardedModel<TState>? guarded;
    private readonly int[] allInstances;
    private readonly bool[] propertyDone;
    private readonly bool[] actionEnabled;
    private readonly HashSet<FailureKey> failuresSeen = new();
    private readonly List<ExpansionChunk<TState>> chunks = new();
    private bool stuckFound;
    private ExplorationBound cut;
    private int chunkCount;
    private int nextChunk;
    private TimeSpan lastProgress;

    // What a state has cost to visit on one thread so far, for deciding whether a small batch is worth sharing out.
    private long directTicks;
    private long directStates;

    /// <summary>How many batches went to the workers (one worker: none).</summary>
    internal int SharedBatches { get; private set; }

    internal BreadthFirstSearch(IModel<TState> model, ExplorationOptions options, StateGraph<TState> graph, Stopwatch clock, CancellationToken deadline = default)
    {
        this.model = model;
        this.graph = graph;
        this.clock = clock;
        this.deadline = deadline;

        // Long executions look at the token, so the deadline stops them inside a step; states alone are too coarse.
        budget = new StepBudget(options.MaxStepsPerExecution, deadline.CanBeCanceled ? deadline : options.CancellationToken);
        violationBuilder = new ViolationBuilder<TState>(model, graph, budget);
        maxStates = options.MaxStates > 0 ? options.MaxStates : int.MaxValue;
        maxDepth = options.MaxDepth > 0 ? options.MaxDepth : int.MaxValue;
        timeout = options.Timeout;
        maxMemoryBytes = options.MaxMemoryMegabytes > 0 ? options.MaxMemoryMegabytes * 1024L * 1024L : long.MaxValue;
        memoryBaseline = options.MaxMemoryMegabytes > 0 ? GC.GetTotalMemory(forceFullCollection: false) : 0;
        cancellation = options.CancellationToken;
        workers = Math.Max(1, options.Workers);
        progress = options.Progress;

        invariants = PropertiesOfKind(PropertyKind.Invariant);
        terminals = PropertiesOfKind(PropertyKind.Terminal);
        reachables = PropertiesOfKind(PropertyKind.Reachable);
        constraints = PropertiesOfKind(PropertyKind.Constraint);
        stepInvariants = PropertiesOfKind(PropertyKind.StepInvariant);
        checkStuck = model.CheckStuck;
        stopAtViolation = !options.ContinueAfterViolation;
        propertyDone = new bool[model.Properties.Count];
        actionEnabled = new bool[model.Actions.Count];
        actionOfInstance = new int[model.ActionInstances.Count];
        for (int i = 0; i < actionOfInstance.Length; i++)
        {
            actionOfInstance[i] = model.ActionInstances[i].Action;
        }

        guarded = model as IGuardedModel<TState>;
        allInstances = new int[actionOfInstance.Length];
        for (int i = 0; i < allInstances.Length; i++)
        {
            allInstances[i] = i;
        }

        stepCandidates = new int[actionOfInstance.Length];
        stepStates = new TState[actionOfInstance.Length];
        stepKeys = new ulong[actionOfInstance.Length];
        stepInstances = new int[actionOfInstance.Length];
    }

    /// <summary>Violations in the order found.</summary>
    internal List<Violation> Violations { get; } = new();

    /// <summary>Enabled action executions so far.</summary>
    internal long Transitions { get; private set; }

    /// <summary>Counts the enabled steps a cluster's shards took.</summary>
    internal void AddTransitions(long count) => Transitions += count;

    /// <summary>True when some instance of <paramref name="action"/> was enabled in a visited state.</summary>
    internal bool WasEnabled(int action) => actionEnabled[action];

    /// <summary>Some instance of <paramref name="action"/> was enabled in a state a cluster's shard visited.</summary>
    internal void MarkEnabled(int action) => actionEnabled[action] = true;

    /// <summary>
    /// Property <paramref name="property"/> needs no more evaluations: the coordinator reported it, so a shard's
    /// expansion skips it as the one-machine search does.
    /// </summary>
    internal void MarkDone(int property) => propertyDone[property] = true;

    /// <summary>True when property <paramref name="property"/> was reported (or, for a <c>[Reachable]</c> one, held).</summary>
    internal bool IsDone(int property) => propertyDone[property];

    /// <summary>True when a stuck state was reported (one is reported, the first found).</summary>
    internal bool StuckReported => stuckFound;

    /// <summary>Builds the violations whose trace needs no graph (a property never reached).</summary>
    internal ViolationBuilder<TState> Builder => violationBuilder;

    /// <summary>True when <c>[Reachable]</c> property <paramref name="property"/> held in a visited state.</summary>
    internal bool WasReached(int property) => propertyDone[property];

    /// <summary>
    /// True the first time this failure of <paramref name="predicate"/> is seen, here or by a later stage, so that a
    /// failing statement is reported once however many properties share the predicate.
    /// </summary>
    internal bool IsNewPredicateFailure(int predicate, Failure failure) => failuresSeen.Add(new FailureKey(true, predicate, failure.Site));

    /// <summary>
    /// Explores until every reachable state is visited, a bound stops it, or (by default) the level of the first
    /// violation is visited; returns what stopped it.
    /// </summary>
    internal ExplorationBound Run()
    {
        try
        {
            if (!AddInitialStates())
            {
                return ExplorationBound.None;
            }

            if (workers == 1)
            {
                return RunDirect();
            }

            int next = 0;
            while (next < graph.Count && next < stopAt)
            {
                if (cancellation.IsCancellationRequested)
                {
                    return ExplorationBound.Cancelled;
                }

                if (timeout is TimeSpan limit && clock.Elapsed > limit)
                {
                    return ExplorationBound.Timeout;
                }

                int end = BatchEnd(next, ParallelBatchSize);
                if (!WorthSharing(end - next))
                {
                    // Too little work to share out: visit the states as one worker would.
                    long started = Stopwatch.GetTimestamp();
                    int first = next;
                    for (; next < end && next < stopAt; next++)
                    {
                        if (cancellation.IsCancellationRequested)
                        {
                            return ExplorationBound.Cancelled;
                        }

                        Transitions += Visit(next);
                    }

                    directTicks += Stopwatch.GetTimestamp() - started;
                    directStates += next - first;
                }
                else
                {
                    SharedBatches++;
                    Expand(next, end);
                    ExplorationBound stopped = CanMergeShards(end) ? MergeShards() : Merge();
                    if (stopped != ExplorationBound.None)
                    {
                        return stopped;
                    }
                }

                next = end;
                graph.ReleaseStatesBelow(next);
                if (OverMemory())
                {
                    return ExplorationBound.MaxMemory;
                }

                if (progress is not null && clock.Elapsed - lastProgress >= ProgressInterval)
                {
                    ReportProgress();
                }
            }

            return Stopped(next);
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            // A model checks the token inside long executions and may throw; that is a cancellation, not a failure.
            return ExplorationBound.Cancelled;
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            // A step ran into the time limit.
            return ExplorationBound.Timeout;
        }
        catch (OutOfMemoryException)
        {
            // The graph stays consistent up to its count (a state is counted last), and the buffers go below.
            return ExplorationBound.MaxMemory;
        }
        finally
        {
            // The expansion buffers are not needed any more; the liveness search may need the memory.
            chunks.Clear();
            graph.EndSearch();
            if (progress is not null)
            {
                ReportProgress();
            }
        }
    }

    /// <summary>
    /// Whether a batch of <paramref name="size"/> states goes to the workers: a large one always; a smaller one when the
    /// states visited so far on one thread say it holds at least <see cref="SharedBatchWork"/> of work.
    /// </summary>
    private bool WorthSharing(int size) =>
        size >= DirectBatchLimit
        || (size >= SharedBatchMinimum && directStates >= SharedBatchMinimum && size * directTicks >= SharedBatchWork * directStates);

    private void ReportProgress()
    {
        TimeSpan elapsed = clock.Elapsed;
        lastProgress = elapsed;
        int count = graph.Count;
        int depth = count == 0 ? 0 : graph.Depth(count - 1);
        double perSecond = elapsed.TotalSeconds > 0 ? count / elapsed.TotalSeconds : 0;
        progress!.Report(new ExplorationProgress(count, depth, perSecond, elapsed));
    }

    /// <summary>Turns an outcome into a violation where the one-state-at-a-time search would have.</summary>
    private void Apply(int state, ExpansionEvent found) => Apply(state, found, violationBuilder);

    /// <summary>
    /// <see cref="Apply(int, ExpansionEvent)"/> with the traces built by <paramref name="builder"/>, whose graph holds
    /// <paramref name="state"/>: a cluster's coordinator keeps the search's bookkeeping (each property and failure
    /// site reported once) but builds each trace on a graph of the path alone.
    /// </summary>
    internal void Apply(int state, ExpansionEvent found, ViolationBuilder<TState> builder)
    {
        var at = new TracePoint(state, found.Step);
        switch (found.Kind)
        {
            case ExpansionEventKind.Invariant:
                if (!propertyDone[found.Index])
                {
                    if (found.Failure is Failure failure)
                    {
                        ReportPredicateFailure(at, found.Index, failure, builder);
                    }
                    else
                    {
                        propertyDone[found.Index] = true;
                        Report(builder.InvariantViolated(found.Index, at), state);
                    }
                }

                break;
            case ExpansionEventKind.StepInvariant:
                if (!propertyDone[found.Index])
                {
                    if (found.Failure is Failure failure)
                    {
                        ReportPredicateFailure(at, found.Index, failure, builder);
                    }
                    else
                    {
                        propertyDone[found.Index] = true;
                        Report(builder.StepInvariantViolated(found.Index, at), state);
                    }
                }

                break;
            case ExpansionEventKind.ConstraintFailed:
                ReportPredicateFailure(at, found.Index, found.Failure!, builder);
                break;
            case ExpansionEventKind.Excluded:
                cutStates.Add(state);
                break;
            case ExpansionEventKind.Reachable:
                if (!propertyDone[found.Index])
                {
                    if (found.Failure is Failure failure)
                    {
                        ReportPredicateFailure(at, found.Index, failure, builder);
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
                    Report(builder.ActionFailed(state, found.Index, found.Failure), state);
                }

                break;
            case ExpansionEventKind.TerminalFailed:
                ReportPredicateFailure(at, found.Index, found.Failure!, builder);
                break;
            default:
                if (!stuckFound)
                {
                    stuckFound = true;
                    Report(builder.Stuck(state, terminals.Length > 0), state);
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

    /// <summary>
    /// The time and memory bounds, looked at when <see cref="LimitCheckTicks"/> passed since the last look (so slow or
    /// large states cannot run far past them between the counted checks); None while both hold.
    /// </summary>
    private ExplorationBound LimitsNow(ref long nextLook)
    {
        long now = Stopwatch.GetTimestamp();
        if (now < nextLook)
        {
            return ExplorationBound.None;
        }

        nextLook = now + LimitCheckTicks;
        return timeout is TimeSpan limit && clock.Elapsed > limit ? ExplorationBound.Timeout
            : OverMemory() ? ExplorationBound.MaxMemory
            : ExplorationBound.None;
    }

    /// <summary>True when the heap grew past <see cref="ExplorationOptions.MaxMemoryMegabytes"/> (a cheap estimate).</summary>
    private bool OverMemory() =>
        maxMemoryBytes != long.MaxValue && GC.GetTotalMemory(forceFullCollection: false) - memoryBaseline > maxMemoryBytes;

    private void Cut(ExplorationBound bound)
    {
        if (cut == ExplorationBound.None)
        {
            cut = bound;
        }
    }

    /// <summary>A predicate failed at <paramref name="at"/>: reported once per failure site.</summary>
    private void ReportPredicateFailure(TracePoint at, int property, Failure failure, ViolationBuilder<TState>? builder = null)
    {
        if (failuresSeen.Add(new FailureKey(true, model.Properties[property].Predicate, failure.Site)))
        {
            Report((builder ?? violationBuilder).PredicateFailed(at, property, failure), at.State);
        }
    }

    /// <summary>
    /// The action instances to step in <paramref name="state"/>, in order: those the model's guards do not rule out
    /// (in <paramref name="buffer"/>), or all of them.
    /// </summary>
    private int[] InstancesToStep(TState state, int[] buffer, out int count)
    {
        if (guarded is null)
        {
            count = allInstances.Length;
            return allInstances;
        }

        count = guarded.PossiblyEnabled(state, buffer, budget);
        return buffer;
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
