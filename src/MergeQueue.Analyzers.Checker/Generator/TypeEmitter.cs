using System.Collections.Generic;
using System.Linq;
using MergeQueue.Analyzers.Generator.Model;

namespace MergeQueue.Analyzers.Generator;

/// <summary>
/// Writes, per state type, the helpers the adapter calls: structural equality, a stable hash, the trace text the
/// front end prints (<c>[a, b]</c>, sorted <c>{1, 2}</c>, <c>Name { A = 1 }</c>, <c>(1, true)</c>), the key order of
/// sets and dictionaries, and deep copies. The helpers of a type that can hold itself (a chain of records) count
/// the levels they walk through <c>ValueDepth</c>, so a value too deep fails the step that made it instead of
/// overflowing the stack, as in the checker.
/// </summary>
internal static partial class TypeEmitter
{
    private const string Hashing = "global::MergeQueue.Analyzers.Engine.Runtime.StateHash";
    private const string Text = "global::MergeQueue.Analyzers.Engine.Runtime.ValueText";
    private const string Depth = "global::MergeQueue.Analyzers.Engine.Runtime.ValueDepth";

    public static string Call(string helper, int type, params string[] arguments) =>
        helper + type + "(" + string.Join(", ", arguments) + ")";

    /// <summary>An expression that copies <paramref name="value"/> so no two states share it.</summary>
    public static string CopyOf(IReadOnlyList<TypeSpec> types, int type, string value) =>
        types[type].NeedsCopy ? Emitter.Adapter + "." + Call("Copy", type, value) : value;

    /// <summary>Whether the type holds a set or dictionary, whose order the front end keeps canonical.</summary>
    public static bool HasTable(IReadOnlyList<TypeSpec> types, int type) => HasTable(types, type, new HashSet<int>());

    public static void Helpers(SourceWriter w, IReadOnlyList<TypeSpec> types)
    {
        for (int i = 0; i < types.Count; i++)
        {
            var type = types[i];
            Equal(w, types, i, type);
            Hash(w, types, i, type);
            Format(w, types, i, type);
            if (IsComparable(type))
            {
                Compare(w, types, i, type);
            }

            if (type.NeedsCopy)
            {
                Copy(w, types, i, type);
            }

            if (HasTable(types, i))
            {
                Canonicalize(w, types, i, type);
            }
        }
    }

    private static bool HasTable(IReadOnlyList<TypeSpec> types, int type, HashSet<int> seen) =>
        seen.Add(type)
        && (types[type].Kind is ValueKind.Set or ValueKind.Dictionary || types[type].Parts.Any(p => HasTable(types, p, seen)));

    private static bool IsCollection(ValueKind kind) =>
        kind is ValueKind.Array or ValueKind.MultiArray or ValueKind.List or ValueKind.Queue or ValueKind.Stack or ValueKind.Set or ValueKind.Dictionary;

    // Only values without collections can be set elements or dictionary keys (the front end rejects the others).
    private static bool IsComparable(TypeSpec type) =>
        !IsCollection(type.Kind) && !(type.Kind == ValueKind.Tuple && type.NeedsCopy);

    private static string Element(TypeSpec type, IReadOnlyList<TypeSpec> types, int part = 0) => types[type.Parts[part]].Name;

