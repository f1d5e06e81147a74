namespace MergeQueue.Analyzers.Generator.Model;

/// <summary>One initial instance: the constructor call that builds it, and its arguments as a trace shows them.</summary>
internal sealed record InitialSpec(string Call, EquatableArray<string> Arguments);
