using System;
using System.Collections.Generic;
using MergeQueue.Analyzers.Engine.Runtime;

namespace MergeQueue.Analyzers.Engine;

/// <summary>
/// The states found so far, numbered in breadth-first order, each with the step that first reached it, and
/// optionally every enabled step between them (what a liveness search needs).
/// </summary>
/// <remarks>
/// <para>
/// A state's number is its position in discovery order, so the breadth-first queue is just "every number not yet
/// visited", and a state's depth follows from where each level starts. Per state the graph keeps a 64-bit
/// fingerprint in an open-addressing table, the parent's number and the action instance that led here, in flat
/// arrays.
/// </para>
/// <para>
/// In exact mode states are kept whole too, and states with equal fingerprints are compared, so a collision can
/// never hide a state. In fingerprint mode (TLC's) only the states still to be visited are kept, in a
/// <see cref="FrontierFile{TState}"/> when the state type can be written to one (else in memory); equal fingerprints
/// mean the same state, and any other state is rebuilt by replaying the recorded steps from its initial state, itself
/// rebuilt from the constructor combination that made it.
/// </para>
/// <para>
/// Steps are recorded for the liveness search in memory, except in fingerprint mode, where they go to temporary logs
/// (<see cref="LoggedSteps"/>) with the states' keys: the table then keeps its numbers apart from its fingerprints (12
/// bytes a slot), grows by reading its keys back from the log, and is dropped (<see cref="ReleaseTable"/>) before the
/// liveness search, which needs only the steps. The files are deleted by <see cref="Dispose"/>.
/// </para>
/// </remarks>
internal sealed class StateGraph<TState> : IDisposable
{
    private readonly IModel<TState> model;
    private readonly IEqualityComparer<TState> comparer;
    private readonly IStateHasher<TState>? hasher;
    private readonly StepBudget replayBudget;
    private FingerprintTable[]? tables;
    private readonly int shardMask;
    private readonly Column<TState> states = new();
    private readonly Column<int> parents = new();
    private readonly IndexColumn parentSteps;
    private readonly List<int> levelStarts = new();

    // Successors of state s are edges [successorStart[s], successorStart[s + 1]): states are expanded in
    // number order, so each state's edges are contiguous.
    private readonly Column<int>? successorStart;
    private readonly Column<int>? edgeTargets;
    private readonly IndexColumn? edgeInstances;

    // Fingerprint mode with steps recorded: the keys of the states and the steps, in temporary logs.
    private readonly LoggedSteps? loggedSteps;
    private readonly bool findNumbers;

    // Fingerprint mode: the last replayed path, by depth, so that rebuilding states in number order (or along a
    // trace) replays each step about once.
    private readonly List<int> replayedIds = new();
    private readonly List<TState> replayedStates = new();
    private readonly List<int> replayChain = new();

    // Fingerprint mode, when the states can be written: the states to visit, mostly in a temporary file.
    private readonly FrontierFile<TState>? frontier;

