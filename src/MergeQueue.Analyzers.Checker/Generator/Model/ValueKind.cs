namespace MergeQueue.Analyzers.Generator.Model;

/// <summary>How the generated code copies, compares, hashes and prints a value of a state field's type.</summary>
internal enum ValueKind
{
    Bool,
    Integer,
    UnsignedLong,
    Char,
    Enum,
    String,
    Array,
    List,
    Queue,
    Stack,
    Set,
    Dictionary,

    /// <summary>A record class: a reference, null allowed; copied with <c>with { }</c> when it has settable members.</summary>
    RecordClass,

    /// <summary>A struct or record struct: copied by assignment.</summary>
    Struct,
    Tuple,

    /// <summary>A multi-dimensional array (<c>bool[,]</c>), of <see cref="TypeSpec.Rank"/> dimensions.</summary>
    MultiArray,

    /// <summary><c>T?</c> of a value type: null or a <c>T</c> (the one part).</summary>
    Nullable,
}