    private static void Equal(SourceWriter w, IReadOnlyList<TypeSpec> types, int i, TypeSpec type)
    {
        string t = type.Name;
        bool counted = SelfNested(types, i);
        w.Open("internal static bool Equal" + i + "(" + t + " a, " + t + " b)");
        EnterLevel(w, counted && type.Kind != ValueKind.RecordClass);
        switch (type.Kind)
        {
            case ValueKind.Bool or ValueKind.Integer or ValueKind.UnsignedLong or ValueKind.Char or ValueKind.Enum:
                w.Line("return a == b;");
                break;
            case ValueKind.String:
                w.Line("return string.Equals(a, b);");
                break;
            case ValueKind.Nullable:
                // Null equals only null, as EqualityComparer<T?>.Default.
                w.Line("return a.HasValue == b.HasValue && (!a.HasValue || " + Call("Equal", type.Parts[0], "a.GetValueOrDefault()", "b.GetValueOrDefault()") + ");");
                break;
            case ValueKind.Array or ValueKind.List:
                string count = type.Kind == ValueKind.Array ? "Length" : "Count";
                w.Line("if (ReferenceEquals(a, b)) return true;");
                w.Line("if (a is null || b is null || a." + count + " != b." + count + ") return false;");
                w.Line("for (int i = 0; i < a." + count + "; i++) if (!" + Call("Equal", type.Parts[0], "a[i]", "b[i]") + ") return false;");
                w.Line("return true;");
                break;
            case ValueKind.MultiArray:
                // Same shape, then the same elements in row-major order.
                w.Line("if (ReferenceEquals(a, b)) return true;");
                w.Line("if (a is null || b is null) return false;");
                w.Line("for (int d = 0; d < " + type.Rank + "; d++) if (a.GetLength(d) != b.GetLength(d)) return false;");
                w.Line(EachIndex(type.Rank, "a") + "if (!" + Call("Equal", type.Parts[0], "a" + Indexer(type.Rank), "b" + Indexer(type.Rank)) + ") return false;");
                w.Line("return true;");
                break;
            case ValueKind.Queue or ValueKind.Stack:
                w.Line("if (ReferenceEquals(a, b)) return true;");
                w.Line("if (a is null || b is null || a.Count != b.Count) return false;");
                w.Line("var x = a.GetEnumerator();");
                w.Line("var y = b.GetEnumerator();");
                w.Line("while (x.MoveNext() && y.MoveNext()) if (!" + Call("Equal", type.Parts[0], "x.Current", "y.Current") + ") return false;");
                w.Line("return true;");
                break;
            case ValueKind.Set:
                w.Line("if (ReferenceEquals(a, b)) return true;");
                w.Line("return !(a is null) && !(b is null) && a.Count == b.Count && a.SetEquals(b);");
                break;
            case ValueKind.Dictionary:
                w.Line("if (ReferenceEquals(a, b)) return true;");
                w.Line("if (a is null || b is null || a.Count != b.Count) return false;");
                w.Line("foreach (var pair in a) if (!b.TryGetValue(pair.Key, out var other) || !" + Call("Equal", type.Parts[1], "pair.Value", "other") + ") return false;");
                w.Line("return true;");
                break;
            default:
                if (type.Kind == ValueKind.RecordClass)
                {
                    w.Line("if (ReferenceEquals(a, b)) return true;");
                    w.Line("if (a is null || b is null || a.GetType() != b.GetType()) return false;");
                    Dispatch(w, types, type, "a", derived => "return " + Call("Equal", derived, "(" + types[derived].Name + ")a", "(" + types[derived].Name + ")b") + ";");
                }

                EnterLevel(w, counted && type.Kind == ValueKind.RecordClass);
                w.Line("return " + string.Join(" && ", Members(type).Select(m => Call("Equal", m.Part, "a." + m.Access, "b." + m.Access)).DefaultIfEmpty("true")) + ";");
                LeaveLevel(w, counted && type.Kind == ValueKind.RecordClass);
                break;
        }

        LeaveLevel(w, counted && type.Kind != ValueKind.RecordClass);
        w.Close();
    }

