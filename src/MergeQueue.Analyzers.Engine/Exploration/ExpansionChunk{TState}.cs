using System;
using System.Collections.Generic;

namespace MergeQueue.Analyzers.Engine;

/// <summary>
/// What one worker found while expanding a run of consecutive states, in their order, before anything is added
/// to the graph: the enabled steps (each to a candidate, a successor that may be new, with its key) and the outcomes
/// that may become violations. The search merges chunks in state order, so the result does not depend on the workers.
/// </summary>
internal sealed class ExpansionChunk<TState>
{
    private readonly CandidateTable byKey = new();
    private readonly IEqualityComparer<TState>? sameState;

    /// <param name="actionCount">The model's actions.</param>
    /// <param name="instanceCount">The model's action instances.</param>
    /// <param name="sameState">
    /// Tells apart two successors with equal keys; null when equal keys mean the same state (fingerprint mode).
    /// </param>
    internal ExpansionChunk(int actionCount, int instanceCount, IEqualityComparer<TState>? sameState)
    {
        ActionEnabled = new bool[actionCount];
        Instances = new int[instanceCount];
        this.sameState = sameState;
    }

    /// <summary>Room for the action instances to step in one state (see <see cref="IGuardedModel{TState}"/>).</summary>
    internal int[] Instances { get; }

    /// <summary>The number of the first state of the chunk.</summary>
    internal int First { get; private set; }

    /// <summary>The number of states in the chunk.</summary>
    internal int Size { get; private set; }

    /// <summary>How many states (from <see cref="First"/>) were fully expanded.</summary>
    internal int Done { get; private set; }

    /// <summary>Why expansion stopped before <see cref="Size"/> states, if it did.</summary>
    internal ExplorationBound StoppedBy { get; set; }

    /// <summary>The exception the model threw at state <see cref="First"/> + <see cref="Done"/>, if any.</summary>
    internal Exception? Error { get; set; }

    /// <summary>Per expanded state: the end of its steps in <see cref="SuccessorInstance"/>.</summary>
    internal int[] SuccessorEnd { get; private set; } = new int[64];

    /// <summary>The action instance of each recorded step.</summary>
    internal int[] SuccessorInstance { get; private set; } = new int[256];

    /// <summary>The target of each recorded step: a state number, or <c>~c</c> for candidate c.</summary>
    internal int[] SuccessorTarget { get; private set; } = new int[256];

    internal int SuccessorCount { get; private set; }

    /// <summary>Successors not in the graph when the chunk was expanded, each state once.</summary>
    internal TState[] CandidateState { get; private set; } = new TState[256];

    internal ulong[] CandidateKey { get; private set; } = new ulong[256];

    /// <summary>Per candidate: the position in the chunk of the state whose step made it, and that step's action instance.</summary>
    internal (int Local, int Instance)[] CandidateFrom { get; private set; } = new (int, int)[256];

    internal int CandidateCount { get; private set; }

    /// <summary>
    /// Per candidate, after the shards were merged: the state's number when it was added before the batch; -1 when
    /// it is the first of its state in the batch (a new state); else the provisional reference of that first one.
    /// </summary>
    internal int[] CandidateLink { get; private set; } = new int[256];

    /// <summary>Per new candidate: its slot in its shard's table.</summary>
    internal int[] CandidateSlot { get; private set; } = new int[256];

    /// <summary>Per new candidate: its state number, once it has one (-1 before).</summary>
    internal int[] CandidateNumber { get; private set; } = new int[256];

    /// <summary>Outcomes that may become violations, in the order the sequential search meets them.</summary>
    internal List<ExpansionEvent> Events { get; } = new();

    internal long Transitions { get; private set; }

    /// <summary>Per action: some instance was enabled in an expanded state.</summary>
    internal bool[] ActionEnabled { get; }

    internal void Reset(int first, int size)
    {
        First = first;
        Size = size;
        Done = 0;
        StoppedBy = ExplorationBound.None;
        Error = null;
        SuccessorCount = 0;

        // Let the collector have the candidates of the last batch.
        Array.Clear(CandidateState, 0, CandidateCount);
        CandidateCount = 0;
        byKey.Clear();
        Transitions = 0;
        Events.Clear();
        if (SuccessorEnd.Length < size)
        {
            SuccessorEnd = new int[Math.Max(size, SuccessorEnd.Length * 2)];
        }
    }

    /// <summary>Makes room to resolve every candidate.</summary>
    internal void PrepareResolution()
    {
        if (CandidateLink.Length < CandidateCount)
        {
            CandidateLink = new int[CandidateState.Length];
            CandidateSlot = new int[CandidateState.Length];
            CandidateNumber = new int[CandidateState.Length];
        }

        for (int i = 0; i < CandidateCount; i++)
        {
            CandidateNumber[i] = -1;
        }
    }

    /// <summary>Starts a worker's pass over the chunk: the counters live on the worker's stack, not in shared memory.</summary>
    internal ExpansionCursor Begin() => new() { Successors = SuccessorCount, Candidates = CandidateCount, StateSuccessors = SuccessorCount, StateCandidates = CandidateCount, StateEvents = Events.Count };

    /// <summary>Records a step to a state the graph already has.</summary>
    internal void AddKnown(ref ExpansionCursor cursor, int instance, int target)
    {
        if (cursor.Successors == SuccessorInstance.Length)
        {
            GrowSuccessors(cursor.Successors);
        }

        SuccessorInstance[cursor.Successors] = instance;
        SuccessorTarget[cursor.Successors++] = target;
    }

