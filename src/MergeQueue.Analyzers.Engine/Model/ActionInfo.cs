namespace MergeQueue.Analyzers.Engine;

/// <summary>One <c>[Action]</c> method.</summary>
/// <param name="Name">The method name.</param>
/// <param name="Fairness">Its fairness.</param>
/// <param name="Site">Where it is declared; opaque to the engine (the analyzer puts a <c>Location</c> here).</param>
public sealed record ActionInfo(string Name, ActionFairness Fairness, object? Site);
