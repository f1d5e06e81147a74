using System;
using System.Runtime.CompilerServices;
using System.Threading;
using MergeQueue.Analyzers.Engine;
using MergeQueue.Analyzers.Engine.Runtime;
using MergeQueue.Analyzers.FrontEnd.Model;
using MergeQueue.Analyzers.FrontEnd.Values;
using MergeQueue.Analyzers.FrontEnd.Values.Heap;

namespace MergeQueue.Analyzers.FrontEnd.Interpreter;

/// <summary>
/// One run of an action, predicate or constructor: the working copy of the state fields, the budget, and how the
/// run is ending. A field holding a mutable object is copied the first time the run may write through it
/// (copy-on-write), so a step that fails its first <c>Require</c> copies nothing. A packed state
/// (<see cref="PackedFields"/>) is decoded into objects this execution owns instead, and kept decoded until a run
/// writes them: the predicates, guards and first step of a state decode it once.
/// </summary>
internal sealed class Execution
{
    private const int MaxDepth = 1000;

    // The run in progress on this thread, for library sequences that produce elements without a frame.
    [ThreadStatic]
    private static Execution? running;

    private Execution? outer;

    private readonly Freezer freezer = new();
    private long steps;
    private long maxSteps;
    private CancellationToken cancellation;
    private int depth;

    private readonly Frame?[] topFrames;

    private readonly Value[] scratch;
    private readonly long[] ownedIn;
    private long run;
    private bool copied;

    // Whether the run builds a state from nothing (an initial state), not a step from one.
    private bool building;

    private readonly PackedFields? packing;
    private readonly PackedScratch? packed;

    // For a [StepInvariant] on packed states: the state after the step, decoded beside the state before it (which
    // stays in `packed`, where the next step from it finds it).
    private PackedScratch? afterPacked;
    private Value[]? afterScratch;

    // The decoded copy the run works on, told which fields the run may write.
    private PackedScratch? current;
    private readonly StateWriter writer = new();

    // The state whose guards were tested last, and for each action instance the test in which its guard held.
    private InterpretedState guarded;
    private long guardTest;
    private readonly long[] heldIn;

    public Execution(StateLayout layout, int entryPoints = 0, int actionInstances = 0)
    {
        heldIn = new long[actionInstances];
        Layout = layout;
        scratch = new Value[layout.Count];
        ownedIn = new long[layout.Count];
        Fields = scratch;
        topFrames = new Frame?[entryPoints];
        packing = layout.Packing;
        packed = packing is null ? null : new PackedScratch(packing, layout.Count);
    }

    public StateLayout Layout { get; }

    /// <summary>
    /// The fields as this run sees them: the state's own array until the first write, then a copy (a step that
    /// fails its first <c>Require</c> copies nothing).
    /// </summary>
    public Value[] Fields { get; private set; }

    // For a [StepInvariant]: a run over the state before the step, for the code called on it.
    private Execution? beforeRun;

    /// <summary>For a <c>[StepInvariant]</c>: the fields of the state before the step, which its parameter reads.</summary>
    public Value[]? Before { get; private set; }

    /// <summary>Starts evaluating a <c>[StepInvariant]</c> after <see cref="Begin(in InterpretedState, StepBudget, bool)"/>.</summary>
    public void BeginStep(Value[] before) => Before = before;

    /// <summary>
    /// Starts evaluating a <c>[StepInvariant]</c> on <paramref name="after"/>, its parameter reading
    /// <paramref name="before"/>. Packed, each state is decoded into objects of its own, and the state before the
    /// step stays decoded for the steps that follow from it; its objects are only read (a reader that may keep or
    /// write one copies it), so they stay as decoded.
    /// </summary>
    public void BeginStep(in InterpretedState before, in InterpretedState after, StepBudget budget)
    {
        if (before.Fields is not null || packed is null)
        {
            Begin(after, budget, inAction: false);
            BeginStep(before.Fields ?? packing!.Decode(before.Packed));
            return;
        }

        Start(budget, inAction: false);
        packed.Load(before.Packed, scratch);
        Before = scratch;
        afterPacked ??= new PackedScratch(packing!, Layout.Count);
        afterPacked.Cancellation = cancellation;
        afterScratch ??= new Value[Layout.Count];
        afterPacked.Load(after.Packed, afterScratch);
        current = afterPacked;
        for (int i = 0; i < ownedIn.Length; i++)
        {
            ownedIn[i] = run;
        }

        Fields = afterScratch;
        copied = true;
    }

    /// <summary>Ends what <see cref="BeginStep"/> started.</summary>
    public void EndStep()
    {
        Before = null;
        if (beforeRun is { Busy: true })
        {
            beforeRun.End();
        }
    }

