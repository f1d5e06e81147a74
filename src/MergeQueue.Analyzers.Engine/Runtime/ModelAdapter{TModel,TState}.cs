using System;
using System.Collections.Generic;
using System.Globalization;

namespace MergeQueue.Analyzers.Engine.Runtime;

/// <summary>
/// What the two adapters the source generator emits share, whatever a state is (<see cref="EncodedModel{TModel}"/>:
/// an encoding; <see cref="GeneratedModel{TModel}"/>: an instance of the class): the model's tables, the generated
/// guards tested for every action instance in one call per state, and how the model's exceptions become failures.
/// </summary>
/// <typeparam name="TModel">The <c>[StateMachine]</c> class.</typeparam>
/// <typeparam name="TState">What the engine stores as a state.</typeparam>
public abstract class ModelAdapter<TModel, TState> : IGuardedModel<TState>
    where TModel : class
{
    private readonly IReadOnlyList<string?> returnedFalse;
    private readonly DisabledReason?[] guardReasons;

    // Whether some initial instance was built: its field initializers ran without failing.
    private volatile bool constructed;

    /// <summary>Creates the adapter from the model's tables, as the generator computed them from the source.</summary>
    /// <param name="name">The class name.</param>
    /// <param name="fieldNames">The state fields in declaration order.</param>
    /// <param name="actions">The actions in declaration order.</param>
    /// <param name="actionInstances">Every action with one value per parameter, in exploration order.</param>
    /// <param name="predicates">The predicate instances properties refer to.</param>
    /// <param name="properties">The property instances.</param>
    /// <param name="returnedFalse">Per action, the reason a <c>bool</c> action gives when it returns false; null for <c>void</c> actions.</param>
    /// <param name="initialInstances">
    /// The combinations of the domained constructor's arguments, in domain order; null for a model built by its
    /// parameterless constructor.
    /// </param>
    /// <param name="checkStuck">The <c>[StateMachine]</c>'s <c>CheckStuck</c>.</param>
    protected ModelAdapter(
        string name,
        IReadOnlyList<string> fieldNames,
        IReadOnlyList<ActionInfo> actions,
        IReadOnlyList<ActionInstance> actionInstances,
        IReadOnlyList<PredicateInstance> predicates,
        IReadOnlyList<PropertyInstance> properties,
        IReadOnlyList<string?> returnedFalse,
        IReadOnlyList<InitialInstance>? initialInstances = null,
        bool checkStuck = true)
    {
        InitialInstances = initialInstances ?? InitialInstance.Parameterless;
        CheckStuck = checkStuck;
        Name = name;
        FieldNames = fieldNames;
        Actions = actions;
        ActionInstances = actionInstances ?? throw new ArgumentNullException(nameof(actionInstances));
        Predicates = predicates;
        Properties = properties;
        this.returnedFalse = returnedFalse;
        guardReasons = new DisabledReason?[actionInstances.Count];
    }

    /// <summary>The model's name as the user wrote it (the class name).</summary>
    public string Name { get; }

    /// <summary>The state fields in declaration order, as shown in traces.</summary>
    public IReadOnlyList<string> FieldNames { get; }

    /// <summary>The actions in declaration order.</summary>
    public IReadOnlyList<ActionInfo> Actions { get; }

    /// <summary>Every action with one value per parameter: actions in declaration order, arguments in domain order.</summary>
    public IReadOnlyList<ActionInstance> ActionInstances { get; }

    /// <summary>The boolean members the engine evaluates, each with its arguments.</summary>
    public IReadOnlyList<PredicateInstance> Predicates { get; }

    /// <summary>The properties to check, each over one predicate instance.</summary>
    public IReadOnlyList<PropertyInstance> Properties { get; }

    /// <summary>The ways to build an initial state: one per combination of the domained constructor's arguments.</summary>
    public IReadOnlyList<InitialInstance> InitialInstances { get; }

    /// <summary>Whether a state with no enabled action where no <c>[Terminal]</c> member holds is a violation.</summary>
    public bool CheckStuck { get; }

    /// <inheritdoc/>
    public int PossiblyEnabled(TState state, int[] instances, StepBudget budget)
    {
        if (instances is null)
        {
            throw new ArgumentNullException(nameof(instances));
        }

        int count = 0;
        int instanceCount = guardReasons.Length;
        TModel target;
        try
        {
            target = GuardTarget(state);
        }
        catch (Exception failure) when (IsModelFailure(failure))
        {
            // Every step will fail the same way and report it.
            for (; count < instanceCount; count++)
            {
                instances[count] = count;
            }

            return count;
        }

        int[]? sources = GuardSources;
        bool listed = false;
        for (int instance = 0; instance < instanceCount; instance++)
        {
            if (sources is not null && sources[instance] != instance)
            {
                // The instance before it tested the same guard on the same arguments: its verdict stands.
                if (listed)
                {
                    instances[count++] = instance;
                }

                continue;
            }

            try
            {
                listed = Guard(target, instance) is null;
            }
            catch (Exception failure) when (IsModelFailure(failure))
            {
                // Its step reports the failure.
                listed = true;
            }

            if (listed)
            {
                instances[count++] = instance;
            }
        }

        return count;
    }

    /// <summary>
    /// The instance of the class that holds <paramref name="state"/>, for reading only: generated code builds a model's
    /// <c>Snapshot</c> from it. For an encoded state it is this thread's decoding scratch, valid until the next call.
    /// </summary>
    /// <param name="state">A stored state.</param>
    /// <returns>The instance.</returns>
    public TModel InstanceOf(TState state) => GuardTarget(state);

    /// <summary>The reason text the compile-time checker gives for the same <c>Require</c>.</summary>
    /// <param name="disabled">The exception <c>Spec.Require</c> threw.</param>
    /// <returns><c>Require(condition) is false (line L)</c>.</returns>
    public static string RequireText(ActionDisabledException disabled)
    {
        if (disabled is null)
        {
            throw new ArgumentNullException(nameof(disabled));
        }

        string condition = disabled.Expression is { } expression ? OneLine(expression) : "...";
        return "Require(" + condition + ") is false (line " + disabled.Line.ToString(CultureInfo.InvariantCulture) + ")";
    }

    /// <summary>
    /// Evaluates a <c>[StepInvariant]</c> predicate instance: <c>after.M(before)</c>. Generated only for models that
    /// have one.
    /// </summary>
    /// <param name="before">The state before the step.</param>
    /// <param name="after">The state after it.</param>
    /// <param name="predicate">The index into <see cref="Predicates"/>.</param>
    /// <returns>The predicate's value.</returns>
    protected virtual bool TestStep(TModel before, TModel after, int predicate) =>
        throw new ArgumentOutOfRangeException(nameof(predicate));

    /// <summary>
    /// Builds the instance of initial instance <paramref name="initialInstance"/> (field initializers, then the
    /// constructor with its arguments) as the outcome the engine expects: a <c>Require</c> of the constructor drops
    /// the combination, anything else it throws is a failure.
    /// </summary>
    /// <param name="initialInstance">The index into <see cref="InitialInstances"/>.</param>
    /// <param name="initial">The instance, when the outcome is enabled.</param>
    /// <returns>Null when built; else the disabled or failed outcome's reason or failure.</returns>
    protected object? TryCreate(int initialInstance, out TModel? initial)
    {
        initial = null;
        try
        {
            // The field initializers run before the constructor's guard would: only once they ran without failing is a
            // combination the guard turns down not built at all.
            if (constructed && InitialGuard(initialInstance) is { } blocked)
            {
                return new DisabledReason(blocked, null);
            }

            initial = CreateInitial(initialInstance);
            constructed = true;
            return SharedPlaces(initial) is { } shared ? new Failure(FailureKind.Exception, shared, null) : null;
        }
        catch (ActionDisabledException disabled)
        {
            return new DisabledReason(RequireText(disabled), null);
        }
        catch (Exception failure) when (IsModelFailure(failure))
        {
            return FailureOf(failure);
        }
    }

    /// <summary>
    /// Tests the constructor's leading <c>Require</c>s of an initial instance without building it or throwing: the
    /// reason text of the first that is false, or null. The generator overrides it when those statements read only
    /// the constructor's parameters and static members.
    /// </summary>
    /// <param name="initialInstance">The index into <see cref="InitialInstances"/>.</param>
    /// <returns>The reason text, or null.</returns>
    protected virtual string? InitialGuard(int initialInstance) => null;

    /// <summary>A new instance built as initial instance <paramref name="initialInstance"/>: <c>new M(arguments)</c>.</summary>
    /// <param name="initialInstance">The index into <see cref="InitialInstances"/>.</param>
    /// <returns>The new instance.</returns>
    protected abstract TModel CreateInitial(int initialInstance);

    /// <summary>The instance of the class the guards of <paramref name="state"/> read (they never write it).</summary>
    /// <param name="state">A stored state.</param>
    /// <returns>The instance.</returns>
    protected abstract TModel GuardTarget(TState state);

    /// <summary>
    /// Tests the leading <c>Require</c>s of an action instance without running it or throwing: the reason text of the
    /// first false one, or null when they hold (or the action has none the generator copied).
    /// </summary>
    /// <param name="state">The state's instance; the guard does not write it.</param>
    /// <param name="actionInstance">The index into <see cref="ActionInstances"/>.</param>
    /// <returns>The reason the action is disabled, or null.</returns>
    protected virtual string? Guard(TModel state, int actionInstance) => null;

    /// <summary>
    /// Per action instance, the instance whose guard verdict it takes (itself when it tests its own): the instances of
    /// one action that agree on every parameter its guard reads follow each other and share one test per state.
    /// Null when every instance tests its own.
    /// </summary>
    protected virtual int[]? GuardSources => null;

    /// <summary>
    /// After an action: the failure message when one array or collection is now reachable from two places of the
    /// state (see <see cref="SharedObjects"/>), or null. Generated only for models where that can happen.
    /// </summary>
    /// <param name="state">The state the action produced.</param>
    /// <returns>The message, or null.</returns>
    protected virtual string? SharedPlaces(TModel state) => null;

    /// <summary>
    /// Whether an action may leave one mutable object in two places, so that <see cref="SharedPlaces"/> is asked after
    /// each step; false when the generator found that no member of the model stores a reference it did not make
    /// (the initial states are asked all the same).
    /// </summary>
    protected virtual bool StepsMayShare => true;

    /// <summary>The step's outcome when the guard of <paramref name="actionInstance"/> gave <paramref name="text"/>.</summary>
    /// <param name="actionInstance">The index into <see cref="ActionInstances"/>.</param>
    /// <param name="text">The guard's reason text.</param>
    /// <returns>The reason.</returns>
    protected DisabledReason GuardReason(int actionInstance, string text)
    {
        DisabledReason? reason = guardReasons[actionInstance];
        if (reason is null || !ReferenceEquals(reason.Text, text))
        {
            // Guard texts are literals: one reason object per action instance serves every state.
            reason = new DisabledReason(text, null);
            guardReasons[actionInstance] = reason;
        }

        return reason;
    }

    /// <summary>
    /// What <c>Run</c> returns for an action declared <c>bool</c> that returned false; compared by reference, so no
    /// <c>Require</c>'s text can be taken for it.
    /// </summary>
    protected static readonly string FalseReturned = new('f', 1);

    /// <summary>The step's outcome when running <paramref name="actionInstance"/> gave <paramref name="text"/> instead of a successor.</summary>
    /// <param name="actionInstance">The index into <see cref="ActionInstances"/>.</param>
    /// <param name="text"><see cref="FalseReturned"/>, or the reason text of the <c>Require</c> that was false.</param>
    /// <returns>The reason.</returns>
    protected DisabledReason RunReason(int actionInstance, string text) =>
        ReferenceEquals(text, FalseReturned) ? ReturnedFalse(actionInstance) : GuardReason(actionInstance, text);

    /// <summary>Why a <c>bool</c> action instance that returned false is disabled.</summary>
    /// <param name="actionInstance">The index into <see cref="ActionInstances"/>.</param>
    /// <returns>The reason.</returns>
    protected DisabledReason ReturnedFalse(int actionInstance) =>
        new(returnedFalse[ActionInstances[actionInstance].Action] ?? "returned false", null);

    /// <summary>
    /// Whether an exception from the model's code is the model's failure (not a cancellation, lack of memory, or a value
    /// the generated explorer cannot rebuild).
    /// </summary>
    /// <param name="failure">The exception.</param>
    /// <returns>True when it is reported as a failure of the model.</returns>
    protected static bool IsModelFailure(Exception failure) => failure is not (OperationCanceledException or OutOfMemoryException or ValueNotRebuiltException);

    /// <summary>The failure the report shows for an exception of the model's code.</summary>
    /// <param name="failure">The exception.</param>
    /// <returns>An assertion failure for <c>Spec.Assert</c>, a limit for a value too deep, else the exception's type and message.</returns>
    protected static Failure FailureOf(Exception failure) => failure switch
    {
        ModelAssertionException => new Failure(FailureKind.AssertFailed, failure.Message, null),
        ValueTooDeepException tooDeep => tooDeep.Failure,
        _ => new Failure(FailureKind.Exception, failure.GetType().Name + ": " + failure.Message, null),
    };

    // The checker prints a condition split over lines on one line, its words joined by single spaces.
    private static string OneLine(string text) =>
        string.Join(" ", text.Split(new[] { ' ', '\n', '\r', '\t' }, StringSplitOptions.RemoveEmptyEntries));
}
