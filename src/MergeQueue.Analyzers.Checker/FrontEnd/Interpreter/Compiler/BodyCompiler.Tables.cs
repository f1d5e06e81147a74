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
                var comparison = SetComparison(name);
                return (_, r, v, _) => Value.Of(comparison((TableObject)r!, SetToCompare(v[0], type.Key)));
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

    /// <summary>
    /// What a comparison (<c>SetEquals</c>, <c>IsSubsetOf</c>, …) compares with: another set as it is (it is only read),
    /// a small array as it is (invariants compare with literals, <c>s.IsSubsetOf([0, 1])</c>, once per state), else
    /// a set of the sequence's elements.
    /// </summary>
    private static object SetToCompare(Value sequence, VType key) => sequence.Ref switch
    {
        null => throw Errors.Argument("Value cannot be null.", "other"),
        TableObject { Pair: null } set => set,
        ArrayObject { Items.Length: <= SmallArray } array => array,
        _ => OtherSet(sequence, key),
    };

    // Up to this many elements, scanning an array for each key beats building a set of it.
    private const int SmallArray = 8;

    private static System.Func<TableObject, object, bool> SetComparison(string name) => name switch
    {
        "SetEquals" => (set, other) => AllMine(set, other) && AllTheirs(set, other),
        "IsSubsetOf" => AllMine,
        "IsSupersetOf" => AllTheirs,
        "IsProperSubsetOf" => (set, other) => AllMine(set, other) && !AllTheirs(set, other),
        "IsProperSupersetOf" => (set, other) => AllTheirs(set, other) && !AllMine(set, other),
        _ => (set, other) => !NoneMine(set, other),
    };

    // Whether every key of the set is in the other (a set or a small array).
    private static bool AllMine(TableObject set, object other)
    {
        for (int slot = 0; slot < set.End; slot++)
        {
            if (set.IsUsed(slot) && !Holds(other, set.KeyAt(slot), set.KeyType))
            {
                return false;
            }
        }

        return true;
    }

    // Whether no key of the set is in the other.
    private static bool NoneMine(TableObject set, object other)
    {
        for (int slot = 0; slot < set.End; slot++)
        {
            if (set.IsUsed(slot) && Holds(other, set.KeyAt(slot), set.KeyType))
            {
                return false;
            }
        }

        return true;
    }

    // Whether every element of the other is in the set.
    private static bool AllTheirs(TableObject set, object other)
    {
        if (other is ArrayObject array)
        {
            foreach (var item in array.Items)
            {
                if (set.Find(item) < 0)
                {
                    return false;
                }
            }

            return true;
        }

        var table = (TableObject)other;
        for (int slot = 0; slot < table.End; slot++)
        {
            if (table.IsUsed(slot) && set.Find(table.KeyAt(slot)) < 0)
            {
                return false;
            }
        }

        return true;
    }

    private static bool Holds(object other, Value key, VType keyType)
    {
        if (other is TableObject table)
        {
            return table.Find(key) >= 0;
        }

        foreach (var item in ((ArrayObject)other).Items)
        {
            if (keyType.Equal(item, key))
            {
                return true;
            }
        }

        return false;
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
