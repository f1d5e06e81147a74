using System.Collections.Generic;
using System.Linq;
using MergeQueue.Analyzers.Generator.Model;

namespace MergeQueue.Analyzers.Generator;

/// <summary>
/// The canonical state encoding of the fast adapter (<c>Runtime.EncodedModel</c>), byte for byte the one the
/// interpreter writes (DESIGN.md, Engine notes): each field in declaration order through a per-type <c>Encode{i}</c>,
/// sets and dictionary keys in the order of <c>Compare{i}</c>, records with the rank of their runtime type.
/// </summary>
internal static partial class TypeEmitter
{
    private const string Runtime = "global::MergeQueue.Analyzers.Engine.Runtime.";

    /// <summary>
    /// Whether every field can be encoded and decoded: each record or struct met can be rebuilt from its members. A
    /// type that can hold itself keeps the general path, whose helpers count levels (<c>ValueDepth</c>): the encoding
    /// recurses without a bound, and a chain of records thousands long would overflow the stack, as the checker keeps
    /// such models unpacked too.
    /// </summary>
    public static bool CanEncode(IReadOnlyList<TypeSpec> types, IReadOnlyList<FieldSpec> fields) =>
        fields.All(f => Encodable(types, f.Type, new HashSet<int>()))
        && !Enumerable.Range(0, types.Count).Any(t => SelfNested(types, t));

    private static bool Encodable(IReadOnlyList<TypeSpec> types, int index, HashSet<int> seen)
    {
        if (!seen.Add(index))
        {
            return true;
        }

        var type = types[index];
        return type.Kind switch
        {
            ValueKind.Struct => type.Rebuild != RebuildKind.None && type.Parts.All(p => Encodable(types, p, seen)),
            ValueKind.RecordClass => RuntimeTypes(index, type).All(t => types[t].Rebuild != RebuildKind.None && types[t].Parts.All(p => Encodable(types, p, seen))),
            _ => type.Parts.All(p => Encodable(types, p, seen)),
        };
    }

    /// <summary>The record types a value of a record class (or record interface) can have at run time, in tag order.</summary>
    private static IReadOnlyList<int> RuntimeTypes(int index, TypeSpec type) =>
        type.Derived.Count > 0 ? type.RuntimeOrder : new[] { index };

    /// <summary>The encoding helpers of one type: <c>Encode{i}</c>, for records also <c>EncodeMembers{i}</c>.</summary>
    private static void Encode(SourceWriter w, IReadOnlyList<TypeSpec> types, int i, TypeSpec type)
    {
        string t = type.Name;
        if (type.Kind is ValueKind.Set or ValueKind.Dictionary)
        {
            SortOrder(w, types, i, type);
        }

        w.Open("internal static void Encode" + i + "(" + Runtime + "StateWriter writer, " + t + " v)");
        switch (type.Kind)
        {
            case ValueKind.Bool:
                w.Line("writer.WriteBool(v);");
                break;
            case ValueKind.UnsignedLong or ValueKind.Char:
                w.Line("writer.WriteUnsigned(v);");
                break;
            case ValueKind.Integer or ValueKind.Enum:
                w.Line("writer.WriteSigned(unchecked((long)v));");
                break;
            case ValueKind.String:
                w.Line("if (v is null) { writer.WriteLength(-1); return; }");
                w.Line("writer.WriteLength(v.Length);");
                w.Line("for (int i = 0; i < v.Length; i++) writer.WriteUnsigned(v[i]);");
                break;
            case ValueKind.Nullable:
                w.Line("writer.WriteBool(v.HasValue);");
                w.Line("if (v.HasValue) " + Call("Encode", type.Parts[0], "writer", "v.GetValueOrDefault()") + ";");
                break;
            case ValueKind.Array or ValueKind.List:
                string count = type.Kind == ValueKind.Array ? "Length" : "Count";
                w.Line("if (v is null) { writer.WriteLength(-1); return; }");
                w.Line("writer.WriteLength(v." + count + ");");
                w.Line("for (int i = 0; i < v." + count + "; i++) " + Call("Encode", type.Parts[0], "writer", "v[i]") + ";");
                break;
            case ValueKind.MultiArray:
                w.Line("if (v is null) { writer.WriteLength(-1); return; }");
                w.Line("writer.WriteLength(" + type.Rank + ");");
                w.Line("for (int d = 0; d < " + type.Rank + "; d++) writer.WriteLength(v.GetLength(d));");
                w.Line(EachIndex(type.Rank, "v") + Call("Encode", type.Parts[0], "writer", "v" + Indexer(type.Rank)) + ";");
                break;
            case ValueKind.Queue or ValueKind.Stack:
                // Both enumerate in the order they give items out: dequeue order, pop order.
                w.Line("if (v is null) { writer.WriteLength(-1); return; }");
                w.Line("writer.WriteLength(v.Count);");
                w.Line("foreach (var item in v) " + Call("Encode", type.Parts[0], "writer", "item") + ";");
                break;
            case ValueKind.Set or ValueKind.Dictionary:
                EncodeTable(w, types, i, type);
                break;
            case ValueKind.Tuple or ValueKind.Struct:
                foreach (var member in Members(type))
                {
                    w.Line(Call("Encode", member.Part, "writer", "v." + member.Access) + ";");
                }

                break;
            default:
                EncodeRecord(w, types, i, type);
                break;
        }

        w.Close();
        if (IsRuntimeRecord(i, type))
        {
            EncodeMembers(w, i, type);
        }
    }

