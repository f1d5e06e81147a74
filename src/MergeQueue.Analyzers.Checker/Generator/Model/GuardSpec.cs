namespace MergeQueue.Analyzers.Generator.Model;

/// <summary>
/// An action's guard (<see cref="FrontEnd.Shape.GuardShape"/>), copied into a generated method that tests it on the
/// stored state: a disabled action then costs no copy and no exception.
/// </summary>
/// <param name="Parameters">The action's parameter list as declared (types fully qualified).</param>
/// <param name="Steps">The guard's statements, in order.</param>
internal sealed record GuardSpec(string Parameters, EquatableArray<GuardStepSpec> Steps);

/// <summary>One statement of a guard: a <c>Require</c>'s condition with its reason, or a local declaration (no reason).</summary>
/// <param name="Code">The condition's source text, or the whole declaration statement's.</param>
/// <param name="Reason">The reason the front end gives when the condition is false; null for a declaration.</param>
internal sealed record GuardStepSpec(string Code, string? Reason);
