using System.Collections.Generic;
using System.Linq;
using MergeQueue.Analyzers.Generator.Model;

namespace MergeQueue.Analyzers.Generator;

/// <summary>
/// Decoding for the fast adapter: <c>Decode{i}</c> reads a value and returns it, reusing the collections of the value
/// it replaces (the decoded instance is only ever read, so its objects are its own), and returns the replaced value
/// itself when a string or record reads back equal to it.
/// </summary>
internal static partial class TypeEmitter
{
    /// <summary>The helpers of the encoded adapter for every type, and <c>Refill{i}</c> for the types of readonly collection fields.</summary>
    public static void EncodingHelpers(SourceWriter w, IReadOnlyList<TypeSpec> types, IReadOnlyList<FieldSpec> fields)
    {
        if (types.Any(t => t.Kind is ValueKind.Array or ValueKind.Stack))
        {
            // A generic method writes new E[n] for any element type, arrays of arrays included.
            w.Line("private static T[] NewArray<T>(int length) => new T[length];");
            w.Line();
        }

        var refilled = new HashSet<int>(fields.Where(f => f.IsReadOnly && IsCollection(types[f.Type].Kind)).Select(f => f.Type));
        if (refilled.Count > 0)
        {
            KeptHelpers(w);
        }

        for (int i = 0; i < types.Count; i++)
        {
            Encode(w, types, i, types[i]);
            Decode(w, types, i, types[i]);
            if (refilled.Contains(i))
            {
                Refill(w, types, i, types[i]);
            }

            if (refilled.Any(r => types[r].Kind is ValueKind.Array or ValueKind.Dictionary && types[r].Parts[types[r].Kind == ValueKind.Dictionary ? 1 : 0] == i) && Overwritable(types, i))
            {
                Overwrite(w, types, i, types[i]);
            }
        }
    }

    /// <summary>Writes the statements that append one field's encoding to <c>writer</c>.</summary>
    public static void EncodeField(SourceWriter w, FieldSpec field, string value) =>
        w.Line(Call("Encode", field.Type, "writer", value) + ";");

    /// <summary>
    /// Writes the statements that read every field from <c>reader</c> into <paramref name="into"/> and return it, or,
    /// when a readonly field reads back other than <paramref name="into"/> holds (a collection not decoded in place, a
    /// value not equal), return <paramref name="rebuild"/> with the decoded values in place of <c>{0}</c>.
    /// </summary>
    public static void DecodeFields(SourceWriter w, IReadOnlyList<TypeSpec> types, IReadOnlyList<FieldSpec> fields, string into, string rebuild)
    {
        if (!fields.Any(f => f.IsReadOnly))
        {
            foreach (var field in fields)
            {
                w.Line(into + "." + field.Access + " = " + Call("Decode", field.Type, "ref reader", into + "." + field.Access) + ";");
            }

            w.Line("return " + into + ";");
            return;
        }

        for (int i = 0; i < fields.Count; i++)
        {
            w.Line("var field" + i + " = " + Call("Decode", fields[i].Type, "ref reader", into + "." + fields[i].Access) + ";");
        }

        var same = fields.Select((f, i) => (Field: f, Local: "field" + i))
            .Where(p => p.Field.IsReadOnly)
            .Select(p => IsCollection(types[p.Field.Type].Kind)
                ? "ReferenceEquals(" + p.Local + ", " + into + "." + p.Field.Access + ")"
                : Call("Equal", p.Field.Type, p.Local, into + "." + p.Field.Access));
        w.Line("if (!(" + string.Join(" && ", same) + ")) return " + rebuild.Replace("{0}", string.Join(", ", fields.Select((_, i) => "field" + i))) + ";");
        for (int i = 0; i < fields.Count; i++)
        {
            if (!fields[i].IsReadOnly)
            {
                w.Line(into + "." + fields[i].Access + " = field" + i + ";");
            }
        }

        w.Line("return " + into + ";");
    }

