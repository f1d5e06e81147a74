using System;
using System.Collections.Generic;
using System.Text;

namespace MergeQueue.Analyzers.Engine.Runtime;

/// <summary>
/// The base of the model adapter the source generator emits for a <c>[StateMachine]</c> class whose values it can
/// encode and rebuild (every value kind, when records and structs can be rebuilt from their members): a state is its
/// canonical encoding (<see cref="StateCoding"/>) in a <see cref="PackedState"/>, compared and hashed as words and
/// bytes. Per thread the adapter keeps two instances of the class: the last state decoded (guards and properties read
/// it; its collections are reused by the next decoding) and a working one, restored from it before each action runs
/// (collections copied, readonly ones refilled in place), then encoded as the successor. So a step of a model of
/// scalars allocates nothing when the encoding fits in two words. The arrays the generated code reuses (sorting a set,
/// reading a string) are per thread too (<see cref="ScratchArrays"/>), handed to it rather than kept in thread-static
/// fields of the model's assembly. Only a constructor can write a readonly field: when
/// a state's readonly fields differ from the instance's (another initial state set them, or a readonly array of
/// another length), decoding and restoring build a new instance instead.
/// </summary>
/// <typeparam name="TModel">The <c>[StateMachine]</c> class.</typeparam>
public abstract class EncodedModel<TModel> : ModelAdapter<TModel, PackedState>, IModel<PackedState>, IEqualityComparer<PackedState>, IStateHasher<PackedState>
    where TModel : class
{
    private readonly object scratchLock = new();
    private TModel? template;

    // Each thread's instances, by managed thread id: an array read, where a thread-static field of a generic class
    // costs a runtime lookup on every step. Ids of dead threads are reused, never shared by two live threads.
    private Scratch?[] scratches = new Scratch?[16];

    /// <summary>Creates the adapter from the model's tables, as the generator computed them from the source.</summary>
    /// <param name="name">The class name.</param>
    /// <param name="fieldNames">The state fields in declaration order.</param>
    /// <param name="actions">The actions in declaration order.</param>
    /// <param name="actionInstances">Every action with one value per parameter, in exploration order.</param>
    /// <param name="predicates">The predicate instances properties refer to.</param>
    /// <param name="properties">The property instances.</param>
    /// <param name="returnedFalse">Per action, the reason a <c>bool</c> action gives when it returns false; null for <c>void</c> actions.</param>
    /// <param name="initialInstances">
    /// The combinations of the domained constructor's arguments; null for the parameterless constructor.
    /// </param>
    /// <param name="checkStuck">The <c>[StateMachine]</c>'s <c>CheckStuck</c>.</param>
    protected EncodedModel(
        string name,
        IReadOnlyList<string> fieldNames,
        IReadOnlyList<ActionInfo> actions,
        IReadOnlyList<ActionInstance> actionInstances,
        IReadOnlyList<PredicateInstance> predicates,
        IReadOnlyList<PropertyInstance> properties,
        IReadOnlyList<string?> returnedFalse,
        IReadOnlyList<InitialInstance>? initialInstances = null,
        bool checkStuck = true)
        : base(name, fieldNames, actions, actionInstances, predicates, properties, returnedFalse, initialInstances, checkStuck)
    {
    }

    /// <inheritdoc/>
    public IEqualityComparer<PackedState> StateComparer => this;

    /// <inheritdoc/>
    public StepOutcome<PackedState> CreateInitialState(int initialInstance, StepBudget budget)
    {
        switch (TryCreate(initialInstance, out TModel? initial))
        {
            case DisabledReason reason:
                return StepOutcome<PackedState>.Disabled(reason);
            case Failure failure:
                return StepOutcome<PackedState>.Failed(failure);
        }

        try
        {
            template ??= Copy(initial!);
            return StepOutcome<PackedState>.Enabled(Encode(initial!, ScratchFor().Writer));
        }
        catch (Exception failure) when (IsModelFailure(failure))
        {
            return StepOutcome<PackedState>.Failed(FailureOf(failure));
        }
    }

    /// <inheritdoc/>
    public StepOutcome<PackedState> Step(PackedState state, int actionInstance, StepBudget budget)
    {
        PackedState next;
        try
        {
            Scratch at = ScratchFor(state);
            if (Guard(at.Current, actionInstance) is { } blocked)
            {
                return StepOutcome<PackedState>.Disabled(GuardReason(actionInstance, blocked));
            }

            // The working instance is the successor: the decoded state is never written.
            at.Working = Restore(at.Current, at.Working, at.Arrays);
            if (Run(at.Working, actionInstance) is { } disabled)
            {
                return StepOutcome<PackedState>.Disabled(RunReason(actionInstance, disabled));
            }

            if (StepsMayShare && SharedPlaces(at.Working) is { } shared)
            {
                return StepOutcome<PackedState>.Failed(new Failure(FailureKind.Exception, shared, null));
            }

            next = Encode(at.Working, at.Writer);
        }
        catch (ActionDisabledException disabled)
        {
            return StepOutcome<PackedState>.Disabled(new DisabledReason(RequireText(disabled), null));
        }
        catch (Exception failure) when (IsModelFailure(failure))
        {
            return StepOutcome<PackedState>.Failed(FailureOf(failure));
        }

        return StepOutcome<PackedState>.Enabled(next);
    }

    /// <inheritdoc/>
    public PredicateOutcome Evaluate(PackedState state, int predicate, StepBudget budget)
    {
        try
        {
            return PredicateOutcome.Of(Test(ScratchFor(state).Current, predicate));
        }
        catch (Exception failure) when (IsModelFailure(failure))
        {
            return PredicateOutcome.Failed(FailureOf(failure));
        }
    }

    /// <inheritdoc/>
    public PredicateOutcome EvaluateStep(PackedState before, PackedState after, int predicate, StepBudget budget)
    {
        try
        {
            // The state before is the one being expanded, usually decoded already; the one after goes to a spare.
            Scratch at = ScratchFor(before);
            TModel spare = at.Spare = Decode(after, at.Spare ?? Copy(at.Current), at.Arrays);
            return PredicateOutcome.Of(TestStep(at.Current, spare, predicate));
        }
        catch (Exception failure) when (IsModelFailure(failure))
        {
            return PredicateOutcome.Failed(FailureOf(failure));
        }
    }

    /// <inheritdoc/>
    public string FormatField(PackedState state, int field)
    {
        var text = new StringBuilder();
        AppendField(text, ScratchFor(state).Current, field);
        return text.ToString();
    }

    /// <inheritdoc/>
    public bool Equals(PackedState x, PackedState y) => x.Equals(y);

    /// <inheritdoc/>
    public int GetHashCode(PackedState obj) => obj.GetHashCode();

    /// <inheritdoc/>
    public ulong Hash64(PackedState state) => state.Hash64();

    /// <summary>A deep copy of every state field of <paramref name="state"/> (the copy constructor).</summary>
    /// <param name="state">An instance.</param>
    /// <returns>A new instance with equal, unshared fields.</returns>
    protected abstract TModel Copy(TModel state);

    /// <summary>Writes every state field of <paramref name="state"/> to <paramref name="writer"/>, in declaration order.</summary>
    /// <param name="state">The instance.</param>
    /// <param name="writer">The writer, reset.</param>
    protected abstract void Write(TModel state, StateWriter writer);

    /// <summary>
    /// Sets every state field of <paramref name="into"/> from an encoding, collections filled in place; when the
    /// state's readonly fields differ from <paramref name="into"/>'s, builds a new instance instead, which may share
    /// objects with <paramref name="into"/>: the caller keeps only the instance returned.
    /// </summary>
    /// <param name="state">The encoded state.</param>
    /// <param name="into">An instance of the model, only ever read by its holder.</param>
    /// <param name="arrays">This thread's arrays, for the reader.</param>
    /// <returns>The instance holding the state: <paramref name="into"/> or a new one.</returns>
    protected abstract TModel Decode(PackedState state, TModel into, ScratchArrays arrays);

    /// <summary>
    /// Makes <paramref name="working"/> equal to <paramref name="current"/>, unshared, reusing its arrays where it can;
    /// when their readonly fields differ (or a readonly array's length), a copy of <paramref name="current"/> instead.
    /// </summary>
    /// <param name="current">The decoded state.</param>
    /// <param name="working">The instance the previous action ran on.</param>
    /// <param name="arrays">This thread's arrays.</param>
    /// <returns>The instance the next action runs on: <paramref name="working"/> or a new one.</returns>
    protected abstract TModel Restore(TModel current, TModel working, ScratchArrays arrays);

    /// <summary>Runs one action instance on <paramref name="next"/>, an instance it may write.</summary>
    /// <param name="next">The working instance.</param>
    /// <param name="actionInstance">The index into <see cref="ModelAdapter{TModel, TState}.ActionInstances"/>.</param>
    /// <returns>
    /// Null when it ran; otherwise why it is disabled: <see cref="ModelAdapter{TModel, TState}.FalseReturned"/> when a
    /// <c>bool</c> action returned false, or the reason text of a <c>Require</c> the action's generated copy tested
    /// without throwing (a <c>Require</c> elsewhere throws <see cref="ActionDisabledException"/>).
    /// </returns>
    protected abstract string? Run(TModel next, int actionInstance);

    /// <summary>Evaluates one predicate instance.</summary>
    /// <param name="state">The decoded state.</param>
    /// <param name="predicate">The index into <see cref="ModelAdapter{TModel, TState}.Predicates"/>.</param>
    /// <returns>The predicate's value.</returns>
    protected abstract bool Test(TModel state, int predicate);

    /// <summary>Appends one field's value as a trace shows it.</summary>
    /// <param name="text">Where to append.</param>
    /// <param name="state">The decoded state.</param>
    /// <param name="field">The index into <see cref="ModelAdapter{TModel, TState}.FieldNames"/>.</param>
    protected abstract void AppendField(StringBuilder text, TModel state, int field);

    /// <inheritdoc/>
    protected override TModel GuardTarget(PackedState state) => ScratchFor(state).Current;

    private PackedState Encode(TModel state, StateWriter writer)
    {
        writer.Reset();
        Write(state, writer);
        return writer.ToPacked();
    }

    // This thread's instances, with the current one as it was last decoded.
    private Scratch ScratchFor()
    {
        int thread = Environment.CurrentManagedThreadId;
        Scratch?[] all = scratches;
        return (uint)thread < (uint)all.Length && all[thread] is { } at ? at : AddScratch(thread);
    }

    private Scratch AddScratch(int thread)
    {
        lock (scratchLock)
        {
            Scratch?[] all = scratches;
            if (thread >= all.Length)
            {
                Array.Resize(ref all, Math.Max(thread + 1, all.Length * 2));
            }

            TModel from = template ??= AnyInitial();
            var at = new Scratch(Copy(from), Copy(from), Copy(from));
            all[thread] = at;

            // Published after the slot is filled: a reader sees the new array only with its own slot in it.
            scratches = all;
            return at;
        }
    }

    // An instance to decode into: a shard of a cluster decodes states it did not build, and the first combination of
    // the constructor's arguments may be one its Require turns down.
    private TModel AnyInitial()
    {
        for (int i = 0; i < InitialInstances.Count; i++)
        {
            if (TryCreate(i, out TModel? initial) is null)
            {
                return initial!;
            }
        }

        throw new InvalidOperationException("No initial state of '" + Name + "' can be built, so there is no state to decode.");
    }

    // This thread's instances, with the current one decoded from state. The two states decoded last are kept: a
    // constraint tested on each successor of a state would otherwise have that state decoded again after each one.
    private Scratch ScratchFor(PackedState state)
    {
        Scratch at = ScratchFor();
        if (at.HasDecoded && at.Decoded.Equals(state))
        {
            return at;
        }

        at.SwapDecoded();
        if (!at.HasDecoded || !at.Decoded.Equals(state))
        {
            // Forget first: a decoding cut short must not pass for the state.
            at.HasDecoded = false;
            at.Current = Decode(state, at.Current, at.Arrays);
            at.Decoded = state;
            at.HasDecoded = true;
        }

        return at;
    }

    private sealed class Scratch
    {
        // The state decoded before the current one, and the instance it is decoded in.
        private TModel previous;
        private PackedState previousDecoded;
        private bool hasPrevious;

        internal Scratch(TModel current, TModel working, TModel previous)
        {
            Current = current;
            Working = working;
            this.previous = previous;
        }

        internal TModel Current { get; set; }

        internal TModel Working { get; set; }

        internal StateWriter Writer { get; } = new();

        // The writer's, shared with decoding and restoring: the generated code gives each type's array its own slot,
        // and no encoding, decoding or restoring of one type runs inside another's use of its array.
        internal ScratchArrays Arrays => Writer.Arrays;

        /// <summary>The state after a step, for step invariants; made on first need.</summary>
        internal TModel? Spare { get; set; }

        internal PackedState Decoded { get; set; }

        internal bool HasDecoded { get; set; }

        /// <summary>Makes the state decoded before the current one current, and the current one the one before.</summary>
        internal void SwapDecoded()
        {
            TModel current = Current;
            PackedState decoded = Decoded;
            bool hasDecoded = HasDecoded;
            Current = previous;
            Decoded = previousDecoded;
            HasDecoded = hasPrevious;
            previous = current;
            previousDecoded = decoded;
            hasPrevious = hasDecoded;
        }
    }
}
