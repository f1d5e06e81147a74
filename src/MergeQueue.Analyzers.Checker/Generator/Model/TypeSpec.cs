namespace MergeQueue.Analyzers.Generator.Model;

/// <summary>
/// One type that occurs in the state, with what the emitter needs to write its helpers. Types refer to each other
/// by index into <see cref="ModelSpec.Types"/>.
/// </summary>
/// <param name="Kind">How its values are handled.</param>
/// <param name="Name">The fully qualified C# name.</param>
/// <param name="Display">How a trace names a record or struct (<c>Pr</c> in <c>Pr { Id = 1 }</c>).</param>
/// <param name="Parts">Element type (collections), key and value types (dictionaries), member types (records, tuples).</param>
/// <param name="Members">Member names of records, structs and tuples, as code accesses and traces print them.</param>
/// <param name="EnumCases">For enums: each distinct value's first declared member name.</param>
/// <param name="NeedsCopy">A copy must be made so no two states share the value (collections, mutable records).</param>
/// <param name="Derived">
/// For record classes: every record deriving from it in the compilation, each with its own helpers, and the order of
/// the runtime types (this one among them) as the front end sorts them: by CLR name.
/// </param>
internal sealed record TypeSpec(
    ValueKind Kind,
    string Name,
    string Display,
    EquatableArray<int> Parts,
    EquatableArray<string> Members,
    EquatableArray<string> EnumCases,
    bool NeedsCopy)
{
    public EquatableArray<int> Derived { get; init; }

    public EquatableArray<int> RuntimeOrder { get; init; }

    /// <summary>
    /// For a set declared as an interface (<c>IReadOnlySet&lt;T&gt;</c>, <c>ISet&lt;T&gt;</c>): the HashSet it holds, which
    /// copies are made as and canonical order is written into (the front end maps these interfaces to HashSet too).
    /// Empty for a set declared as its class.
    /// </summary>
    public string Concrete { get; init; } = string.Empty;

    /// <summary>For records and structs: how a decoded state builds a value from its members.</summary>
    public RebuildKind Rebuild { get; init; }

    /// <summary>For <see cref="RebuildKind.Construct"/>: per parameter of the constructor, the index of the member it takes.</summary>
    public EquatableArray<int> ConstructorOrder { get; init; }

    /// <summary>For multi-dimensional arrays: the number of dimensions.</summary>
    public int Rank { get; init; }

    /// <summary>
    /// For a tuple declared with element names: each element's name, empty where it has none, which traces print
    /// (<c>(From: "alice", To: "bob")</c>). Empty for a tuple without names; either way the values are the same to .NET.
    /// </summary>
    public EquatableArray<string> ElementNames { get; init; }
}