    private static void Decode(SourceWriter w, IReadOnlyList<TypeSpec> types, int i, TypeSpec type)
    {
        string t = type.Name;
        w.Open("internal static " + t + " Decode" + i + "(ref " + Runtime + "StateReader reader, " + t + " reuse)");
        string element = type.Parts.Count > 0 ? Element(type, types) : string.Empty;
        switch (type.Kind)
        {
            case ValueKind.Bool:
                w.Line("return reader.ReadBool();");
                break;
            case ValueKind.UnsignedLong:
                w.Line("return reader.ReadUnsigned();");
                break;
            case ValueKind.Char:
                w.Line("return (char)reader.ReadUnsigned();");
                break;
            case ValueKind.Integer or ValueKind.Enum:
                w.Line("return unchecked((" + t + ")reader.ReadSigned());");
                break;
            case ValueKind.String:
                w.Line("int n = reader.ReadLength();");
                w.Line("if (n < 0) return null;");
                w.Line("var chars = reader.Arrays.Get<char>(" + i + ", n);");
                w.Line("for (int k = 0; k < n; k++) chars[k] = (char)reader.ReadUnsigned();");
                w.Line("if (!(reuse is null) && reuse.Length == n) { int k = 0; while (k < n && reuse[k] == chars[k]) k++; if (k == n) return reuse; }");
                w.Line("return new string(chars, 0, n);");
                break;
            case ValueKind.Nullable:
                w.Line("if (!reader.ReadBool()) return null;");
                w.Line("return " + Call("Decode", type.Parts[0], "ref reader", "reuse.GetValueOrDefault()") + ";");
                break;
            case ValueKind.Array:
                w.Line("int n = reader.ReadLength();");
                w.Line("if (n < 0) return null;");
                w.Line("var a = !(reuse is null) && reuse.Length == n ? reuse : NewArray<" + element + ">(n);");
                w.Line("for (int i = 0; i < n; i++) a[i] = " + Call("Decode", type.Parts[0], "ref reader", "a[i]") + ";");
                w.Line("return a;");
                break;
            case ValueKind.MultiArray:
                DecodeMultiArray(w, types, type);
                break;
            case ValueKind.List:
                w.Line("int n = reader.ReadLength();");
                w.Line("if (n < 0) return null;");
                w.Line("var list = reuse ?? new " + t + "(n);");
                w.Line("int keep = global::System.Math.Min(n, list.Count);");
                w.Line("for (int i = 0; i < keep; i++) list[i] = " + Call("Decode", type.Parts[0], "ref reader", "list[i]") + ";");
                w.Line("if (list.Count > n) list.RemoveRange(n, list.Count - n);");
                w.Line("for (int i = keep; i < n; i++) list.Add(" + Call("Decode", type.Parts[0], "ref reader", "default(" + element + ")") + ");");
                w.Line("return list;");
                break;
            case ValueKind.Queue:
                w.Line("int n = reader.ReadLength();");
                w.Line("if (n < 0) return null;");
                w.Line("var queue = reuse ?? new " + t + "(n);");
                w.Line("queue.Clear();");
                w.Line("for (int i = 0; i < n; i++) queue.Enqueue(" + Call("Decode", type.Parts[0], "ref reader", "default(" + element + ")") + ");");
                w.Line("return queue;");
                break;
            case ValueKind.Stack:
                // Written in pop order: pushed back from the bottom.
                w.Line("int n = reader.ReadLength();");
                w.Line("if (n < 0) return null;");
                w.Line("var items = NewArray<" + element + ">(n);");
                w.Line("for (int i = 0; i < n; i++) items[i] = " + Call("Decode", type.Parts[0], "ref reader", "default(" + element + ")") + ";");
                w.Line("var stack = reuse ?? new " + t + "(n);");
                w.Line("stack.Clear();");
                w.Line("for (int i = n - 1; i >= 0; i--) stack.Push(items[i]);");
                w.Line("return stack;");
                break;
            case ValueKind.Set:
                // Refilled in key order, the set enumerates in that order, as the front end's sets do.
                string set = type.Concrete.Length > 0 ? type.Concrete : t;
                bool reuseItems = Reusable(types, type.Parts[0]);
                w.Line("int n = reader.ReadLength();");
                w.Line("if (n < 0) return null;");
                w.Line("var set = " + (type.Concrete.Length > 0 ? "reuse as " + set : "reuse") + " ?? new " + set + "();");
                if (reuseItems)
                {
                    KeepEntries(w, types, i, "set");
                }

                w.Line("set.Clear();");
                w.Line("for (int i = 0; i < n; i++) set.Add(" + Call("Decode", type.Parts[0], "ref reader", reuseItems ? "i < old ? items[i] : default(" + element + ")" : "default(" + element + ")") + ");");
                w.Line("return set;");
                break;
            case ValueKind.Dictionary:
                bool reuseEntries = Reusable(types, type.Parts[0]) || Reusable(types, type.Parts[1]);
                w.Line("int n = reader.ReadLength();");
                w.Line("if (n < 0) return null;");
                w.Line("var map = reuse ?? new " + t + "(n);");
                if (reuseEntries)
                {
                    KeepEntries(w, types, i, "map");
                }

                w.Line("map.Clear();");
                w.Open("for (int i = 0; i < n; i++)");
                w.Line("var key = " + Call("Decode", type.Parts[0], "ref reader", reuseEntries ? "i < old ? items[i].Key : default(" + element + ")" : "default(" + element + ")") + ";");
                string value = Element(type, types, 1);
                w.Line("map.Add(key, " + Call("Decode", type.Parts[1], "ref reader", reuseEntries ? "i < old ? items[i].Value : default(" + value + ")" : "default(" + value + ")") + ");");
                w.Close();
                w.Line("return map;");
                break;
            case ValueKind.Tuple:
                w.Line("return (" + string.Join(", ", Members(type).Select(m => Call("Decode", m.Part, "ref reader", "reuse." + m.Access))) + ");");
                break;
            case ValueKind.Struct when type.Rebuild == RebuildKind.Assign:
                w.Line("var value = default(" + t + ");");
                foreach (var member in Members(type))
                {
                    w.Line("value." + member.Access + " = " + Call("Decode", member.Part, "ref reader", "reuse." + member.Access) + ";");
                }

                w.Line("return value;");
                break;
            case ValueKind.Struct when type.Rebuild == RebuildKind.Construct:
                var locals = Members(type).Select((m, index) => (m.Access, m.Part, Local: "m" + index)).ToList();
                foreach (var member in locals)
                {
                    w.Line("var " + member.Local + " = " + Call("Decode", member.Part, "ref reader", "reuse." + member.Access) + ";");
                }

                Construct(w, types, type, locals);
                break;
            case ValueKind.Struct:
                w.Line("return default(" + t + ") with { " + string.Join(", ", Members(type).Select(m => m.Access + " = " + Call("Decode", m.Part, "ref reader", "reuse." + m.Access))) + " };");
                break;
            default:
                DecodeRecord(w, types, i, type);
                break;
        }

        w.Close();
        if (IsRuntimeRecord(i, type))
        {
            DecodeMembers(w, types, i, type);
        }
    }