    /// <param name="model">Steps the model when a state is rebuilt.</param>
    /// <param name="fingerprintsOnly">Keep fingerprints and not states; needs <paramref name="model"/>'s 64-bit hash.</param>
    /// <param name="recordEdges">Record every enabled step.</param>
    /// <param name="replayBudget">The step budget for rebuilding states.</param>
    /// <param name="shards">
    /// How many tables the fingerprints are spread over by their low bits (rounded up to a power of two), so that
    /// several threads can add to different shards at once.
    /// </param>
    /// <param name="filesIn">
    /// In fingerprint mode, the directory of the temporary files that keep the states still to be visited (when the
    /// state type can be written) and the recorded steps; null keeps them in memory. The search deletes the frontier's
    /// as it ends (<see cref="EndSearch"/>), <see cref="Dispose"/> the others.
    /// </param>
    /// <param name="findNumbers">
    /// Whether <see cref="Find"/> must give the number of a known state even in fingerprint mode (a picture of the
    /// graph is drawn from it); the table is then kept to the end. Without it, fingerprint mode keeps only the
    /// fingerprints in its table, and a known state's number is reported as 0.
    /// </param>
    internal StateGraph(IModel<TState> model, bool fingerprintsOnly, bool recordEdges, StepBudget replayBudget, int shards = 1, bool findNumbers = false, string? filesIn = null)
    {
        int count = 1;
        while (count < shards && count < 64)
        {
            count *= 2;
        }

        shardMask = count - 1;
        this.model = model;
        comparer = model.StateComparer;
        hasher = HasherOf(model);
        this.replayBudget = replayBudget;
        FingerprintsOnly = fingerprintsOnly && hasher is not null;
        this.findNumbers = findNumbers;
        FilesIn = FingerprintsOnly ? filesIn : null;
        if (FingerprintsOnly && recordEdges)
        {
            loggedSteps = new LoggedSteps(FilesIn, Math.Max(1, model.ActionInstances.Count));
        }

        TableLayout layout = !FingerprintsOnly ? TableLayout.NumbersBeside
            : loggedSteps is not null ? TableLayout.NumbersApart
            : findNumbers ? TableLayout.NumbersBeside
            : TableLayout.NoNumbers;
        tables = new FingerprintTable[count];
        for (int i = 0; i < count; i++)
        {
            tables[i] = new FingerprintTable(layout, loggedSteps is null ? null : KeysOfShard(i));
        }

        if (FilesIn is not null && StateSerializers.For<TState>() is { } serializer)
        {
            frontier = new FrontierFile<TState>(serializer, FilesIn);
        }

        // A state's step is an action instance, or for an initial state a constructor combination.
        parentSteps = new IndexColumn(Math.Max(1, Math.Max(model.ActionInstances.Count, model.InitialInstances.Count)));
        RecordsEdges = recordEdges;
        if (recordEdges && loggedSteps is null)
        {
            successorStart = new Column<int>();
            edgeTargets = new Column<int>();
            edgeInstances = new IndexColumn(Math.Max(1, model.ActionInstances.Count));
        }
    }

    /// <summary>The number of states found.</summary>
    internal int Count { get; private set; }

    /// <summary>The number of initial states: they are numbered first, from 0.</summary>
    internal int InitialCount { get; private set; }

    /// <summary>True when only fingerprints of states are kept (the model has a 64-bit hash and it was asked for).</summary>
    internal bool FingerprintsOnly { get; }

    /// <summary>True when enabled steps are recorded as edges.</summary>
    internal bool RecordsEdges { get; }

    /// <summary>The number of states whose successors were recorded.</summary>
    internal int ExpandedCount => loggedSteps?.ExpandedCount ?? successorStart?.Count ?? 0;

    /// <summary>The steps recorded in temporary logs (fingerprint mode), or null when they are recorded in memory.</summary>
    internal LoggedSteps? LoggedSteps => loggedSteps;

    /// <summary>Where fingerprint mode's temporary files go; null when they are kept in memory (and in exact mode).</summary>
    internal string? FilesIn { get; }

    /// <summary>The temporary file of the states to visit, when there is one (for tests).</summary>
    internal FrontierFile<TState>? Frontier => frontier;

    /// <summary>True while the fingerprint table is held: until <see cref="ReleaseTable"/> drops it (for tests).</summary>
    internal bool HoldsTable => tables is not null;

    /// <summary>The number of fingerprint tables.</summary>
    internal int Shards => tables!.Length;

    /// <summary>The shard a key belongs to.</summary>
    internal int ShardOf(ulong key) => (int)key & shardMask;

    /// <summary>The fingerprint table of a shard.</summary>
    internal FingerprintTable Table(int shard) => tables![shard];

    /// <summary>The model's 64-bit hash, if it (or its comparer) has one.</summary>
    internal static IStateHasher<TState>? HasherOf(IModel<TState> model) =>
        model as IStateHasher<TState> ?? model.StateComparer as IStateHasher<TState>;

    /// <summary>
    /// The state with this number: kept, or (fingerprint mode) rebuilt from the initial state. Not safe to call from
    /// several threads unless the state is still kept (<see cref="IsKept"/>).
    /// </summary>
    internal TState State(int state)
    {
        if (frontier is not null)
        {
            return frontier.IsInMemory(state) || frontier.TryLoad(state) ? frontier[state] : Replay(state);
        }

        return states.IsStored(state) ? states[state] : Replay(state);
    }

