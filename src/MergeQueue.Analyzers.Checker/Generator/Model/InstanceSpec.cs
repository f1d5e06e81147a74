namespace MergeQueue.Analyzers.Generator.Model;

/// <summary>
/// One action instance: the action, its arguments as C# code and as a trace shows them, its fairness group, and the
/// instance whose guard verdict it shares in every state (itself when it has its own).
/// </summary>
internal sealed record InstanceSpec(int Action, string Call, EquatableArray<string> Arguments, int FairnessGroup, int GuardSource);
