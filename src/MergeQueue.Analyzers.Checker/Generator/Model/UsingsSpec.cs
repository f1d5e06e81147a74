namespace MergeQueue.Analyzers.Generator.Model;

/// <summary>The using directives of the model's one file, so guard conditions copied from it bind the same names.</summary>
/// <param name="Outer">Directives at the top of the file.</param>
/// <param name="Inner">Directives inside its namespace declaration.</param>
internal sealed record UsingsSpec(EquatableArray<string> Outer, EquatableArray<string> Inner);