    /// <summary>True when the state is in memory, not rebuilt nor read from the frontier's file.</summary>
    internal bool IsKept(int state) => frontier?.IsInMemory(state) ?? states.IsStored(state);

    /// <summary>The state this one was first reached from, or -1 for an initial state.</summary>
    internal int Parent(int state) => parents[state];

    /// <summary>
    /// The action instance that first reached this state, or for an initial state the
    /// <see cref="IModel{TState}.InitialInstances"/> entry that first built it.
    /// </summary>
    internal int ParentStep(int state) => parentSteps[state];

    /// <summary>The breadth-first level: the fewest steps from the initial state.</summary>
    internal int Depth(int state)
    {
        int low = 0, high = levelStarts.Count - 1;
        while (low < high)
        {
            int middle = (low + high + 1) >> 1;
            if (levelStarts[middle] <= state)
            {
                low = middle;
            }
            else
            {
                high = middle - 1;
            }
        }

        return low;
    }

    /// <summary>The first state number of each level.</summary>
    internal int LevelStart(int depth) => levelStarts[depth];

    /// <summary>
    /// The end (exclusive) of level <paramref name="depth"/> as far as it is known: the start of the next level, or
    /// the count when no state of the next level was added yet. While level <paramref name="depth"/> is visited every
    /// one of its states is already added, so this is its end.
    /// </summary>
    internal int LevelEnd(int depth) => depth + 1 < levelStarts.Count ? levelStarts[depth + 1] : Count;

    /// <summary>The table key of a state: its 64-bit hash (or widened 32-bit hash), spread.</summary>
    internal ulong KeyOf(TState state) => FingerprintTable.Key(
        hasher is not null ? hasher.Hash64(state) : (ulong)(uint)comparer.GetHashCode(state));

    /// <summary>
    /// <see cref="KeyOf"/> of a state a step or a constructor just made. Hashing walks its values: a value nested past
    /// <see cref="ValueDepth.MaxDepth"/> stops the walk there (in a generated model; the interpreter bounds its states
    /// when it freezes them), and fails the step that made it. Null, or that failure.
    /// </summary>
    internal Failure? TryKeyOf(TState state, out ulong key)
    {
        try
        {
            key = KeyOf(state);
            return null;
        }
        catch (ValueTooDeepException tooDeep)
        {
            key = 0;
            return tooDeep.Failure;
        }
    }

    /// <summary>Brings the first table slot of <paramref name="key"/> into the cache ahead of a probe; returns what it read.</summary>
    internal ulong Touch(ulong key) => tables![(int)key & shardMask].Touch(key);

    /// <summary>
    /// The number of a known state (0 for every known state when numbers are not kept), or -1. Safe from several
    /// threads while nothing is added.
    /// </summary>
    internal int Find(TState state, ulong key)
    {
        FingerprintTable table = tables![(int)key & shardMask];
        int slot = table.Home(key);
        while (true)
        {
            int id = table.Probe(key, ref slot);
            if (id < 0 || FingerprintsOnly || comparer.Equals(states[id], state))
            {
                return id;
            }
        }
    }

    /// <summary>True when state number <paramref name="id"/>, whose key matched, is <paramref name="state"/>.</summary>
    internal bool Holds(int id, TState state) => FingerprintsOnly || comparer.Equals(states[id], state);

    /// <summary>
    /// True when a step's <paramref name="successor"/> is <paramref name="state"/> (one of the graph's) as the search
    /// told them apart: equal in exact mode, of equal fingerprints in fingerprint mode. A successor too deep to hash
    /// is another state.
    /// </summary>
    internal bool Same(TState successor, TState state) =>
        FingerprintsOnly ? TryKeyOf(successor, out ulong key) is null && key == KeyOf(state) : comparer.Equals(successor, state);

    internal bool TryFind(TState state, out int number)
    {
        number = Find(state, KeyOf(state));
        return number >= 0;
    }

