using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using static MergeQueue.Analyzers.FrontEnd.Library.LibraryEffect;
using static MergeQueue.Analyzers.FrontEnd.Library.LibraryRoutine;

namespace MergeQueue.Analyzers.FrontEnd.Library;

/// <summary>
/// The library members the checker understands, one row each: the interpreter runs a call only through its row
/// (anything else is SM0100), a guard may call only rows that write nothing, and the README's table is generated
/// from these rows. A row admits the member; its routine still checks the types it can run (Sum over integers).
/// </summary>
internal static partial class LibraryMembers
{
    /// <summary>The container of members every value has (<c>ToString</c>, <c>Equals</c>, <c>CompareTo</c>).</summary>
    public const string AnyType = "*";

    private const string Enumerable = "System.Linq.Enumerable";
    private const string List = "System.Collections.Generic.List`1";
    private const string Queue = "System.Collections.Generic.Queue`1";
    private const string Stack = "System.Collections.Generic.Stack`1";
    private const string HashSet = "System.Collections.Generic.HashSet`1";
    private const string Dictionary = "System.Collections.Generic.Dictionary`2";

    // The interfaces a value may be declared as; the routine runs on the HashSet or Dictionary the value is.
    private const string ReadOnlySet = "System.Collections.Generic.IReadOnlySet`1";
    private const string ISet = "System.Collections.Generic.ISet`1";
    private const string ICollection = "System.Collections.Generic.ICollection`1";
    private const string ReadOnlyDictionary = "System.Collections.Generic.IReadOnlyDictionary`2";
    private const string IDictionary = "System.Collections.Generic.IDictionary`2";

