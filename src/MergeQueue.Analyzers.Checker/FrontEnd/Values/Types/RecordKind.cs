namespace MergeQueue.Analyzers.FrontEnd.Values.Types;

/// <summary>The kinds of <see cref="RecordType"/>, which differ in how they print and whether they are references.</summary>
internal enum RecordKind
{
    RecordClass,
    RecordStruct,
    Struct,
    Tuple,
    Pair,

    /// <summary>An anonymous type (<c>new { A = 1 }</c>, a query's <c>let</c> or second <c>from</c>): a class compared by its members, printed <c>{ A = 1 }</c>.</summary>
    Anonymous,
}