    // The entries before the decoding, by position, each handed to at most one new entry as the value it replaces:
    // strings and records read back equal stay the same objects, nested collections are refilled. The array is the
    // one encoding sorts in, in the type's slot (no encoding or decoding of this type runs inside another).
    private static void KeepEntries(SourceWriter w, IReadOnlyList<TypeSpec> types, int i, string table)
    {
        w.Line("int old = 0;");
        w.Line("var items = reader.Arrays.Get<" + EntryType(types, types[i]) + ">(" + i + ", " + table + ".Count);");
        w.Line("foreach (var entry in " + table + ") items[old++] = entry;");
    }

    // Whether a value decoded with the one it replaces can come back without allocating: a string, a record, or a
    // collection (a dictionary's values).
    private static bool Reusable(IReadOnlyList<TypeSpec> types, int index) => Reusable(types, index, new HashSet<int>());

    private static bool Reusable(IReadOnlyList<TypeSpec> types, int index, HashSet<int> seen) =>
        seen.Add(index)
        && (types[index].Kind is ValueKind.String or ValueKind.RecordClass || IsCollection(types[index].Kind)
            || (types[index].Kind is ValueKind.Struct or ValueKind.Tuple or ValueKind.Nullable && types[index].Parts.Any(p => Reusable(types, p, seen))));