    /// <summary>
    /// A run over <see cref="Before"/> for methods and computed properties called on the state before the step: it
    /// has fields of its own, so the state after the step, which this run holds, is left as it is.
    /// </summary>
    public Execution BeforeRun()
    {
        beforeRun ??= new Execution(Layout);
        if (!beforeRun.Busy)
        {
            beforeRun.Begin(Before, new StepBudget(maxSteps, cancellation), inAction: false);
        }

        return beforeRun;
    }

    /// <summary>
    /// A run over the fields of another instance of the model (a copy a property made): its writes copy what they
    /// write first, as a step's do, so nothing the instance shares with a state changes. The caller ends it.
    /// </summary>
    public Execution InstanceRun(Value[] fields)
    {
        var instanceRun = new Execution(Layout);
        instanceRun.Begin(fields, new StepBudget(maxSteps - steps, cancellation), inAction: false);
        return instanceRun;
    }

    /// <summary>The statement running, for the site of a failure.</summary>
    public object? Site { get; set; }

    /// <summary>Whether a false <c>Require</c> disables (in an action) or fails (elsewhere).</summary>
    public bool InAction { get; private set; }

    /// <summary>A <c>Require</c> was false; the run unwinds, and whatever it computes meanwhile is discarded.</summary>
    public bool Stopping { get; private set; }

    public DisabledReason? Reason { get; private set; }

    /// <summary>The value of the last <c>return</c>.</summary>
    public Value ReturnValue { get; set; }

    /// <summary>The reason a bool action gives when its last <c>return</c> returned false.</summary>
    public DisabledReason? ReturnReason { get; set; }

    /// <summary>Which run this is: every <c>Begin</c> starts a new one.</summary>
    public long RunNumber => run;

    /// <summary>Whether this object is in use (runs are not re-entrant).</summary>
    public bool Busy { get; private set; }

    public void Begin(in InterpretedState state, StepBudget budget, bool inAction)
    {
        if (state.Fields is { } fields)
        {
            Begin(fields, budget, inAction);
            return;
        }

        Start(budget, inAction);
        building = false;
        packed!.Load(state.Packed, scratch);
        current = packed;

        // The decoded objects are this execution's own: writing them needs no copy.
        for (int i = 0; i < ownedIn.Length; i++)
        {
            ownedIn[i] = run;
        }

        Fields = scratch;
        copied = true;
    }

    public void Begin(Value[]? state, StepBudget budget, bool inAction)
    {
        Start(budget, inAction);
        building = state is null;
        packed?.Forget();
        current = packed;
        if (state is null)
        {
            for (int i = 0; i < scratch.Length; i++)
            {
                scratch[i] = Layout.Types[i].Default;
                ownedIn[i] = run;
            }

            Fields = scratch;
            copied = true;
        }
        else
        {
            Fields = state;
            copied = false;
        }
    }

    private void Start(StepBudget budget, bool inAction)
    {
        outer = running;
        running = this;
        Busy = true;
        run++;
        InAction = inAction;
        ReturnReason = null;
        ReturnValue = default;
        maxSteps = budget.MaxSteps;
        cancellation = budget.Cancellation;
        if (packed is not null)
        {
            packed.Cancellation = cancellation;
        }

        Rearm();
    }

    /// <summary>The guards of <paramref name="state"/> are tested next (see <see cref="GuardHolds"/>).</summary>
    public void TestingGuards(in InterpretedState state)
    {
        guarded = state;
        guardTest++;
    }

    /// <summary>The guard of <paramref name="instance"/> holds in the state whose guards are being tested.</summary>
    public void GuardHolds(int instance) => heldIn[instance] = guardTest;

    /// <summary>The guard of <paramref name="instance"/> holds if that of <paramref name="source"/> does (same test, same arguments).</summary>
    public void GuardHoldsAs(int instance, int source) => heldIn[instance] = heldIn[source];

    /// <summary>How many guards this execution tested: a test counts how often guards run, not how long.</summary>
    public long GuardRuns { get; set; }

    /// <summary>Whether the guard of <paramref name="instance"/> is known to hold in <paramref name="state"/>.</summary>
    public bool GuardHeld(in InterpretedState state, int instance) =>
        guardTest != 0 && heldIn[instance] == guardTest && guarded.IsSame(state);

    /// <summary>Starts another run on the same fields, for code that writes none (the guards of one state).</summary>
    public void Rearm()
    {
        Stopping = false;
        Reason = null;
        Site = null;
        steps = 0;
        depth = 0;
    }

    public void End()
    {
        ReturnValue = default;
        Site = null;
        Busy = false;
        if (running == this)
        {
            running = outer;
        }

        outer = null;
    }

    /// <summary>
    /// The frame of an entry point (an action or predicate), reused from run to run: its closures never outlive
    /// the run, and C# assigns every local before reading it.
    /// </summary>
    public Frame TopFrame(int key, int slots)
    {
        var frame = topFrames[key];
        if (frame is null || frame.Slots.Length != slots)
        {
            frame = topFrames[key] = new Frame(slots, null, this);
        }

        return frame;
    }