    /// <summary>
    /// The number of a known state, or -1 and the empty slot of its shard where <see cref="AddAt"/> can add it (valid
    /// until something else is added). One probe for both.
    /// </summary>
    internal int FindOrSlot(TState state, ulong key, out int slot)
    {
        FingerprintTable table = tables![(int)key & shardMask];
        table.Reserve(1);
        slot = table.Home(key);
        while (true)
        {
            int id = table.Probe(key, ref slot);
            if (id < 0 || FingerprintsOnly || comparer.Equals(states[id], state))
            {
                return id;
            }
        }
    }

    /// <summary>Adds a state <see cref="FindOrSlot"/> did not find, at the slot it gave; depths must not decrease.</summary>
    internal int AddAt(int slot, TState state, ulong key, int parent, int parentStep, int depth)
    {
        tables![(int)key & shardMask].InsertAt(slot, key, Count);
        return Append(state, key, parent, parentStep, depth);
    }

    /// <summary>Adds a state not yet in the graph; depths must not decrease.</summary>
    internal int Add(TState state, ulong key, int parent, int parentStep, int depth)
    {
        tables![(int)key & shardMask].Add(key, Count);
        return Append(state, key, parent, parentStep, depth);
    }

    /// <summary>
    /// Adds a state whose fingerprint the caller has put in its table (with this number, <see cref="Count"/>, or
    /// soon); depths must not decrease.
    /// </summary>
    internal int Append(TState state, ulong key, int parent, int parentStep, int depth)
    {
        int number = Count;
        if (depth == levelStarts.Count)
        {
            levelStarts.Add(number);
        }
        else if (depth != levelStarts.Count - 1)
        {
            throw new InvalidOperationException("States must be added in breadth-first order.");
        }

        if (depth == 0)
        {
            InitialCount++;
        }

        if (frontier is not null)
        {
            frontier.Add(state);
        }
        else
        {
            states.Add(state);
        }

        loggedSteps?.AddState(key);
        parents.Add(parent);
        parentSteps.Add(parentStep);
        Count++;
        return number;
    }

    /// <summary>Fingerprint mode: forgets the states below <paramref name="state"/> (visited ones), which can be rebuilt.</summary>
    internal void ReleaseStatesBelow(int state)
    {
        if (frontier is not null)
        {
            frontier.ReleaseBelow(state);
        }
        else if (FingerprintsOnly)
        {
            states.ReleaseBelow(state);
        }
    }

    /// <summary>
    /// Brings the states from <paramref name="start"/> to <paramref name="end"/> (exclusive) into memory, so that
    /// several threads can read them with <see cref="State"/>.
    /// </summary>
    internal void LoadStates(int start, int end) => frontier?.Load(start, end);

    /// <summary>
    /// The search is over: the frontier's file is deleted, and a state not visited is rebuilt like any other when
    /// asked for.
    /// </summary>
    internal void EndSearch()
    {
        frontier?.Dispose();
        loggedSteps?.Complete();
    }

    /// <summary>
    /// Drops the fingerprint table in fingerprint mode with recorded steps, unless numbers are to be found: after the
    /// search nothing looks a state up (traces follow parents and replay steps, and the liveness search reads the
    /// steps), so the liveness search may have its memory. Nothing may be added or found after this.
    /// </summary>
    internal void ReleaseTable()
    {
        if (loggedSteps is not null && !findNumbers)
        {
            tables = null;
        }
    }

    /// <summary>Starts the edges of <paramref name="state"/>; states must be expanded in number order.</summary>
    internal void BeginSuccessors(int state)
    {
        if (loggedSteps is not null)
        {
            loggedSteps.BeginSuccessors(state);
        }
        else if (successorStart is not null && successorStart.Count == state)
        {
            successorStart.Add(edgeTargets!.Count);
        }
    }

    /// <summary>Records a step of the state being expanded to state <paramref name="target"/>.</summary>
    internal void AddEdge(int target, int actionInstance)
    {
        if (loggedSteps is not null)
        {
            loggedSteps.AddStep(target, actionInstance);
        }
        else if (edgeTargets is not null)
        {
            edgeTargets.Add(target);
            edgeInstances!.Add(actionInstance);
        }
    }

