using System.Collections.Generic;

namespace MergeQueue.Analyzers.Engine;

/// <summary>An action with one value per parameter.</summary>
/// <param name="Action">Index into <see cref="IModel{TState}.Actions"/>.</param>
/// <param name="Arguments">Each parameter as <c>name: value</c>, already formatted (<c>p: 1</c>).</param>
/// <param name="FairnessGroup">
/// Instances with the same group share one fairness obligation: all instances of an action, or those with
/// the same <c>[Process]</c> value. Groups are numbered from 0.
/// </param>
public sealed record ActionInstance(int Action, IReadOnlyList<string> Arguments, int FairnessGroup)
{
    /// <summary>The instance as a trace prints it: <c>Merge(p: 1)</c>.</summary>
    public string Display(IReadOnlyList<ActionInfo> actions) =>
        actions[Action].Name + "(" + string.Join(", ", Arguments) + ")";
}
