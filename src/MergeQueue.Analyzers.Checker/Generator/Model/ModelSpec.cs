namespace MergeQueue.Analyzers.Generator.Model;

/// <summary>Everything the emitter needs for one <c>[StateMachine]</c> class, as equatable values.</summary>
/// <param name="Namespace">The containing namespace, or null for the global one.</param>
/// <param name="ClassName">The class name.</param>
/// <param name="HasPrimaryConstructor">The class declares <c>()</c>: another constructor must chain to it.</param>
/// <param name="HasImplicitConstructor">The class declares no constructor: the generated part must declare the parameterless one.</param>
/// <param name="Usings">The using directives of the model's file (outside and inside its namespace), for the copied guards.</param>
/// <param name="MaxStates">The attribute's <c>MaxStates</c> (0: the engine's default).</param>
/// <param name="MaxDepth">The attribute's <c>MaxDepth</c> (0: none).</param>
/// <param name="CheckStuck">The attribute's <c>CheckStuck</c>.</param>
/// <param name="Initials">The domained constructor's parameters, whose combinations are the initial instances; none for the parameterless constructor.</param>
internal sealed record ModelSpec(
    string? Namespace,
    string ClassName,
    bool HasPrimaryConstructor,
    bool HasImplicitConstructor,
    UsingsSpec Usings,
    int MaxStates,
    int MaxDepth,
    EquatableArray<FieldSpec> Fields,
    EquatableArray<TypeSpec> Types,
    EquatableArray<ActionSpec> Actions,
    EquatableArray<PredicateSpec> Predicates,
    EquatableArray<PropertySpec> Properties,
    bool CheckStuck,
    EquatableArray<InitialSpec> Initials)
{
    /// <summary>
    /// The accessibility of the conformance members (<c>IDriver</c>, <c>Snapshot</c>, <c>CheckConformance</c>,
    /// <c>ValidateTrace</c>): <c>public</c>, or <c>internal</c> when a state field or action parameter has an internal
    /// type; null when they are not generated (the class declares a member of one of those names, or such a type is
    /// private to a class).
    /// </summary>
    public string? ConformanceAccess { get; init; } = "public";

    /// <summary>The guards of helpers that actions' guards call, each written once.</summary>
    public EquatableArray<HelperGuardSpec> HelperGuards { get; init; }

    /// <summary>The initial constructor's leading <c>Require</c>s, tested before an instance is built; null when it has none to test so.</summary>
    public GuardSpec? InitialGuard { get; init; }

    /// <summary>The copies of actions and helpers whose false <c>Require</c>s return their reason.</summary>
    public EquatableArray<RunCopySpec> RunCopies { get; init; }

    /// <summary>Whether a step may leave one mutable object in two places of the state (the front end's <c>StepSharing</c>).</summary>
    public bool StepsMayShare { get; init; } = true;

    /// <summary>Whether the conformance members are generated.</summary>
    public bool EmitsConformance => ConformanceAccess is not null;

    /// <summary>Whether the initial states come from a constructor with domained parameters.</summary>
    public bool HasDomainedConstructor => Initials.Count > 0;

    /// <summary>How many action instances, over all actions.</summary>
    public int InstanceCount => Actions.Count == 0 ? 0 : Actions[Actions.Count - 1].FirstInstance + Actions[Actions.Count - 1].InstanceCount;
}