    /// <summary>
    /// Records a step to a state the graph did not have: to the candidate already made for it in this chunk, if any,
    /// else to a new one.
    /// </summary>
    internal void AddCandidate(ref ExpansionCursor cursor, int instance, TState state, ulong key)
    {
        int count = cursor.Candidates;
        int slot = byKey.Home(key);
        if (Find(count, state, key, ref slot) is int seen and >= 0)
        {
            AddKnown(ref cursor, instance, ~seen);
            return;
        }

        byKey.AddAt(slot, key, count);
        if (count == CandidateState.Length)
        {
            int size = CandidateState.Length * 2;
            var states = new TState[size];
            Array.Copy(CandidateState, states, count);
            CandidateState = states;
            var keys = new ulong[size];
            Array.Copy(CandidateKey, keys, count);
            CandidateKey = keys;
            var from = new (int, int)[size];
            Array.Copy(CandidateFrom, from, count);
            CandidateFrom = from;
        }

        CandidateState[count] = state;
        CandidateKey[count] = key;
        CandidateFrom[count] = (Done, instance);
        AddKnown(ref cursor, instance, ~count);
        cursor.Candidates = count + 1;
    }

    /// <summary>
    /// Adds a step to a state this chunk holds as a candidate already, and says so; false, adding nothing, for another.
    /// </summary>
    internal bool AddRepeat(ref ExpansionCursor cursor, int instance, TState state, ulong key)
    {
        int slot = byKey.Home(key);
        if (Find(cursor.Candidates, state, key, ref slot) is int seen and >= 0)
        {
            AddKnown(ref cursor, instance, ~seen);
            return true;
        }

        return false;
    }

    // The candidate holding the state, or -1 with the slot left where it would go.
    private int Find(int count, TState state, ulong key, ref int slot)
    {
        for (int seen = byKey.Next(key, ref slot); seen >= 0; seen = byKey.Next(key, ref slot))
        {
            // An entry of a state whose expansion was abandoned may point past the candidates or at another's.
            if (seen < count && CandidateKey[seen] == key && (sameState is null || sameState.Equals(CandidateState[seen], state)))
            {
                return seen;
            }
        }

        return -1;
    }

    internal void AddEvent(ExpansionEventKind kind, int index, Failure? failure) =>
        Events.Add(new ExpansionEvent(Done, kind, index, failure));

    /// <summary>The position of the state being expanded, for events recorded straight into <see cref="Events"/>.</summary>
    internal int Expanding => Done;

    /// <summary>The current state is fully expanded.</summary>
    internal void EndState(ref ExpansionCursor cursor)
    {
        SuccessorEnd[Done++] = cursor.Successors;
        Transitions += cursor.StateTransitions;
        cursor.StateTransitions = 0;
        cursor.StateSuccessors = cursor.Successors;
        cursor.StateCandidates = cursor.Candidates;
        cursor.StateEvents = Events.Count;
    }

    /// <summary>Forgets what the current, unfinished state recorded (the model threw).</summary>
    internal void AbandonState(ref ExpansionCursor cursor)
    {
        cursor.Successors = cursor.StateSuccessors;
        cursor.Candidates = cursor.StateCandidates;
        cursor.StateTransitions = 0;
        Events.RemoveRange(cursor.StateEvents, Events.Count - cursor.StateEvents);
    }

    /// <summary>Ends the worker's pass: the counters go back to the chunk.</summary>
    internal void End(ref ExpansionCursor cursor)
    {
        SuccessorCount = cursor.Successors;
        CandidateCount = cursor.Candidates;
    }

    private void GrowSuccessors(int count)
    {
        int size = SuccessorInstance.Length * 2;
        var instances = new int[size];
        Array.Copy(SuccessorInstance, instances, count);
        SuccessorInstance = instances;
        var targets = new int[size];
        Array.Copy(SuccessorTarget, targets, count);
        SuccessorTarget = targets;
    }
}

/// <summary>A worker's write position in a chunk, kept in the worker's locals.</summary>
internal struct ExpansionCursor
{
    internal int Successors;
    internal int Candidates;
    internal long StateTransitions;
    internal int StateSuccessors;
    internal int StateCandidates;
    internal int StateEvents;
}

/// <summary>What an expansion event is.</summary>
internal enum ExpansionEventKind
{
    /// <summary>
    /// An invariant was false, or its predicate failed (<see cref="ExpansionEvent.Failure"/>): in the state, or with a
    /// <see cref="ExpansionEvent.Step"/>, in a successor outside the <c>[Constraint]</c> members.
    /// </summary>
    Invariant,

    /// <summary>A <c>[Reachable]</c> property held, or its predicate failed.</summary>
    Reachable,

    /// <summary>An action instance failed.</summary>
    ActionFailed,

    /// <summary>A <c>[Terminal]</c> predicate failed in a state with no enabled step.</summary>
    TerminalFailed,

    /// <summary>No step was enabled and no <c>[Terminal]</c> member held.</summary>
    Stuck,

    /// <summary>A <c>[StepInvariant]</c> was false for <see cref="ExpansionEvent.Step"/>, or its predicate failed.</summary>
    StepInvariant,

    /// <summary>A <c>[Constraint]</c> predicate failed on the successor of <see cref="ExpansionEvent.Step"/>.</summary>
    ConstraintFailed,

    /// <summary>The successor of <see cref="ExpansionEvent.Step"/> is outside the <c>[Constraint]</c> members.</summary>
    Excluded,
}

/// <summary>One outcome of expanding a state that may become a violation.</summary>
/// <param name="Local">The state's position in its chunk.</param>
/// <param name="Kind">What happened.</param>
/// <param name="Index">The property or action instance.</param>
/// <param name="Failure">The failure, if something failed.</param>
/// <param name="Step">The action instance whose step it concerns (its successor, or the step itself); -1 for the state.</param>
internal readonly record struct ExpansionEvent(int Local, ExpansionEventKind Kind, int Index, Failure? Failure, int Step = -1);