    /// <summary>Every row, in the README's order.</summary>
    public static readonly IReadOnlyList<LibraryMember> All = new[]
    {
        Row("MergeQueue.Analyzers.Spec", "Require", "condition, expression?, line?", Spec),
        Row("MergeQueue.Analyzers.Spec", "Assert", "condition, message?", Spec),

        Row(Enumerable, "Range", "start, count", Linq),
        Row(Enumerable, "Repeat", "element, count", Linq),
        Row(Enumerable, "Empty", "", Linq),
        Row(Enumerable, "All", "predicate", Linq),
        Row(Enumerable, "Any", "predicate?", Linq),
        Row(Enumerable, "Count", "predicate?", Linq),
        Row(Enumerable, "LongCount", "predicate?", Linq),
        Row(Enumerable, "Contains", "value", Linq),
        Row(Enumerable, "Sum", "selector?", Linq),
        Row(Enumerable, "Min", "selector?", Linq),
        Row(Enumerable, "Max", "selector?", Linq),
        Row(Enumerable, "First", "predicate?", Linq),
        Row(Enumerable, "Last", "predicate?", Linq),
        Row(Enumerable, "Single", "predicate?", Linq),
        Row(Enumerable, "FirstOrDefault", "predicate?, defaultValue?", Linq),
        Row(Enumerable, "LastOrDefault", "predicate?, defaultValue?", Linq),
        Row(Enumerable, "SingleOrDefault", "predicate?, defaultValue?", Linq),
        Row(Enumerable, "ElementAt", "index", Linq),
        Row(Enumerable, "ElementAtOrDefault", "index", Linq),
        Row(Enumerable, "ToArray", "", Linq),
        Row(Enumerable, "ToList", "", Linq),
        Row(Enumerable, "ToHashSet", "", Linq),
        Row(Enumerable, "SequenceEqual", "second", Linq),
        Row(Enumerable, "Aggregate", "seed?, func", Linq),
        Row(Enumerable, "ToDictionary", "keySelector, elementSelector?", Linq),
        Row(Enumerable, "MaxBy", "keySelector", Linq),
        Row(Enumerable, "MinBy", "keySelector", Linq),
        Lazy(Enumerable, "Where", "predicate"),
        Lazy(Enumerable, "Select", "selector"),
        Lazy(Enumerable, "Skip", "count"),
        Lazy(Enumerable, "Take", "count"),
        Lazy(Enumerable, "Reverse", ""),
        Lazy(Enumerable, "Distinct", ""),
        Lazy(Enumerable, "OrderBy", "keySelector"),
        Lazy(Enumerable, "OrderByDescending", "keySelector"),
        Lazy(Enumerable, "Concat", "second"),
        Lazy(Enumerable, "Append", "element"),
        Lazy(Enumerable, "Prepend", "element"),
        Lazy(Enumerable, "Order", ""),
        Lazy(Enumerable, "OrderDescending", ""),
        Lazy(Enumerable, "ThenBy", "keySelector"),
        Lazy(Enumerable, "ThenByDescending", "keySelector"),
        Lazy(Enumerable, "Union", "second"),
        Lazy(Enumerable, "Intersect", "second"),
        Lazy(Enumerable, "Except", "second"),
        Lazy(Enumerable, "SelectMany", "collectionSelector, resultSelector?"),
        Lazy(Enumerable, "Zip", "second, resultSelector?"),
        Lazy(Enumerable, "Chunk", "size"),
        Lazy(Enumerable, "OfType", ""),

        Row("System.Math", "Min", "a, b", Math),
        Row("System.Math", "Max", "a, b", Math),
        Row("System.Math", "Abs", "value", Math),
        Row("System.Math", "Sign", "value", Math),
        Row("System.Math", "Clamp", "value, min, max", Math),
        Row("System.Math", "Floor", "value", Math),
        Row("System.Math", "Ceiling", "value", Math),

        Row(AnyType, "ToString", "", Value),
        Row(AnyType, "Equals", "other", Value),
        Row(AnyType, "CompareTo", "other", Value),

        Writes(List, "Add", "item", LibraryRoutine.List),
        Writes(List, "AddRange", "collection", LibraryRoutine.List),
        Writes(List, "Insert", "index, item", LibraryRoutine.List),
        Writes(List, "Remove", "item", LibraryRoutine.List),
        Writes(List, "RemoveAt", "index", LibraryRoutine.List),
        Writes(List, "RemoveAll", "match", LibraryRoutine.List),
        Writes(List, "RemoveRange", "index, count", LibraryRoutine.List),
        Writes(List, "InsertRange", "index, collection", LibraryRoutine.List),
        Writes(List, "Clear", "", LibraryRoutine.List),
        Writes(List, "Reverse", "", LibraryRoutine.List),
        Writes(List, "Sort", "", LibraryRoutine.List),
        Row(List, "Contains", "item", LibraryRoutine.List),
        Row(List, "IndexOf", "item", LibraryRoutine.List),
        Row(List, "GetRange", "index, count", LibraryRoutine.List),
        Row(List, "Slice", "start, length", LibraryRoutine.List),
        Row(List, "ToArray", "", LibraryRoutine.List),
        Row(List, "ForEach", "action", LibraryRoutine.List),
        Row(List, "Exists", "match", LibraryRoutine.List),
        Row(List, "TrueForAll", "match", LibraryRoutine.List),
        Row(List, "Find", "match", LibraryRoutine.List),
        Row(List, "FindIndex", "match", LibraryRoutine.List),

        Writes(Queue, "Enqueue", "item", LibraryRoutine.Queue),
        Writes(Queue, "Dequeue", "", LibraryRoutine.Queue),
        Writes(Queue, "TryDequeue", "out result", LibraryRoutine.Queue),
        Writes(Queue, "Clear", "", LibraryRoutine.Queue),
        Row(Queue, "Peek", "", LibraryRoutine.Queue),
        Row(Queue, "TryPeek", "out result", LibraryRoutine.Queue),
        Row(Queue, "Contains", "item", LibraryRoutine.Queue),
        Row(Queue, "ToArray", "", LibraryRoutine.Queue),

        Writes(Stack, "Push", "item", LibraryRoutine.Stack),
        Writes(Stack, "Pop", "", LibraryRoutine.Stack),
        Writes(Stack, "TryPop", "out result", LibraryRoutine.Stack),
        Writes(Stack, "Clear", "", LibraryRoutine.Stack),
        Row(Stack, "Peek", "", LibraryRoutine.Stack),
        Row(Stack, "TryPeek", "out result", LibraryRoutine.Stack),
        Row(Stack, "Contains", "item", LibraryRoutine.Stack),
        Row(Stack, "ToArray", "", LibraryRoutine.Stack),

        Writes(HashSet, "Add", "item", Set),
        Writes(HashSet, "Remove", "item", Set),
        Writes(HashSet, "Clear", "", Set),
        Writes(HashSet, "UnionWith", "other", Set),
        Writes(HashSet, "IntersectWith", "other", Set),
        Writes(HashSet, "ExceptWith", "other", Set),
        Writes(HashSet, "RemoveWhere", "match", Set),
        Row(HashSet, "Contains", "item", Set),
        Row(HashSet, "SetEquals", "other", Set),
        Row(HashSet, "IsSubsetOf", "other", Set),
        Row(HashSet, "IsSupersetOf", "other", Set),
        Row(HashSet, "Overlaps", "other", Set),
        Row(HashSet, "IsProperSubsetOf", "other", Set),
        Row(HashSet, "IsProperSupersetOf", "other", Set),
        Row(ReadOnlySet, "Contains", "item", Set),
        Row(ReadOnlySet, "SetEquals", "other", Set),
        Row(ReadOnlySet, "IsSubsetOf", "other", Set),
        Row(ReadOnlySet, "IsSupersetOf", "other", Set),
        Row(ReadOnlySet, "IsProperSubsetOf", "other", Set),
        Row(ReadOnlySet, "IsProperSupersetOf", "other", Set),
        Row(ReadOnlySet, "Overlaps", "other", Set),
        Writes(ISet, "Add", "item", Set),
        Writes(ISet, "UnionWith", "other", Set),
        Writes(ISet, "IntersectWith", "other", Set),
        Writes(ISet, "ExceptWith", "other", Set),
        Row(ISet, "SetEquals", "other", Set),
        Row(ISet, "IsSubsetOf", "other", Set),
        Row(ISet, "IsSupersetOf", "other", Set),
        Row(ISet, "IsProperSubsetOf", "other", Set),
        Row(ISet, "IsProperSupersetOf", "other", Set),
        Row(ISet, "Overlaps", "other", Set),
        Writes(ICollection, "Add", "item", Set),
        Writes(ICollection, "Remove", "item", Set),
        Writes(ICollection, "Clear", "", Set),
        Row(ICollection, "Contains", "item", Set),

        Writes(Dictionary, "Add", "key, value", LibraryRoutine.Dictionary),
        Writes(Dictionary, "TryAdd", "key, value", LibraryRoutine.Dictionary),
        Writes(Dictionary, "Remove", "key, out value?", LibraryRoutine.Dictionary),
        Writes(Dictionary, "Clear", "", LibraryRoutine.Dictionary),
        Row(Dictionary, "ContainsKey", "key", LibraryRoutine.Dictionary),
        Row(Dictionary, "ContainsValue", "value", LibraryRoutine.Dictionary),
        Row(Dictionary, "TryGetValue", "key, out value", LibraryRoutine.Dictionary),
        Row(ReadOnlyDictionary, "ContainsKey", "key", LibraryRoutine.Dictionary),
        Row(ReadOnlyDictionary, "TryGetValue", "key, out value", LibraryRoutine.Dictionary),
        Writes(IDictionary, "Add", "key, value", LibraryRoutine.Dictionary),
        Writes(IDictionary, "Remove", "key", LibraryRoutine.Dictionary),
        Row(IDictionary, "ContainsKey", "key", LibraryRoutine.Dictionary),
        Row(IDictionary, "TryGetValue", "key, out value", LibraryRoutine.Dictionary),
        Row("System.Collections.Generic.CollectionExtensions", "GetValueOrDefault", "key, defaultValue?", LibraryRoutine.CollectionExtensions),

        Row("System.String", "Contains", "value", LibraryRoutine.String),
        Row("System.String", "Substring", "startIndex, length?", LibraryRoutine.String),
        Row("System.String", "ToUpperInvariant", "", LibraryRoutine.String),
        Row("System.String", "ToLowerInvariant", "", LibraryRoutine.String),
        Row("System.String", "IsNullOrEmpty", "value", StringStatic),
        Row("System.String", "Join", "separator, values", StringStatic),
        Row("System.String", "Concat", "values...", StringStatic),
        Row("System.String", "Equals", "a, b", StringStatic),

        new("System.Array", "Fill", "array, value", WritesArgument, false, ArrayStatic),
        Row("System.Array", "IndexOf", "array, value", ArrayStatic),
        Row("System.Array", "Empty", "", ArrayStatic),
        Row("System.Runtime.CompilerServices.RuntimeHelpers", "GetSubArray", "array, range", ArrayStatic),
        Row("System.Array", "Clone", "", LibraryRoutine.Array),
        Row("System.Array", "GetLength", "dimension", LibraryRoutine.Array),
        Row("System.Array", "GetLowerBound", "dimension", LibraryRoutine.Array),
        Row("System.Array", "GetUpperBound", "dimension", LibraryRoutine.Array),
        Row("System.Nullable`1", "GetValueOrDefault", "defaultValue?", LibraryRoutine.Nullable),

        Row("System.Enum", "GetValues", "", EnumStatic),
        Row("System.Enum", "IsDefined", "value", EnumStatic),
        Row("System.Enum", "Parse", "value, ignoreCase?", EnumStatic),

        Row("System.MemoryExtensions", "Contains", "value, comparer?", Span),
        Row("System.MemoryExtensions", "IndexOf", "value", Span),
        Row("System.MemoryExtensions", "SequenceEqual", "other, comparer?", Span),
        Row("System.MemoryExtensions", "SequenceCompareTo", "other, comparer?", Span),
        Row("System.MemoryExtensions", "StartsWith", "value", Span),
        Row("System.MemoryExtensions", "EndsWith", "value", Span),
        Row("System.MemoryExtensions", "LastIndexOf", "value", Span),
        Row("System.MemoryExtensions", "AsSpan", "start?, length?", Span),
        Row("System.Span`1", "Slice", "start, length?", SpanMember),
        Row("System.Span`1", "ToArray", "", SpanMember),
        Row("System.ReadOnlySpan`1", "Slice", "start, length?", SpanMember),
        Row("System.ReadOnlySpan`1", "ToArray", "", SpanMember),

        Row("System.Numerics.BitOperations", "PopCount", "value", Bits),
        Row("System.Object", "Equals", "objA, objB", ObjectStatic),
    };