    // A record interface has no members of its own and is never a runtime type.
    private static bool IsRuntimeRecord(int i, TypeSpec type) =>
        type.Kind == ValueKind.RecordClass && (type.Derived.Count == 0 || type.RuntimeOrder.Contains(i));

    private static void EncodeRecord(SourceWriter w, IReadOnlyList<TypeSpec> types, int i, TypeSpec type)
    {
        w.Line("if (v is null) { writer.WriteLength(-1); return; }");
        if (type.Derived.Count == 0)
        {
            // A record derived elsewhere (another assembly, a generic record) would decode as this type: refused.
            w.Line("if (v.GetType() != typeof(" + type.Name + ")) throw new global::System.InvalidOperationException(\"A state holds a '\" + v.GetType() + \"', which the generated explorer does not know.\");");
            w.Line("writer.WriteLength(0);");
            w.Line(Call("EncodeMembers", i, "writer", "v") + ";");
            return;
        }

        w.Line("int tag = RuntimeRank" + i + "(v);");
        w.Line("writer.WriteLength(tag);");
        w.Open("switch (tag)");
        for (int rank = 0; rank < type.RuntimeOrder.Count; rank++)
        {
            int runtime = type.RuntimeOrder[rank];
            w.Line("case " + rank + ": " + Call("EncodeMembers", runtime, "writer", "(" + types[runtime].Name + ")v") + "; return;");
        }

        w.Line("default: throw new global::System.InvalidOperationException(\"A state holds a '\" + v.GetType() + \"', which the generated explorer does not know.\");");
        w.Close();
    }

    // The members of a record whose runtime type is this one. A record that has neither a parameterless constructor nor
    // one taking its members keeps the first instance met as the prototype decoding copies with every member set.
    private static void EncodeMembers(SourceWriter w, int i, TypeSpec type)
    {
        bool prototype = type.Rebuild == RebuildKind.With;
        if (prototype)
        {
            w.Line("private static " + type.Name + " Prototype" + i + ";");
            w.Line();
        }

        w.Open("private static void EncodeMembers" + i + "(" + Runtime + "StateWriter writer, " + type.Name + " v)");
        if (prototype)
        {
            w.Line("if (Prototype" + i + " is null) Prototype" + i + " = v;");
        }

        foreach (var member in Members(type))
        {
            w.Line(Call("Encode", member.Part, "writer", "v." + member.Access) + ";");
        }

        w.Close();
    }

    // The order entries are sorted in for the encoding.
    private static void SortOrder(SourceWriter w, IReadOnlyList<TypeSpec> types, int i, TypeSpec type)
    {
        string entry = EntryType(types, type);
        w.Line("private static readonly global::System.Collections.Generic.IComparer<" + entry + "> Order" + i + " = global::System.Collections.Generic.Comparer<" + entry + ">.Create("
            + (type.Kind == ValueKind.Set ? "Compare" + type.Parts[0] : "(x, y) => " + Call("Compare", type.Parts[0], "x.Key", "y.Key")) + ");");
        w.Line();
    }

    private static string EntryType(IReadOnlyList<TypeSpec> types, TypeSpec type) =>
        type.Kind == ValueKind.Set
            ? Element(type, types)
            : "global::System.Collections.Generic.KeyValuePair<" + Element(type, types) + ", " + Element(type, types, 1) + ">";

    private static void EncodeTable(SourceWriter w, IReadOnlyList<TypeSpec> types, int i, TypeSpec type)
    {
        string entry = EntryType(types, type);
        bool isSet = type.Kind == ValueKind.Set;
        w.Line("if (v is null) { writer.WriteLength(-1); return; }");
        w.Line("int count = v.Count;");
        w.Line("writer.WriteLength(count);");
        w.Line("if (count == 0) return;");

        // Sorted in the thread's array in this type's slot, kept from one state to the next: an element or key holds no
        // collection (the front end refuses those), so no encoding of this type runs inside another.
        w.Line("var items = writer.Arrays.Get<" + entry + ">(" + i + ", count);");
        w.Line("int n = 0;");
        if (type.Concrete.Length > 0)
        {
            // Through the HashSet the interface holds, whose enumerator is a struct.
            w.Line("var set = v as " + type.Concrete + ";");
            w.Line("if (set is null) foreach (var item in v) items[n++] = item; else foreach (var item in set) items[n++] = item;");
        }
        else
        {
            w.Line("foreach (var item in v) items[n++] = item;");
        }

        // A set decoded and not changed since is in order already: checked in one pass before sorting.
        string key = isSet ? string.Empty : ".Key";
        w.Line("for (int k = 1; k < n; k++) if (" + Call("Compare", type.Parts[0], "items[k - 1]" + key, "items[k]" + key) + " > 0) { global::System.Array.Sort(items, 0, n, Order" + i + "); break; }");
        w.Open("for (int k = 0; k < n; k++)");
        if (isSet)
        {
            w.Line(Call("Encode", type.Parts[0], "writer", "items[k]") + ";");
        }
        else
        {
            w.Line(Call("Encode", type.Parts[0], "writer", "items[k].Key") + ";");
            w.Line(Call("Encode", type.Parts[1], "writer", "items[k].Value") + ";");
        }

        w.Close();
    }
}
