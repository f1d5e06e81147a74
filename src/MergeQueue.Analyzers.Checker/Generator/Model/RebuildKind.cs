namespace MergeQueue.Analyzers.Generator.Model;

/// <summary>
/// How generated code builds a record or struct from its member values, which decoding an encoded state needs: the
/// type's own constructor may compute members or check arguments, so every member is set by name instead.
/// </summary>
internal enum RebuildKind
{
    /// <summary>Some member cannot be set from outside (get-only, readonly, or a name declared twice): not rebuilt.</summary>
    None,

    /// <summary>A struct whose members all have setters: <c>default(T)</c>, then each member assigned.</summary>
    Assign,

    /// <summary>
    /// A record (class or struct) whose members all have setters or init accessors: <c>prototype with { A = a, … }</c>,
    /// every member written, so nothing of the prototype survives but its runtime type.
    /// </summary>
    With,
}
