using System.Collections.Generic;
using System.Linq;
using MergeQueue.Analyzers.Generator.Model;

namespace MergeQueue.Analyzers.Generator;

/// <summary>Trace text and key order, written to match the front end's <c>VType.Format</c> and <c>Compare</c>.</summary>
internal static partial class TypeEmitter
{
    private static void Format(SourceWriter w, IReadOnlyList<TypeSpec> types, int i, TypeSpec type)
    {
        bool counted = SelfNested(types, i);
        w.Open("internal static void Format" + i + "(global::System.Text.StringBuilder text, " + type.Name + " v)");
        EnterLevel(w, counted && type.Kind != ValueKind.RecordClass);
        switch (type.Kind)
        {
            case ValueKind.Bool:
                w.Line(Text + ".AppendBool(text, v);");
                break;
            case ValueKind.Integer:
                w.Line(Text + ".AppendInteger(text, (long)v);");
                break;
            case ValueKind.UnsignedLong:
                w.Line(Text + ".AppendInteger(text, v);");
                break;
            case ValueKind.Char:
                w.Line(Text + ".AppendChar(text, v);");
                break;
            case ValueKind.String:
                w.Line(Text + ".AppendString(text, v);");
                break;
            case ValueKind.Nullable:
                w.Line("if (v.HasValue) " + Call("Format", type.Parts[0], "text", "v.GetValueOrDefault()") + "; else text.Append(\"null\");");
                break;
            case ValueKind.Enum:
                // The first declared name of a value, as the front end; other values print as .NET prints them.
                w.Open("switch (v)");
                foreach (string name in type.EnumCases)
                {
                    w.Line("case " + type.Name + "." + Parser.Identifier(name) + ": text.Append(" + Emitter.Quote(name) + "); break;");
                }

                w.Line("default: text.Append(v.ToString()); break;");
                w.Close();
                break;
            case ValueKind.Array or ValueKind.List or ValueKind.Queue or ValueKind.Stack:
                w.Line("if (v is null) { text.Append(\"null\"); return; }");
                w.Line("text.Append('[');");
                w.Line("bool first = true;");
                w.Line("foreach (var item in v) { if (!first) text.Append(\", \"); first = false; " + Call("Format", type.Parts[0], "text", "item") + "; }");
                w.Line("text.Append(']');");
                break;
            case ValueKind.MultiArray:
                // Nested rows, as the front end prints them: [[a, b], [c, d]].
                w.Line("if (v is null) { text.Append(\"null\"); return; }");
                w.Line(FormatDimension(type, 0));
                break;
            case ValueKind.Set or ValueKind.Dictionary:
                bool isSet = type.Kind == ValueKind.Set;
                w.Line("if (v is null) { text.Append(\"null\"); return; }");
                w.Line("var keys = new global::System.Collections.Generic.List<" + Element(type, types) + ">(" + (isSet ? "v" : "v.Keys") + ");");
                w.Line("keys.Sort(Compare" + type.Parts[0] + ");");
                w.Line("text.Append('{');");
                w.Line("bool first = true;");
                w.Line("foreach (var key in keys) { if (!first) text.Append(\", \"); first = false; " + Call("Format", type.Parts[0], "text", "key") + "; "
                    + (isSet ? string.Empty : "text.Append(\": \"); " + Call("Format", type.Parts[1], "text", "v[key]") + "; ") + "}");
                w.Line("text.Append('}');");
                break;
            case ValueKind.Tuple:
                // C#'s tuple literal: an element declared with a name shows it.
                w.Line("text.Append('(');");
                foreach (var (member, index) in Members(type).Select((m, index) => (m, index)))
                {
                    string name = index < type.ElementNames.Count ? type.ElementNames[index] : string.Empty;
                    string prefix = (index == 0 ? string.Empty : ", ") + (name.Length == 0 ? string.Empty : name + ": ");
                    w.Line((prefix.Length == 0 ? string.Empty : "text.Append(" + Emitter.Quote(prefix) + "); ") + Call("Format", member.Part, "text", "v." + member.Access) + ";");
                }

                w.Line("text.Append(')');");
                break;
            default:
                // C# records print "Name { A = 1, B = 2 }", and "Name { }" without members; traces show every member.
                if (type.Kind == ValueKind.RecordClass)
                {
                    w.Line("if (v is null) { text.Append(\"null\"); return; }");
                    Dispatch(w, types, type, "v", derived => "{ " + Call("Format", derived, "text", "(" + types[derived].Name + ")v") + "; return; }");
                }

                EnterLevel(w, counted && type.Kind == ValueKind.RecordClass);
                w.Line("text.Append(" + Emitter.Quote(type.Display + " {") + ");");
                foreach (var (member, index) in Members(type).Select((m, index) => (m, index)))
                {
                    w.Line("text.Append(" + Emitter.Quote((index == 0 ? " " : ", ") + member.Name + " = ") + "); " + Call("Format", member.Part, "text", "v." + member.Access) + ";");
                }

                w.Line("text.Append(\" }\");");
                LeaveLevel(w, counted && type.Kind == ValueKind.RecordClass);
                break;
        }

        LeaveLevel(w, counted && type.Kind != ValueKind.RecordClass);
        w.Close();
    }