    /// <summary>The field's value, made this run's own so that it may be written through.</summary>
    public Value Own(int field)
    {
        current?.Written(field);
        if (ownedIn[field] != run)
        {
            var fields = Writable();
            fields[field] = Layout.Types[field].DeepCopy(fields[field]);
            ownedIn[field] = run;
        }

        return Fields[field];
    }

    public void Write(int field, Value value)
    {
        current?.Written(field);
        Writable()[field] = value;
        ownedIn[field] = run;
    }

    private bool Owned(int field) => ownedIn[field] == run;

    private Value[] Writable()
    {
        if (!copied)
        {
            Array.Copy(Fields, scratch, scratch.Length);
            Fields = scratch;
            copied = true;
        }

        return Fields;
    }

    public void Disable(DisabledReason reason)
    {
        if (!Stopping)
        {
            Stopping = true;
            Reason = reason;
        }
    }

    /// <summary>
    /// Counts one element a library sequence produced (<c>Enumerable.Range</c>, <c>Repeat</c>) against the budget of
    /// the run in progress: library work counts as the model's own, so a huge range stops at the budget.
    /// </summary>
    public static void TickLibrary() => running?.Tick(null);

    /// <summary>Counts one loop iteration or call against the budget.</summary>
    public void Tick(object? site)
    {
        if (++steps > maxSteps)
        {
            throw new ModelException(
                FailureKind.StepBudgetExceeded,
                "The execution ran more than " + maxSteps.ToString(System.Globalization.CultureInfo.InvariantCulture)
                    + " steps (loop iterations and calls): an endless loop or unbounded recursion?",
                site);
        }

        if ((steps & 0xFFF) == 0)
        {
            cancellation.ThrowIfCancellationRequested();
        }
    }

    public void EnterCall()
    {
        if (++depth > MaxDepth)
        {
            throw DeepRecursion();
        }

        // The stack is looked at every fourth level: a call into the runtime on every call was a few percent of a
        // search of a model whose actions call helpers, and four levels of interpreted calls take a small part of the
        // room the runtime's check leaves.
        if ((depth & 3) == 0)
        {
            EnsureStack();
        }
    }

    private void EnsureStack()
    {
        try
        {
            RuntimeHelpers.EnsureSufficientExecutionStack();
        }
        catch (InsufficientExecutionStackException)
        {
            throw DeepRecursion();
        }
    }

    public void ExitCall() => depth--;

    /// <summary>The fields as a new state: encoded, or the written objects frozen and the hash computed.</summary>
    public InterpretedState Snapshot()
    {
        // An initial state is built by constructors and initializers, which StepSharing does not look at.
        bool checkSharing = building || Layout.StepsMayShare;
        if (packing is not null)
        {
            return new InterpretedState(packed!.Store(Fields, writer, checkSharing));
        }

        var fields = Freeze(checkSharing, out long hash);
        return new InterpretedState(fields, hash);
    }

    private Value[] Freeze(bool checkSharing, out long hash)
    {
        var fields = new Value[Fields.Length];
        Array.Copy(Fields, fields, fields.Length);
        var types = Layout.Types;
        int mutableOwned = 0;
        bool nested = false;
        for (int i = 0; i < fields.Length; i++)
        {
            if (Owned(i) && types[i].HasMutableParts)
            {
                mutableOwned++;
                nested |= !Layout.Flat[i];
            }
        }

        freezer.Reset();

        // Flat collections can only be shared as a whole: comparing them pairwise is enough (and cheap).
        freezer.Track = checkSharing && nested;
        if (checkSharing && !nested && mutableOwned > 1)
        {
            CheckFlatSharing(fields);
        }

        for (int i = 0; i < fields.Length; i++)
        {
            if (Owned(i) && (types[i].HasMutableParts || types[i] is Values.Types.RecordType))
            {
                freezer.Place = Layout.Names[i];
                types[i].Freeze(fields[i], freezer);
            }
        }

        if (freezer.Shared is { } shared)
        {
            freezer.Reset();
            throw Errors.Shared(shared.First, shared.Second);
        }

        freezer.Reset();
        hash = Layout.Hash(fields);
        return fields;
    }

    private void CheckFlatSharing(Value[] fields)
    {
        for (int i = 0; i < fields.Length; i++)
        {
            if (!Owned(i) || fields[i].Ref is not Values.Heap.HeapObject first || !Layout.Types[i].IsMutable)
            {
                continue;
            }

            for (int j = i + 1; j < fields.Length; j++)
            {
                if (ReferenceEquals(fields[j].Ref, first))
                {
                    throw Errors.Shared(Layout.Names[i], Layout.Names[j]);
                }
            }
        }
    }

    private ModelException DeepRecursion() => new(
        FailureKind.LimitExceeded,
        "the recursion went deeper than " + MaxDepth.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)
            + " calls (a stack overflow in .NET)");
}
