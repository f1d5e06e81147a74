namespace MergeQueue.Analyzers.Engine;

/// <summary>
/// A stable 64-bit hash of states, which a model (or its <see cref="IModel{TState}.StateComparer"/>) may implement.
/// With it the engine can keep only fingerprints (<see cref="ExplorationOptions.FingerprintsOnly"/>); without it the
/// engine widens the comparer's 32-bit hash and always keeps whole states.
/// </summary>
/// <typeparam name="TState">The model's state type.</typeparam>
public interface IStateHasher<in TState>
{
    /// <summary>
    /// A hash of every field of <paramref name="state"/>, the same on every run and machine (never
    /// <c>string.GetHashCode</c>), equal for states the comparer calls equal, and spread over all 64 bits.
    /// </summary>
    /// <param name="state">The state to hash.</param>
    /// <returns>The state's 64-bit hash.</returns>
    ulong Hash64(TState state);
}
