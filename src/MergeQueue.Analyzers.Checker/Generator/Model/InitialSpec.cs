namespace MergeQueue.Analyzers.Generator.Model;

/// <summary>One parameter of the domained constructor: its type, and each value of its domain as C# code and as a trace shows it.</summary>
internal sealed record InitialSpec(string TypeName, EquatableArray<string> Literals, EquatableArray<string> Texts);
