namespace MergeQueue.Analyzers.Engine;

/// <summary>Why an action instance is not enabled in a state, for the end of a stuck trace.</summary>
/// <param name="Text">The guard that failed as the user wrote it, with its line: <c>Require(pr[p] == Pr.Pending) is false (line 24)</c>.</param>
/// <param name="Site">The guard; opaque to the engine.</param>
public sealed record DisabledReason(string Text, object? Site);
