using System;
using System.Collections.Generic;
using System.Text;

namespace MergeQueue.Analyzers.Engine.Runtime;

/// <summary>
/// The base of the model adapter the source generator emits for a <c>[StateMachine]</c> class with fields
/// <see cref="EncodedModel{TModel}"/> does not cover (a record or struct it cannot rebuild, a readonly field a
/// constructor must write): a state is an
/// instance of the class that no step writes once it is stored (a step runs on a copy), and the generated members
/// copy, compare, hash and print its fields and call its actions and properties. The engine does the rest, with
/// the same semantics and report text as the compile-time checker.
/// </summary>
/// <typeparam name="TModel">The <c>[StateMachine]</c> class.</typeparam>
public abstract class GeneratedModel<TModel> : ModelAdapter<TModel, TModel>, IModel<TModel>, IEqualityComparer<TModel>, IStateHasher<TModel>
    where TModel : class
{
    /// <summary>Creates the adapter from the model's tables, as the generator computed them from the source.</summary>
    /// <param name="name">The class name.</param>
    /// <param name="fieldNames">The state fields in declaration order.</param>
    /// <param name="actions">The actions in declaration order.</param>
    /// <param name="actionInstances">Every action with one value per parameter, in exploration order.</param>
    /// <param name="predicates">The predicate instances properties refer to.</param>
    /// <param name="properties">The property instances.</param>
    /// <param name="returnedFalse">Per action, the reason a <c>bool</c> action gives when it returns false; null for <c>void</c> actions.</param>
    /// <param name="initialInstances">The combinations of the domained constructor's arguments; null for the parameterless constructor.</param>
    /// <param name="checkStuck">The <c>[StateMachine]</c>'s <c>CheckStuck</c>.</param>
    protected GeneratedModel(
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
    public IEqualityComparer<TModel> StateComparer => this;

    /// <inheritdoc/>
    public StepOutcome<TModel> CreateInitialState(int initialInstance, StepBudget budget)
    {
        switch (TryCreate(initialInstance, out TModel? initial))
        {
            case DisabledReason reason:
                return StepOutcome<TModel>.Disabled(reason);
            case Failure failure:
                return StepOutcome<TModel>.Failed(failure);
        }

        try
        {
            Canonicalize(initial!);
            return StepOutcome<TModel>.Enabled(initial!);
        }
        catch (Exception failure) when (IsModelFailure(failure))
        {
            return StepOutcome<TModel>.Failed(FailureOf(failure));
        }
    }

    /// <inheritdoc/>
    public StepOutcome<TModel> Step(TModel state, int actionInstance, StepBudget budget)
    {
        TModel next;
        try
        {
            if (Guard(state, actionInstance) is { } blocked)
            {
                return StepOutcome<TModel>.Disabled(GuardReason(actionInstance, blocked));
            }

            // The copy is the successor: the stored state is never written.
            next = Copy(state);
            if (Run(next, actionInstance) is { } disabled)
            {
                return StepOutcome<TModel>.Disabled(RunReason(actionInstance, disabled));
            }

            if (StepsMayShare && SharedPlaces(next) is { } shared)
            {
                return StepOutcome<TModel>.Failed(new Failure(FailureKind.Exception, shared, null));
            }

            Canonicalize(next);
        }
        catch (ActionDisabledException disabled)
        {
            return StepOutcome<TModel>.Disabled(new DisabledReason(RequireText(disabled), null));
        }
        catch (Exception failure) when (IsModelFailure(failure))
        {
            return StepOutcome<TModel>.Failed(FailureOf(failure));
        }

        return StepOutcome<TModel>.Enabled(next);
    }

    /// <inheritdoc/>
    public PredicateOutcome Evaluate(TModel state, int predicate, StepBudget budget)
    {
        try
        {
            return PredicateOutcome.Of(Test(state, predicate));
        }
        catch (Exception failure) when (IsModelFailure(failure))
        {
            return PredicateOutcome.Failed(FailureOf(failure));
        }
    }

    /// <inheritdoc/>
    public PredicateOutcome EvaluateStep(TModel before, TModel after, int predicate, StepBudget budget)
    {
        try
        {
            return PredicateOutcome.Of(TestStep(before, after, predicate));
        }
        catch (Exception failure) when (IsModelFailure(failure))
        {
            return PredicateOutcome.Failed(FailureOf(failure));
        }
    }

    /// <inheritdoc/>
    public string FormatField(TModel state, int field)
    {
        var text = new StringBuilder();
        AppendField(text, state, field);
        return text.ToString();
    }

    /// <inheritdoc/>
    public bool Equals(TModel? x, TModel? y) =>
        ReferenceEquals(x, y) || (x is not null && y is not null && FieldsEqual(x, y));

    /// <inheritdoc/>
    public int GetHashCode(TModel obj)
    {
        long hash = FieldsHash(obj);
        return unchecked((int)hash ^ (int)(hash >> 32));
    }

    /// <inheritdoc/>
    public ulong Hash64(TModel state) => unchecked((ulong)FieldsHash(state));

    /// <summary>A deep copy of every state field of <paramref name="state"/>.</summary>
    /// <param name="state">A stored state.</param>
    /// <returns>A new instance with equal, unshared fields.</returns>
    protected abstract TModel Copy(TModel state);

    /// <summary>Runs one action instance on <paramref name="next"/>, a copy it may write.</summary>
    /// <param name="next">The copy of the state.</param>
    /// <param name="actionInstance">The index into <see cref="ModelAdapter{TModel, TState}.ActionInstances"/>.</param>
    /// <returns>
    /// Null when it ran; otherwise why it is disabled: <see cref="ModelAdapter{TModel, TState}.FalseReturned"/> when a
    /// <c>bool</c> action returned false, or the reason text of a <c>Require</c> the action's generated copy tested
    /// without throwing (a <c>Require</c> elsewhere throws <see cref="ActionDisabledException"/>).
    /// </returns>
    protected abstract string? Run(TModel next, int actionInstance);

    /// <summary>Evaluates one predicate instance.</summary>
    /// <param name="state">The state.</param>
    /// <param name="predicate">The index into <see cref="ModelAdapter{TModel, TState}.Predicates"/>.</param>
    /// <returns>The predicate's value.</returns>
    protected abstract bool Test(TModel state, int predicate);

    /// <summary>Whether every state field of the two states is structurally equal.</summary>
    /// <param name="x">One state.</param>
    /// <param name="y">The other state.</param>
    /// <returns>True when they are the same state.</returns>
    protected abstract bool FieldsEqual(TModel x, TModel y);

    /// <summary>A stable hash of every state field, consistent with <see cref="FieldsEqual"/>.</summary>
    /// <param name="state">The state.</param>
    /// <returns>The hash.</returns>
    protected abstract long FieldsHash(TModel state);

    /// <summary>Appends one field's value as a trace shows it.</summary>
    /// <param name="text">Where to append.</param>
    /// <param name="state">The state.</param>
    /// <param name="field">The index into <see cref="ModelAdapter{TModel, TState}.FieldNames"/>.</param>
    protected abstract void AppendField(StringBuilder text, TModel state, int field);

    /// <inheritdoc/>
    protected override TModel GuardTarget(TModel state) => state;

    /// <summary>
    /// Puts the sets and dictionaries of a new state in key order, as the compile-time checker stores them, so
    /// actions that enumerate them see the same order under both. Nothing to do without sets or dictionaries.
    /// </summary>
    /// <param name="state">A state no step will write any more.</param>
    protected virtual void Canonicalize(TModel state)
    {
    }
}