    private static void Hash(SourceWriter w, IReadOnlyList<TypeSpec> types, int i, TypeSpec type)
    {
        bool counted = SelfNested(types, i);
        w.Open("internal static long Hash" + i + "(" + type.Name + " v)");
        EnterLevel(w, counted && type.Kind != ValueKind.RecordClass);
        string seed = ((int)type.Kind * 0x9E37 + 0x5EED).ToString(System.Globalization.CultureInfo.InvariantCulture);
        switch (type.Kind)
        {
            case ValueKind.Bool:
                w.Line("return " + Hashing + ".Mix(v ? 1L : 0L);");
                break;
            case ValueKind.Integer or ValueKind.Char or ValueKind.Enum:
                w.Line("return " + Hashing + ".Mix((long)v);");
                break;
            case ValueKind.UnsignedLong:
                w.Line("return " + Hashing + ".Mix(unchecked((long)v));");
                break;
            case ValueKind.String:
                w.Line("return " + Hashing + ".String(v);");
                break;
            case ValueKind.Nullable:
                w.Line("return v.HasValue ? " + Hashing + ".Combine(" + seed + "L, " + Call("Hash", type.Parts[0], "v.GetValueOrDefault()") + ") : " + Hashing + ".Null;");
                break;
            case ValueKind.Array or ValueKind.List or ValueKind.Queue or ValueKind.Stack:
                w.Line("if (v is null) return " + Hashing + ".Null;");
                w.Line("long hash = " + seed + "L + " + (type.Kind == ValueKind.Array ? "v.Length" : "v.Count") + ";");
                w.Line("foreach (var item in v) hash = " + Hashing + ".Combine(hash, " + Call("Hash", type.Parts[0], "item") + ");");
                w.Line("return hash;");
                break;
            case ValueKind.MultiArray:
                w.Line("if (v is null) return " + Hashing + ".Null;");
                w.Line("long hash = " + seed + "L;");
                w.Line("for (int d = 0; d < " + type.Rank + "; d++) hash = " + Hashing + ".Combine(hash, v.GetLength(d));");
                w.Line("foreach (var item in v) hash = " + Hashing + ".Combine(hash, " + Call("Hash", type.Parts[0], "item") + ");");
                w.Line("return hash;");
                break;
            case ValueKind.Set or ValueKind.Dictionary:
                // A sum does not depend on the order of the entries.
                w.Line("if (v is null) return " + Hashing + ".Null;");
                w.Line("long sum = 0;");
                w.Line(type.Kind == ValueKind.Set
                    ? "foreach (var item in v) sum = unchecked(sum + " + Hashing + ".Mix(" + Call("Hash", type.Parts[0], "item") + "));"
                    : "foreach (var pair in v) sum = unchecked(sum + " + Hashing + ".Mix(" + Hashing + ".Combine(" + Call("Hash", type.Parts[0], "pair.Key") + ", " + Call("Hash", type.Parts[1], "pair.Value") + ")));");
                w.Line("return " + Hashing + ".Combine(" + seed + "L + v.Count, sum);");
                break;
            default:
                if (type.Kind == ValueKind.RecordClass)
                {
                    w.Line("if (v is null) return " + Hashing + ".Null;");
                    Dispatch(w, types, type, "v", derived => "return " + Call("Hash", derived, "(" + types[derived].Name + ")v") + ";");
                }

                EnterLevel(w, counted && type.Kind == ValueKind.RecordClass);
                w.Line("long hash = " + seed + "L;");
                foreach (var member in Members(type))
                {
                    w.Line("hash = " + Hashing + ".Combine(hash, " + Call("Hash", member.Part, "v." + member.Access) + ");");
                }

                w.Line("return hash;");
                LeaveLevel(w, counted && type.Kind == ValueKind.RecordClass);
                break;
        }

        LeaveLevel(w, counted && type.Kind != ValueKind.RecordClass);
        w.Close();
    }

    /// <summary>
    /// Whether a value of the type can hold another of its own type, through its members, elements or derived
    /// records: only such values can nest deeper than their declared types, so only their helpers count levels.
    /// </summary>
    private static bool SelfNested(IReadOnlyList<TypeSpec> types, int type) => Reaches(types, type, type, new HashSet<int>());

    private static bool Reaches(IReadOnlyList<TypeSpec> types, int from, int target, HashSet<int> seen) =>
        types[from].Parts.Concat(types[from].Derived).Any(next => next == target || (seen.Add(next) && Reaches(types, next, target, seen)));

    /// <summary>
    /// Opens a counted level (<paramref name="counted"/>): a record's after its dispatch to a derived record's helper,
    /// which counts the level itself, so a chain counts one level a node as in the checker.
    /// </summary>
    private static void EnterLevel(SourceWriter w, bool counted)
    {
        if (counted)
        {
            w.Line(Depth + ".Enter();");
            w.Open("try");
        }
    }

    private static void LeaveLevel(SourceWriter w, bool counted)
    {
        if (counted)
        {
            w.Close();
            w.Open("finally");
            w.Line(Depth + ".Exit();");
            w.Close();
        }
    }

    /// <summary>For a base record: hands a value whose runtime type is a derived record to that record's helper.</summary>
    private static void Dispatch(SourceWriter w, IReadOnlyList<TypeSpec> types, TypeSpec type, string value, System.Func<int, string> call)
    {
        foreach (int derived in type.Derived)
        {
            w.Line("if (" + value + ".GetType() == typeof(" + types[derived].Name + ")) " + call(derived));
        }
    }

    /// <summary>Nested loops over every index of a multi-dimensional array, row-major: <c>i0</c>, <c>i1</c>, ….</summary>
    private static string EachIndex(int rank, string array) =>
        string.Concat(Enumerable.Range(0, rank).Select(d => "for (int i" + d + " = 0; i" + d + " < " + array + ".GetLength(" + d + "); i" + d + "++) "));

    private static string Indexer(int rank) => "[" + string.Join(", ", Enumerable.Range(0, rank).Select(d => "i" + d)) + "]";

    private static IEnumerable<(string Name, string Access, int Part)> Members(TypeSpec type) =>
        type.Members.Select((name, index) => (name, Parser.Identifier(name), type.Parts[index]));
}
