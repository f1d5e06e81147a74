namespace MergeQueue.Analyzers.Engine;

/// <summary>
/// A model (usually generated code) that can test the guards of all its action instances in one call. The engine
/// then steps only the instances that may be enabled: in a typical state most are disabled, and one call that skips
/// them is much cheaper than a <see cref="IModel{TState}.Step"/> each.
/// </summary>
/// <typeparam name="TState">The model's state type.</typeparam>
public interface IGuardedModel<in TState>
{
    /// <summary>
    /// Writes to <paramref name="instances"/>, in increasing order, every action instance that may be enabled in
    /// <paramref name="state"/>; each instance left out must be one <see cref="IModel{TState}.Step"/> reports
    /// disabled. When in doubt (a guard throws), an instance is listed, so that its step reports the failure.
    /// </summary>
    /// <param name="state">The state.</param>
    /// <param name="instances">Room for every action instance.</param>
    /// <param name="budget">The step budget of one guard's execution.</param>
    /// <returns>How many instances were written.</returns>
    int PossiblyEnabled(TState state, int[] instances, StepBudget budget);
}
