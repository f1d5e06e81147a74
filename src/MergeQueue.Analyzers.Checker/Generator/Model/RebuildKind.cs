namespace MergeQueue.Analyzers.Generator.Model;

/// <summary>
/// How generated code builds a record or struct from its member values, which decoding an encoded state needs. Every
/// member is set by name where the type allows it, since a constructor may compute members or check arguments.
/// </summary>
internal enum RebuildKind
{
    /// <summary>Some member can be set neither from outside nor through a constructor: not rebuilt.</summary>
    None,

    /// <summary>A struct whose members all have setters: <c>default(T)</c>, then each member assigned.</summary>
    Assign,

    /// <summary>
    /// A record (class or struct) whose members all have setters or init accessors: <c>prototype with { A = a, … }</c>,
    /// every member written, so nothing of the prototype survives but its runtime type (a record struct's prototype is
    /// <c>default(T)</c>; a record class's, the first instance encoded).
    /// </summary>
    With,

    /// <summary>An abstract record: no value has it as its runtime type, so none is built.</summary>
    Abstract,

    /// <summary>A record class with a parameterless constructor whose members all have setters or init accessors: <c>new T { A = a, … }</c>.</summary>
    Initialize,

    /// <summary>
    /// A type with a constructor taking one value per member (<see cref="TypeSpec.ConstructorOrder"/>): <c>new T(a, …)</c>,
    /// then checked to give back every member it was given.
    /// </summary>
    Construct,
}
