using System.Collections.Generic;
using System.Linq;
using MergeQueue.Analyzers.Generator.Model;

namespace MergeQueue.Analyzers.Generator;

/// <summary>
/// Restoring the working instance of the fast adapter from the decoded one before each action: nothing the two share
/// that an action could write. Fields are given fresh copies; readonly collections (which only a constructor could
/// replace) are refilled in place, and so are the collections in their slots, each object at most once: an action may
/// have put one collection in two places, and refilling it twice would leave the two joined.
/// </summary>
internal static partial class TypeEmitter
{
    /// <summary>
    /// Writes the body of <c>Restore(current, working)</c>: <paramref name="target"/> made equal to
    /// <paramref name="source"/> and returned, or <paramref name="copy"/> when a readonly field of one cannot be made
    /// the other's (another value, an array of another length).
    /// </summary>
    public static void RestoreFields(SourceWriter w, IReadOnlyList<TypeSpec> types, IReadOnlyList<FieldSpec> fields, string source, string target, string copy)
    {
        var values = fields.Where(f => f.IsReadOnly && !IsCollection(types[f.Type].Kind)).ToList();
        if (values.Count > 0)
        {
            w.Line("if (!(" + string.Join(" && ", values.Select(f => Call("Equal", f.Type, source + "." + f.Access, target + "." + f.Access))) + ")) return " + copy + ";");
        }

        var refilled = fields.Where(f => f.IsReadOnly && IsCollection(types[f.Type].Kind)).ToList();
        if (refilled.Count > 0)
        {
            // The readonly collections first: one put into another's slot by an action is then copied there, not kept.
            // The array is the thread's, in the slot after the types' (a fixed length: Keep refuses past it).
            w.Line("var kept = arrays.Get<object>(" + types.Count + ", 64);");
            w.Line("int keptCount = 0;");
            foreach (var field in refilled)
            {
                w.Line("if (!(" + target + "." + field.Access + " is null)) Keep(" + target + "." + field.Access + ", kept, ref keptCount);");
            }
        }

        foreach (var field in fields)
        {
            if (!field.IsReadOnly)
            {
                w.Line(target + "." + field.Access + " = " + CopyOf(types, field.Type, source + "." + field.Access) + ";");
            }
            else if (IsCollection(types[field.Type].Kind))
            {
                w.Line("if (!" + Call("Refill", field.Type, source + "." + field.Access, target + "." + field.Access, "arrays", "kept", "ref keptCount") + ") return " + copy + ";");
            }
        }

        w.Line("return " + target + ";");
    }

    private static void KeptHelpers(SourceWriter w)
    {
        w.Line("// Whether the object is not kept in another place yet (and there is room to remember it): it may then be refilled.");
        w.Open("private static bool Keep(object value, object[] kept, ref int count)");
        w.Line("for (int k = 0; k < count; k++) if (ReferenceEquals(kept[k], value)) return false;");
        w.Line("if (count == kept.Length) return false;");
        w.Line("kept[count++] = value;");
        w.Line("return true;");
        w.Close();
        w.Line();
    }

    // A collection of values needing no copy, refilled in place by Overwrite{i}.
    private static bool Overwritable(IReadOnlyList<TypeSpec> types, int index)
    {
        var type = types[index];
        return type.Kind is ValueKind.Array or ValueKind.List or ValueKind.Set or ValueKind.Dictionary
            && !types[type.Parts[type.Kind == ValueKind.Dictionary ? 1 : 0]].NeedsCopy;
    }

