namespace MergeQueue.Analyzers.Generator.Model;

/// <summary>One state field: its name in traces, how code reaches it, and its type's index.</summary>
internal sealed record FieldSpec(string Name, string Access, int Type);
