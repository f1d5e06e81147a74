using System.Linq;
using MergeQueue.Analyzers.FrontEnd.Interpreter.Runtime;
using MergeQueue.Analyzers.FrontEnd.Values;
using MergeQueue.Analyzers.FrontEnd.Values.Heap;
using MergeQueue.Analyzers.FrontEnd.Values.Types;
using Microsoft.CodeAnalysis.Operations;

namespace MergeQueue.Analyzers.FrontEnd.Interpreter.Compiler;

/// <summary>Methods of <c>HashSet&lt;T&gt;</c> and <c>Dictionary&lt;K,V&gt;</c>.</summary>
internal sealed partial class BodyCompiler
{
    private Library? SetMethod(IInvocationOperation operation, SetType type)
    {
        switch (operation.TargetMethod.Name)
        {
            case "Add":
                return (_, r, v, _) => Value.Of(Collections.AddKey((TableObject)r!, v[0]));
            case "Remove":
                return (_, r, v, _) => Value.Of(((TableObject)r!).Remove(v[0]));
            case "Contains":
                return (_, r, v, _) => Value.Of(((TableObject)r!).Find(v[0]) >= 0);
            case "Clear":
                return (_, r, _, _) =>
                {
                    ((TableObject)r!).Clear();
                    return default;
                };
            case "UnionWith":
                return (_, r, v, _) =>
                {
                    var set = (TableObject)r!;
                    foreach (var item in Sequences.Enumerate(v[0].Ref).ToList())
                    {
                        Collections.AddKey(set, item);
                    }

                    return default;
                };
            case "IntersectWith" or "ExceptWith":
                bool keepShared = operation.TargetMethod.Name == "IntersectWith";
                return (_, r, v, _) =>
                {
                    var set = (TableObject)r!;
                    var other = OtherSet(v[0], type.Key);
                    foreach (var key in set.Select(set.KeyAt).ToList())
                    {
                        if ((other.Find(key) >= 0) != keepShared)
                        {
                            set.Remove(key);
                        }
                    }

                    return default;
                };
            case "SetEquals" or "IsSubsetOf" or "IsSupersetOf" or "IsProperSubsetOf" or "IsProperSupersetOf" or "Overlaps":
                string name = operation.TargetMethod.Name;
                return (_, r, v, _) =>
                {
                    var set = (TableObject)r!;
                    var other = OtherSet(v[0], type.Key);
                    bool allMine = set.All(slot => other.Find(set.KeyAt(slot)) >= 0);
                    bool allTheirs = other.All(slot => set.Find(other.KeyAt(slot)) >= 0);
                    return Value.Of(name switch
                    {
                        "SetEquals" => allMine && allTheirs,
                        "IsSubsetOf" => allMine,
                        "IsSupersetOf" => allTheirs,
                        "IsProperSubsetOf" => allMine && !allTheirs,
                        "IsProperSupersetOf" => allTheirs && !allMine,
                        _ => set.Any(slot => other.Find(set.KeyAt(slot)) >= 0),
                    });
                };
            case "RemoveWhere":
                return (frame, r, v, _) =>
                {
                    var set = (TableObject)r!;
                    int removed = 0;
                    foreach (var key in set.Select(set.KeyAt).ToList())
                    {
                        if (Invoke(frame, v[0], key).Bool)
                        {
                            set.Remove(key);
                            removed++;
                        }
                    }

                    return new Value(removed);
                };
            default:
                return null;
        }
    }

    private static TableObject OtherSet(Value sequence, VType key)
    {
        var other = new TableObject(key, null);
        foreach (var item in Sequences.Enumerate(sequence.Ref ?? throw Errors.Argument("Value cannot be null.", "other")))
        {
            Collections.AddKey(other, item);
        }

        return other;
    }

    private Library? DictionaryMethod(IInvocationOperation operation, DictionaryType type)
    {
        var keyType = type.Key;
        var missing = type.ValueType!.Default;
        int count = operation.Arguments.Length;
        switch (operation.TargetMethod.Name)
        {
            case "Add":
                return (_, r, v, _) =>
                {
                    Collections.AddEntry((TableObject)r!, v[0], v[1], keyType);
                    return default;
                };
            case "TryAdd":
                return (_, r, v, _) =>
                {
                    var table = (TableObject)r!;
                    if (table.Find(v[0]) >= 0)
                    {
                        return Value.False;
                    }

                    table.Insert(v[0], v[1]);
                    return Value.True;
                };
            case "Remove" when count == 1:
                return (_, r, v, _) => Value.Of(((TableObject)r!).Remove(v[0]));
            case "Remove" when count == 2:
                return (_, r, v, set) =>
                {
                    var table = (TableObject)r!;
                    int slot = table.Find(v[0]);
                    set(1, slot >= 0 ? table.ValueAt(slot) : missing);
                    return Value.Of(slot >= 0 && table.Remove(v[0]));
                };
            case "ContainsKey":
                return (_, r, v, _) => Value.Of(((TableObject)r!).Find(v[0]) >= 0);
            case "ContainsValue":
                var valueType = type.ValueType;
                return (_, r, v, _) =>
                {
                    var table = (TableObject)r!;
                    return Value.Of(table.Any(slot => valueType.ValueEquals(table.ValueAt(slot), v[0])));
                };
            case "TryGetValue":
                return (_, r, v, set) =>
                {
                    var table = (TableObject)r!;
                    int slot = table.Find(v[0]);
                    set(1, slot >= 0 ? table.ValueAt(slot) : missing);
                    return Value.Of(slot >= 0);
                };
            case "Clear":
                return (_, r, _, _) =>
                {
                    ((TableObject)r!).Clear();
                    return default;
                };
            case "GetValueOrDefault":
                var fallback = count > 1;
                return (_, r, v, _) =>
                {
                    var table = (TableObject)r!;
                    int slot = table.Find(v[0]);
                    return slot >= 0 ? table.ValueAt(slot) : fallback ? v[1] : missing;
                };
            default:
                return null;
        }
    }
}
