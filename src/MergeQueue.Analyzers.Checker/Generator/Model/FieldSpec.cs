namespace MergeQueue.Analyzers.Generator.Model;

/// <summary>
/// One state field: its name in traces, how code reaches it, its type's index, and whether it is readonly (only a
/// constructor can assign it, so it holds the same reference or value in every state).
/// </summary>
internal sealed record FieldSpec(string Name, string Access, int Type, bool IsReadOnly);