    private static string FormatDimension(TypeSpec type, int d) =>
        "text.Append('['); for (int i" + d + " = 0; i" + d + " < v.GetLength(" + d + "); i" + d + "++) { if (i" + d + " > 0) text.Append(\", \"); "
        + (d == type.Rank - 1 ? Call("Format", type.Parts[0], "text", "v" + Indexer(type.Rank)) + ";" : FormatDimension(type, d + 1))
        + " } text.Append(']');";

    private static void Compare(SourceWriter w, IReadOnlyList<TypeSpec> types, int i, TypeSpec type)
    {
        if (type.Derived.Count > 0)
        {
            w.Open("private static int RuntimeRank" + i + "(" + type.Name + " v)");
            for (int rank = 0; rank < type.RuntimeOrder.Count; rank++)
            {
                w.Line("if (v.GetType() == typeof(" + types[type.RuntimeOrder[rank]].Name + ")) return " + rank + ";");
            }

            w.Line("return " + type.RuntimeOrder.Count + ";");
            w.Close();
        }

        bool counted = SelfNested(types, i);
        w.Open("internal static int Compare" + i + "(" + type.Name + " a, " + type.Name + " b)");
        EnterLevel(w, counted && type.Kind != ValueKind.RecordClass);
        switch (type.Kind)
        {
            case ValueKind.Bool or ValueKind.Integer or ValueKind.UnsignedLong or ValueKind.Char:
                w.Line("return a.CompareTo(b);");
                break;
            case ValueKind.Enum:
                w.Line("return global::System.Collections.Generic.Comparer<" + type.Name + ">.Default.Compare(a, b);");
                break;
            case ValueKind.String:
                w.Line("return string.CompareOrdinal(a, b);");
                break;
            case ValueKind.Nullable:
                // Null sorts first, as Comparer<T?>.Default and the front end.
                w.Line("if (!a.HasValue || !b.HasValue) return (a.HasValue ? 1 : 0) - (b.HasValue ? 1 : 0);");
                w.Line("return " + Call("Compare", type.Parts[0], "a.GetValueOrDefault()", "b.GetValueOrDefault()") + ";");
                break;
            default:
                if (type.Kind == ValueKind.RecordClass)
                {
                    w.Line("if (a is null || b is null) return (a is null ? 0 : 1) - (b is null ? 0 : 1);");
                    if (type.Derived.Count > 0)
                    {
                        // Different runtime types sort by their CLR names, as the front end sorts them.
                        w.Line("if (a.GetType() != b.GetType()) return RuntimeRank" + i + "(a) - RuntimeRank" + i + "(b);");
                        Dispatch(w, types, type, "a", derived => "return " + Call("Compare", derived, "(" + types[derived].Name + ")a", "(" + types[derived].Name + ")b") + ";");
                    }
                }

                EnterLevel(w, counted && type.Kind == ValueKind.RecordClass);
                w.Line("int order;");
                foreach (var member in Members(type))
                {
                    w.Line("if ((order = " + Call("Compare", member.Part, "a." + member.Access, "b." + member.Access) + ") != 0) return order;");
                }

                w.Line("return 0;");
                LeaveLevel(w, counted && type.Kind == ValueKind.RecordClass);
                break;
        }

        LeaveLevel(w, counted && type.Kind != ValueKind.RecordClass);
        w.Close();
    }

