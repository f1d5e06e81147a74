namespace MergeQueue.Analyzers.Generator.Model;

/// <summary>
/// The leading <c>Require</c>s of an action, copied into a generated method that tests them on the stored state:
/// a disabled action then costs no copy and no exception.
/// </summary>
/// <param name="Parameters">The action's parameter list as declared (types fully qualified).</param>
/// <param name="Conditions">Each condition's source text, in order.</param>
/// <param name="Reasons">The reason the front end gives when that condition is false.</param>
internal sealed record GuardSpec(string Parameters, EquatableArray<string> Conditions, EquatableArray<string> Reasons);