    private static void DecodeMultiArray(SourceWriter w, IReadOnlyList<TypeSpec> types, TypeSpec type)
    {
        var dimensions = Enumerable.Range(0, type.Rank).ToList();
        w.Line("int rank = reader.ReadLength();");
        w.Line("if (rank < 0) return null;");
        w.Line("if (rank != " + type.Rank + ") throw new global::System.InvalidOperationException(\"Not an encoding of a " + type.Rank + "-dimensional array.\");");
        foreach (int d in dimensions)
        {
            w.Line("int length" + d + " = reader.ReadLength();");
        }

        w.Line("var a = !(reuse is null) && " + string.Join(" && ", dimensions.Select(d => "reuse.GetLength(" + d + ") == length" + d)) + " ? reuse : ("
            + type.Name + ")global::System.Array.CreateInstance(typeof(" + Element(type, types) + "), " + string.Join(", ", dimensions.Select(d => "length" + d)) + ");");
        w.Line(EachIndex(type.Rank, "a") + "a" + Indexer(type.Rank) + " = " + Call("Decode", type.Parts[0], "ref reader", "a" + Indexer(type.Rank)) + ";");
        w.Line("return a;");
    }

    private static void DecodeRecord(SourceWriter w, IReadOnlyList<TypeSpec> types, int i, TypeSpec type)
    {
        w.Line("int tag = reader.ReadLength();");
        w.Line("if (tag < 0) return null;");
        if (type.Derived.Count == 0)
        {
            w.Line("if (tag != 0) throw new global::System.InvalidOperationException(\"Not an encoding of a '" + type.Display + "'.\");");
            w.Line("return " + Call("DecodeMembers", i, "ref reader", "reuse") + ";");
            return;
        }

        w.Open("switch (tag)");
        for (int rank = 0; rank < type.RuntimeOrder.Count; rank++)
        {
            int runtime = type.RuntimeOrder[rank];
            w.Line("case " + rank + ": return " + Call("DecodeMembers", runtime, "ref reader", "reuse as " + types[runtime].Name) + ";");
        }

        w.Line("default: throw new global::System.InvalidOperationException(\"Not an encoding of a '" + type.Display + "'.\");");
        w.Close();
    }

    // The record read back equal to the one it replaces is that one: a decoded state allocates only what changed.
    private static void DecodeMembers(SourceWriter w, IReadOnlyList<TypeSpec> types, int i, TypeSpec type)
    {
        string t = type.Name;
        var members = Members(type).Select((m, index) => (m.Access, m.Part, Local: "m" + index)).ToList();
        w.Open("private static " + t + " DecodeMembers" + i + "(ref " + Runtime + "StateReader reader, " + t + " reuse)");
        w.Line("var old = !(reuse is null) && reuse.GetType() == typeof(" + t + ") ? reuse : null;");
        foreach (var member in members)
        {
            w.Line("var " + member.Local + " = " + Call("Decode", member.Part, "ref reader", "old is null ? default(" + types[member.Part].Name + ") : old." + member.Access) + ";");
        }

        w.Line("if (!(old is null)" + string.Concat(members.Select(m => " && " + Call("Equal", m.Part, m.Local, "old." + m.Access))) + ") return old;");
        switch (type.Rebuild)
        {
            case RebuildKind.Initialize:
                w.Line("return new " + t + " { " + string.Join(", ", members.Select(m => m.Access + " = " + m.Local)) + " };");
                break;
            case RebuildKind.Construct:
                Construct(w, types, type, members);
                break;
            case RebuildKind.Abstract:
                w.Line("throw new global::System.InvalidOperationException(\"Not an encoding of a '" + type.Display + "': it is abstract.\");");
                break;
            default:
                w.Line("var prototype = old ?? Prototype" + i + ";");
                w.Line("if (prototype is null) throw " + Runtime + "ValueNotRebuiltException.NoInstanceMet(" + Emitter.Quote(type.Display) + ");");
                w.Line("return prototype with { " + string.Join(", ", members.Select(m => m.Access + " = " + m.Local)) + " };");
                break;
        }

        w.Close();
    }

    // The type's own constructor, given each member's value; what it builds must give them back, or the state would
    // change in the decoding.
    private static void Construct(SourceWriter w, IReadOnlyList<TypeSpec> types, TypeSpec type, IReadOnlyList<(string Access, int Part, string Local)> members)
    {
        w.Line("var value = new " + type.Name + "(" + string.Join(", ", type.ConstructorOrder.Select(m => members[m].Local)) + ");");
        w.Line("if (!(" + string.Join(" && ", members.Select(m => Call("Equal", m.Part, "value." + m.Access, m.Local))) + ")) throw "
            + Runtime + "ValueNotRebuiltException.ConstructorChangedValue(" + Emitter.Quote(type.Display) + ");");
        w.Line("return value;");
    }
}
