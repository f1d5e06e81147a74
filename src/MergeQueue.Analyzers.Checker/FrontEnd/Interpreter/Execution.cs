using System;
using System.Runtime.CompilerServices;
using System.Threading;
using MergeQueue.Analyzers.Engine;
using MergeQueue.Analyzers.FrontEnd.Values;

namespace MergeQueue.Analyzers.FrontEnd.Interpreter;

/// <summary>
/// One run of an action, predicate or constructor: the working copy of the state fields, the budget, and how the
/// run is ending. A field holding a mutable object is copied the first time the run may write through it
/// (copy-on-write), so a step that fails its first <c>Require</c> copies nothing.
/// </summary>
internal sealed class Execution
{
    private const int MaxDepth = 1000;

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

    public Execution(StateLayout layout, int entryPoints = 0)
    {
        Layout = layout;
        scratch = new Value[layout.Count];
        ownedIn = new long[layout.Count];
        Fields = scratch;
        topFrames = new Frame?[entryPoints];
    }

    public StateLayout Layout { get; }

    /// <summary>
    /// The fields as this run sees them: the state's own array until the first write, then a copy (a step that
    /// fails its first <c>Require</c> copies nothing).
    /// </summary>
    public Value[] Fields { get; private set; }

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

    /// <summary>Whether this object is in use (runs are not re-entrant).</summary>
    public bool Busy { get; private set; }

    public void Begin(Value[]? state, StepBudget budget, bool inAction)
    {
        Busy = true;
        run++;
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

        InAction = inAction;
        Stopping = false;
        Reason = null;
        ReturnReason = null;
        ReturnValue = default;
        Site = null;
        steps = 0;
        depth = 0;
        maxSteps = budget.MaxSteps;
        cancellation = budget.Cancellation;
    }

    public void End()
    {
        ReturnValue = default;
        Site = null;
        Busy = false;
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

        return scratch;
    }

    public void Disable(DisabledReason reason)
    {
        if (!Stopping)
        {
            Stopping = true;
            Reason = reason;
        }
    }

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

    /// <summary>The fields as a new state: the written objects frozen, the hash computed.</summary>
    public Value[] Snapshot(out long hash)
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
        freezer.Track = nested;
        if (!nested && mutableOwned > 1)
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
            throw new ModelException(
                FailureKind.Exception,
                shared.First == shared.Second
                    ? "One mutable object appears twice in '" + shared.First + "': give each place its own copy"
                    : "One mutable object is shared by '" + shared.First + "' and '" + shared.Second + "': give each place its own copy");
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
                    throw new ModelException(
                        FailureKind.Exception,
                        "One mutable object is shared by '" + Layout.Names[i] + "' and '" + Layout.Names[j] + "': give each place its own copy");
                }
            }
        }
    }

    private ModelException DeepRecursion() => new(
        FailureKind.StepBudgetExceeded,
        "The recursion went deeper than " + MaxDepth.ToString(System.Globalization.CultureInfo.InvariantCulture)
            + " calls (a stack overflow in .NET)");
}
