using System.Collections.Generic;
using MergeQueue.Analyzers.FrontEnd.Values;
using MergeQueue.Analyzers.FrontEnd.Values.Types;

namespace MergeQueue.Analyzers.FrontEnd.Interpreter;

/// <summary>The state fields of a model (names as written, interpreter types) and its static values.</summary>
internal sealed class StateLayout
{
    public StateLayout(IReadOnlyList<string> names, VType[] types)
    {
        Names = names;
        Types = types;
        Flat = new bool[types.Length];
        for (int i = 0; i < types.Length; i++)
        {
            // A flat collection holds no mutable object, so it cannot share one with itself.
            Flat[i] = !types[i].HasMutableParts
                || (types[i] is IndexedCollectionType indexed && !indexed.Element.HasMutableParts)
                || (types[i] is TableType table && table.ValueType is not { HasMutableParts: true });
        }

        Packing = PackedFields.For(this);
    }

    public IReadOnlyList<string> Names { get; }

    public VType[] Types { get; }

    public bool[] Flat { get; }

    public int Count => Types.Length;

    /// <summary>How states are encoded when every field's kind has an encoding; else null (frozen values).</summary>
    public PackedFields? Packing { get; }

    /// <summary>The values of the model's static fields, computed once when the model is compiled.</summary>
    public Value[] Statics { get; set; } = System.Array.Empty<Value>();

    /// <summary>
    /// Whether an action may leave one mutable object in two places (<see cref="Shape.StepSharing"/>): when not, a
    /// step's successor is encoded without looking for it, as the generated explorer does.
    /// </summary>
    public bool StepsMayShare { get; set; } = true;

    public long Hash(Value[] fields)
    {
        long hash = Hashing.Seed;
        for (int i = 0; i < fields.Length; i++)
        {
            hash = Hashing.Combine(hash, Types[i].Hash(fields[i]));
        }

        return Hashing.Mix(hash);
    }

    public bool Equal(Value[] a, Value[] b)
    {
        for (int i = 0; i < a.Length; i++)
        {
            var x = a[i];
            var y = b[i];
            if (x.Bits != y.Bits || (!ReferenceEquals(x.Ref, y.Ref) && !Types[i].Equal(x, y)))
            {
                return false;
            }
        }

        return true;
    }
}