    /// <summary>The edges of an expanded state, as indices for <see cref="EdgeTarget"/> and <see cref="EdgeInstance"/>.</summary>
    internal void Successors(int state, out int firstEdge, out int endEdge)
    {
        firstEdge = successorStart![state];
        endEdge = state + 1 < successorStart.Count ? successorStart[state + 1] : edgeTargets!.Count;
    }

    internal int EdgeTarget(int edge) => edgeTargets![edge];

    internal int EdgeInstance(int edge) => edgeInstances![edge];

    /// <summary>
    /// Forgets the edges of the states below <paramref name="state"/> (whole segments of them): the liveness graph
    /// copies them in state order, and so never holds two copies of them.
    /// </summary>
    internal void ReleaseEdgesBelow(int state)
    {
        if (successorStart is not null && state < successorStart.Count)
        {
            int edge = successorStart[state];
            edgeTargets!.ReleaseBelow(edge);
            edgeInstances!.ReleaseBelow(edge);
            successorStart.ReleaseBelow(state);
        }
    }

    /// <summary>Forgets every recorded edge (and deletes their logs): the liveness graph holds them now.</summary>
    internal void ReleaseEdges()
    {
        successorStart?.ReleaseAll();
        edgeTargets?.ReleaseAll();
        edgeInstances?.ReleaseAll();
        loggedSteps?.Dispose();
    }

    /// <summary>
    /// Deletes the temporary files (the frontier's and the recorded steps'), whatever ended the search. States stay
    /// readable: they are replayed from what is in memory.
    /// </summary>
    public void Dispose()
    {
        frontier?.Dispose();
        loggedSteps?.Dispose();
    }

    /// <summary>Reads the keys of one shard back from the logged keys, with their numbers, for its table to grow.</summary>
    private Action<FingerprintTable.KeyBatch> KeysOfShard(int shard) => each =>
    {
        // The shards' tables may grow on several workers at once; the log has one reader at a time.
        lock (loggedSteps!)
        {
            loggedSteps.ForEachKey(shard, shardMask, each);
        }
    };

    private TState Replay(int state)
    {
        // Walk back to a state at hand (kept, or on the last replayed path), then step forward.
        replayChain.Clear();
        int at = state;
        TState current;
        while (true)
        {
            if (IsKept(at))
            {
                current = frontier is not null ? frontier[at] : states[at];
                break;
            }

            int depth = Depth(at);
            if (depth < replayedIds.Count && replayedIds[depth] == at)
            {
                current = replayedStates[depth];
                break;
            }

            if (at < InitialCount)
            {
                current = RebuildInitial(at);
                break;
            }

            replayChain.Add(at);
            at = parents[at];
        }

        for (int i = replayChain.Count - 1; i >= 0; i--)
        {
            int child = replayChain[i];
            StepOutcome<TState> outcome = model.Step(current, parentSteps[child], replayBudget);
            if (outcome.Kind != StepOutcomeKind.Enabled)
            {
                throw new InvalidOperationException(
                    "Replaying a recorded step of '" + model.Name + "' did not give the same result: the model is not deterministic.");
            }

            current = outcome.Successor;
            Remember(Depth(child), child, current);
        }

        return current;
    }

    /// <summary>Initial state <paramref name="state"/>, built again by the constructor combination that first built it.</summary>
    private TState RebuildInitial(int state)
    {
        StepOutcome<TState> outcome = model.CreateInitialState(parentSteps[state], replayBudget);
        if (outcome.Kind != StepOutcomeKind.Enabled)
        {
            throw new InvalidOperationException(
                "Building an initial state of '" + model.Name + "' again did not give the same result: the model is not deterministic.");
        }

        Remember(0, state, outcome.Successor);
        return outcome.Successor;
    }

    private void Remember(int depth, int state, TState value)
    {
        while (replayedIds.Count <= depth)
        {
            replayedIds.Add(-1);
            replayedStates.Add(default!);
        }

        replayedIds[depth] = state;
        replayedStates[depth] = value;
    }
}
