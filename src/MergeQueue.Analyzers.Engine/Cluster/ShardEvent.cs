namespace MergeQueue.Analyzers.Engine.Cluster;

/// <summary>
/// An outcome a shard reported for one of its states that may become a violation: an <see cref="ExpansionEvent"/>
/// without its <see cref="Failure"/>, which is not bytes (its site is the model's object); the coordinator runs the
/// execution again on the state to get it.
/// </summary>
/// <param name="Local">The state's local number on its shard.</param>
/// <param name="Kind">What happened.</param>
/// <param name="Index">The property or action instance.</param>
/// <param name="Step">The action instance whose step it concerns; -1 for the state.</param>
/// <param name="Failed">Whether an execution failed (else a property was false, or held for a <c>[Reachable]</c>).</param>
internal readonly record struct ShardEvent(int Local, ExpansionEventKind Kind, int Index, int Step, bool Failed);