    private static void Copy(SourceWriter w, IReadOnlyList<TypeSpec> types, int i, TypeSpec type)
    {
        string t = type.Name;
        bool counted = SelfNested(types, i) && type.Kind != ValueKind.RecordClass;
        w.Open("internal static " + t + " Copy" + i + "(" + t + " v)");
        if (type.Kind != ValueKind.Tuple)
        {
            w.Line("if (v is null) return null;");
        }

        bool deep = type.Parts.Count > 0 && types[type.Parts[type.Kind == ValueKind.Dictionary ? 1 : 0]].NeedsCopy;
        EnterLevel(w, counted);
        switch (type.Kind)
        {
            case ValueKind.Array:
                w.Line("var copy = (" + t + ")v.Clone();");
                if (deep)
                {
                    w.Line("for (int i = 0; i < copy.Length; i++) copy[i] = " + CopyOf(types, type.Parts[0], "copy[i]") + ";");
                }

                w.Line("return copy;");
                break;
            case ValueKind.MultiArray:
                w.Line("var copy = (" + t + ")v.Clone();");
                if (deep)
                {
                    w.Line(EachIndex(type.Rank, "copy") + "copy" + Indexer(type.Rank) + " = " + CopyOf(types, type.Parts[0], "copy" + Indexer(type.Rank)) + ";");
                }

                w.Line("return copy;");
                break;
            case ValueKind.List:
                w.Line("var copy = new " + t + "(v);");
                if (deep)
                {
                    w.Line("for (int i = 0; i < copy.Count; i++) copy[i] = " + CopyOf(types, type.Parts[0], "copy[i]") + ";");
                }

                w.Line("return copy;");
                break;
            case ValueKind.Queue:
                w.Line("var copy = new " + t + "(v.Count);");
                w.Line("foreach (var item in v) copy.Enqueue(" + CopyOf(types, type.Parts[0], "item") + ");");
                w.Line("return copy;");
                break;
            case ValueKind.Stack:
                // A stack enumerates from the top; pushing the reversed items rebuilds the same stack.
                w.Line("var items = v.ToArray();");
                w.Line("global::System.Array.Reverse(items);");
                if (deep)
                {
                    w.Line("for (int i = 0; i < items.Length; i++) items[i] = " + CopyOf(types, type.Parts[0], "items[i]") + ";");
                }

                w.Line("return new " + t + "(items);");
                break;
            case ValueKind.Set when type.Concrete.Length > 0:
                w.Line("return new " + type.Concrete + "(v, (v as " + type.Concrete + ")?.Comparer);");
                break;
            case ValueKind.Set:
                w.Line("return new " + t + "(v, v.Comparer);");
                break;
            case ValueKind.Dictionary:
                w.Line("var copy = new " + t + "(v.Count, v.Comparer);");
                w.Line("foreach (var pair in v) copy.Add(pair.Key, " + CopyOf(types, type.Parts[1], "pair.Value") + ");");
                w.Line("return copy;");
                break;
            case ValueKind.Tuple:
                w.Line("return (" + string.Join(", ", Members(type).Select(m => CopyOf(types, m.Part, "v." + m.Access))) + ");");
                break;
            default:
                w.Line("return v with { };");
                break;
        }

        LeaveLevel(w, counted);
        w.Close();
    }

    private static void Canonicalize(SourceWriter w, IReadOnlyList<TypeSpec> types, int i, TypeSpec type)
    {
        bool counted = SelfNested(types, i);
        w.Open("internal static void Canonicalize" + i + "(" + type.Name + " v)");
        EnterLevel(w, counted);
        switch (type.Kind)
        {
            case ValueKind.Set:
                // Cleared and refilled in key order, a set enumerates in that order, as the front end's stored sets do.
                // A set declared as an interface is refilled through the HashSet it holds.
                string set = type.Concrete.Length > 0 ? "set" : "v";
                if (type.Concrete.Length > 0)
                {
                    w.Line("var set = v as " + type.Concrete + ";");
                }

                w.Line("if (" + set + " is null || " + set + ".Count < 2) return;");
                w.Line("var items = new global::System.Collections.Generic.List<" + Element(type, types) + ">(" + set + ");");
                w.Line("items.Sort(Compare" + type.Parts[0] + ");");
                w.Line(set + ".Clear();");
                w.Line("foreach (var item in items) " + set + ".Add(item);");
                break;
            case ValueKind.Dictionary:
                w.Line("if (v is null) return;");
                w.Line("var pairs = new global::System.Collections.Generic.List<global::System.Collections.Generic.KeyValuePair<" + Element(type, types) + ", " + Element(type, types, 1) + ">>(v);");
                if (HasTable(types, type.Parts[1]))
                {
                    w.Line("foreach (var pair in pairs) " + Call("Canonicalize", type.Parts[1], "pair.Value") + ";");
                }

                w.Line("if (pairs.Count < 2) return;");
                w.Line("pairs.Sort((x, y) => " + Call("Compare", type.Parts[0], "x.Key", "y.Key") + ");");
                w.Line("v.Clear();");
                w.Line("foreach (var pair in pairs) v.Add(pair.Key, pair.Value);");
                break;
            case ValueKind.Tuple:
                foreach (var member in Members(type).Where(m => HasTable(types, m.Part)))
                {
                    w.Line(Call("Canonicalize", member.Part, "v." + member.Access) + ";");
                }

                break;
            default:
                w.Line("if (v is null) return;");
                w.Line("foreach (var item in v) " + Call("Canonicalize", type.Parts[0], "item") + ";");
                break;
        }

        LeaveLevel(w, counted);
        w.Close();
    }
}
