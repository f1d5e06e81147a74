namespace MergeQueue.Analyzers.Generator.Model;

/// <summary>
/// An action's guard (<see cref="FrontEnd.Shape.GuardShape"/>), copied into a generated method that tests it on the
/// stored state: a disabled action then costs no copy and no exception.
/// </summary>
/// <param name="Parameters">The action's parameter list as declared (types fully qualified).</param>
/// <param name="Steps">The guard's statements, in order.</param>
internal sealed record GuardSpec(string Parameters, EquatableArray<GuardStepSpec> Steps);

/// <summary>
/// One statement of a guard: a <c>Require</c>'s condition with its reason, a local declaration (no reason), or the
/// call of a helper's guard method (<see cref="CallsHelper"/>), which gives the reason itself.
/// </summary>
/// <param name="Code">The condition's source text, the whole declaration statement's, or the call.</param>
/// <param name="Reason">The reason the front end gives when the condition is false; null for a declaration or a call.</param>
internal sealed record GuardStepSpec(string Code, string? Reason)
{
    public bool CallsHelper { get; init; }
}

/// <summary>The guard of a helper an action's guard ends with, as a method of its own (<see cref="FrontEnd.Shape.GuardCall"/>).</summary>
/// <param name="Name">The generated method's name.</param>
/// <param name="Guard">The helper's parameters and guard statements.</param>
internal sealed record HelperGuardSpec(string Name, GuardSpec Guard);
