namespace MergeQueue.Analyzers.FrontEnd.Values.Types;

/// <summary>The kinds of <see cref="RecordType"/>, which differ in how they print and whether they are references.</summary>
internal enum RecordKind
{
    RecordClass,
    RecordStruct,
    Struct,
    Tuple,
    Pair,
}
