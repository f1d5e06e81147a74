using System;
using MergeQueue.Analyzers.Engine.Runtime;
using MergeQueue.Analyzers.FrontEnd.Values;
using MergeQueue.Analyzers.FrontEnd.Values.Heap;

namespace MergeQueue.Analyzers.FrontEnd.Interpreter;

/// <summary>
/// An execution's decoded copy of a packed state. The predicates, guards and steps of one state run one after the
/// other on it: decoded once, and put back by copying after each run that wrote it, which is cheaper than decoding.
/// </summary>
internal sealed class PackedScratch(PackedFields packing, int fieldCount)
{
    private readonly ArrayObject?[] arrays = new ArrayObject?[fieldCount];
    private readonly Value[] decoded = new Value[fieldCount];
    private readonly Value[]?[] decodedItems = new Value[]?[fieldCount];
    private PackedState state;
    private bool holds;
    private bool written;

    /// <summary>Makes <paramref name="fields"/> hold <paramref name="packed"/>, in arrays this object owns.</summary>
    public void Load(PackedState packed, Value[] fields)
    {
        if (holds && state.Equals(packed))
        {
            if (written)
            {
                Restore(fields);
            }

            return;
        }

        packing.Load(packed, fields, arrays);
        Array.Copy(fields, decoded, fields.Length);
        for (int i = 0; i < fields.Length; i++)
        {
            if (fields[i].Ref is ArrayObject array)
            {
                var items = decodedItems[i];
                if (items is null || items.Length != array.Items.Length)
                {
                    items = decodedItems[i] = new Value[array.Items.Length];
                }

                Array.Copy(array.Items, items, items.Length);
            }
        }

        state = packed;
        holds = true;
        written = false;
    }

    /// <summary>A run may write the fields from now on.</summary>
    public void Written() => written = true;

    /// <summary>The fields were overwritten by other means.</summary>
    public void Forget() => holds = false;

    private void Restore(Value[] fields)
    {
        // A run may have put other arrays (or null) in the fields: each field gets its own array back.
        Array.Copy(decoded, fields, fields.Length);
        for (int i = 0; i < fields.Length; i++)
        {
            if (decoded[i].Ref is ArrayObject array)
            {
                var items = decodedItems[i]!;
                Array.Copy(items, array.Items, items.Length);
            }
        }

        written = false;
    }
}