    private static void Refill(SourceWriter w, IReadOnlyList<TypeSpec> types, int i, TypeSpec type)
    {
        string t = type.Name;
        int valuePart = type.Parts[type.Kind == ValueKind.Dictionary ? 1 : 0];
        bool deep = types[valuePart].NeedsCopy;
        bool overwrite = type.Kind is ValueKind.Array or ValueKind.Dictionary && Overwritable(types, valuePart);
        w.Open("private static bool Refill" + i + "(" + t + " from, " + t + " to, " + Runtime + "ScratchArrays arrays, object[] kept, ref int keptCount)");
        w.Line("if (from is null || to is null) return ReferenceEquals(from, to);");
        switch (type.Kind)
        {
            case ValueKind.Array when overwrite:
                w.Line("if (from.Length != to.Length) return false;");
                w.Open("for (int i = 0; i < from.Length; i++)");
                w.Line("var target = to[i];");
                w.Line("if (!(from[i] is null) && !(target is null) && Keep(target, kept, ref keptCount) && " + Call("Overwrite", valuePart, "from[i]", "target") + ") continue;");
                w.Line("to[i] = " + CopyOf(types, valuePart, "from[i]") + ";");
                w.Close();
                break;
            case ValueKind.Array or ValueKind.MultiArray:
                string shape = type.Kind == ValueKind.Array ? "from.Length != to.Length" : string.Join(" || ", Enumerable.Range(0, type.Rank).Select(d => "from.GetLength(" + d + ") != to.GetLength(" + d + ")"));
                w.Line("if (" + shape + ") return false;");
                w.Line(!deep ? "global::System.Array.Copy(from, to, from.Length);"
                    : type.Kind == ValueKind.Array ? "for (int i = 0; i < from.Length; i++) to[i] = " + CopyOf(types, valuePart, "from[i]") + ";"
                    : EachIndex(type.Rank, "from") + "to" + Indexer(type.Rank) + " = " + CopyOf(types, valuePart, "from" + Indexer(type.Rank)) + ";");
                break;
            case ValueKind.List:
                w.Line("to.Clear();");
                w.Line("foreach (var item in from) to.Add(" + CopyOf(types, valuePart, "item") + ");");
                break;
            case ValueKind.Queue:
                w.Line("to.Clear();");
                w.Line("foreach (var item in from) to.Enqueue(" + CopyOf(types, valuePart, "item") + ");");
                break;
            case ValueKind.Stack:
                w.Line("var items = from.ToArray();");
                w.Line("to.Clear();");
                w.Line("for (int i = items.Length - 1; i >= 0; i--) to.Push(" + CopyOf(types, valuePart, "items[i]") + ");");
                break;
            case ValueKind.Set:
                string set = type.Concrete.Length > 0 ? "set" : "to";
                if (type.Concrete.Length > 0)
                {
                    w.Line("var set = to as " + type.Concrete + ";");
                    w.Line("if (set is null) return false;");
                }

                w.Line(set + ".Clear();");
                w.Line("foreach (var item in from) " + set + ".Add(" + CopyOf(types, valuePart, "item") + ");");
                break;
            case ValueKind.Dictionary when overwrite:
                // The values before, by position (in the array encoding sorts in), each refilled for at most one key.
                w.Line("int old = 0;");
                w.Line("var items = arrays.Get<" + EntryType(types, type) + ">(" + i + ", to.Count);");
                w.Line("foreach (var pair in to) items[old++] = pair;");
                w.Line("to.Clear();");
                w.Line("int k = 0;");
                w.Open("foreach (var pair in from)");
                w.Line("var target = k < old ? items[k].Value : null;");
                w.Line("k++;");
                w.Line("if (!(pair.Value is null) && !(target is null) && Keep(target, kept, ref keptCount) && " + Call("Overwrite", valuePart, "pair.Value", "target") + ") to.Add(pair.Key, target);");
                w.Line("else to.Add(pair.Key, " + CopyOf(types, valuePart, "pair.Value") + ");");
                w.Close();
                break;
            case ValueKind.Dictionary:
                w.Line("to.Clear();");
                w.Line("foreach (var pair in from) to.Add(pair.Key, " + CopyOf(types, valuePart, "pair.Value") + ");");
                break;
            default:
                throw new System.InvalidOperationException("Refill of a " + type.Kind + ".");
        }

        w.Line("return true;");
        w.Close();
    }

    // Makes a kept collection of values equal to another, in its order; false when it cannot (another length).
    private static void Overwrite(SourceWriter w, IReadOnlyList<TypeSpec> types, int i, TypeSpec type)
    {
        w.Open("private static bool Overwrite" + i + "(" + type.Name + " from, " + type.Name + " to)");
        switch (type.Kind)
        {
            case ValueKind.Array:
                w.Line("if (from.Length != to.Length) return false;");
                w.Line("global::System.Array.Copy(from, to, from.Length);");
                break;
            case ValueKind.List:
                w.Line("to.Clear();");
                w.Line("to.AddRange(from);");
                break;
            case ValueKind.Set:
                string set = type.Concrete.Length > 0 ? "set" : "to";
                if (type.Concrete.Length > 0)
                {
                    w.Line("var set = to as " + type.Concrete + ";");
                    w.Line("if (set is null) return false;");
                }

                w.Line(set + ".Clear();");
                w.Line("foreach (var item in from) " + set + ".Add(item);");
                break;
            default:
                w.Line("to.Clear();");
                w.Line("foreach (var pair in from) to.Add(pair.Key, pair.Value);");
                break;
        }

        w.Line("return true;");
        w.Close();
    }
}
