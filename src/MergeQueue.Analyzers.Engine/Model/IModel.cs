using System.Collections.Generic;

namespace MergeQueue.Analyzers.Engine;

/// <summary>
/// What the engine needs of a model, whoever built it (the compile-time interpreter or generated code).
/// The engine never looks inside a state: it asks the model to step, to evaluate, to compare and to print.
/// </summary>
/// <typeparam name="TState">An immutable snapshot of every state field.</typeparam>
public interface IModel<TState>
{
    /// <summary>The model's name as the user wrote it (the class name).</summary>
    string Name { get; }

    /// <summary>The state fields in declaration order, as shown in traces.</summary>
    IReadOnlyList<string> FieldNames { get; }

    /// <summary>The actions in declaration order.</summary>
    IReadOnlyList<ActionInfo> Actions { get; }

    /// <summary>Every action with one value per parameter: actions in declaration order, arguments in domain order.</summary>
    IReadOnlyList<ActionInstance> ActionInstances { get; }

    /// <summary>The boolean members the engine evaluates, each with its arguments (properties and <c>[LeadsTo]</c> targets).</summary>
    IReadOnlyList<PredicateInstance> Predicates { get; }

    /// <summary>The properties to check, each over one predicate instance.</summary>
    IReadOnlyList<PropertyInstance> Properties { get; }

    /// <summary>Structural equality and a stable hash of states.</summary>
    IEqualityComparer<TState> StateComparer { get; }

    /// <summary>
    /// The ways to build an initial state, in domain order: one per combination of the arguments of the model's
    /// domained constructor, or <see cref="InitialInstance.Parameterless"/>.
    /// </summary>
    IReadOnlyList<InitialInstance> InitialInstances { get; }

    /// <summary>
    /// Whether a reachable state with no enabled action where no <c>[Terminal]</c> member holds is a violation
    /// (<c>[StateMachine(CheckStuck = false)]</c> is TLC's <c>CHECK_DEADLOCK FALSE</c>).
    /// </summary>
    bool CheckStuck { get; }

    /// <summary>
    /// Builds one initial state: field initializers, then the constructor with the arguments of
    /// <paramref name="initialInstance"/>. Disabled when the constructor's <c>Require</c> drops that combination.
    /// </summary>
    StepOutcome<TState> CreateInitialState(int initialInstance, StepBudget budget);

    /// <summary>Runs one action instance on a copy of <paramref name="state"/>.</summary>
    StepOutcome<TState> Step(TState state, int actionInstance, StepBudget budget);

    /// <summary>Evaluates one predicate instance in <paramref name="state"/>.</summary>
    PredicateOutcome Evaluate(TState state, int predicate, StepBudget budget);

    /// <summary>
    /// Evaluates a <c>[StepInvariant]</c> predicate on a step: <paramref name="before"/> is its parameter and
    /// <paramref name="after"/> is <c>this</c>.
    /// </summary>
    PredicateOutcome EvaluateStep(TState before, TState after, int predicate, StepBudget budget);

    /// <summary>The value of one field, as the trace prints it (invariant culture, deterministic order).</summary>
    string FormatField(TState state, int field);
}