    private static readonly ILookup<string, LibraryMember> ByName = All.ToLookup(m => m.Name);

    /// <summary>The row of <paramref name="method"/> (a call's target, or a getter), or null when the checker does not understand it.</summary>
    public static LibraryMember? Find(IMethodSymbol method)
    {
        method = method.ReducedFrom ?? method;
        string container = Shape.KnownSymbols.MetadataName(method.ContainingType);
        int arity = method.Parameters.Length - (method.IsExtensionMethod ? 1 : 0);
        LibraryMember? any = null;
        foreach (var row in ByName[method.Name])
        {
            if (arity < row.MinArity || arity > row.MaxArity || IsStatic(row) != method.IsStatic && !method.IsExtensionMethod)
            {
                continue;
            }

            if (row.Container == container)
            {
                return row;
            }

            if (row.Container == AnyType && !method.IsStatic)
            {
                any = row;
            }
        }

        return any;
    }

    // Instance or static: the routine says which (Math, Enumerable and the *Static routines are static).
    private static bool IsStatic(LibraryMember row) => row.Routine is Spec or Linq or Math or ObjectStatic or StringStatic or ArrayStatic
        or EnumStatic or LibraryRoutine.CollectionExtensions or Span or Bits;

    private static LibraryMember Row(string container, string name, string parameters, LibraryRoutine routine) =>
        new(container, name, parameters, ReadsOnly, false, routine);

    private static LibraryMember Writes(string container, string name, string parameters, LibraryRoutine routine) =>
        new(container, name, parameters, WritesReceiver, false, routine);

    private static LibraryMember Lazy(string container, string name, string parameters) =>
        new(container, name, parameters, ReadsOnly, true, Linq);
}
