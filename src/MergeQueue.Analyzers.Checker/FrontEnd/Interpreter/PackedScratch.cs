using System;
using MergeQueue.Analyzers.Engine.Runtime;
using MergeQueue.Analyzers.FrontEnd.Interpreter.Packing;
using MergeQueue.Analyzers.FrontEnd.Values;
using MergeQueue.Analyzers.FrontEnd.Values.Heap;

namespace MergeQueue.Analyzers.FrontEnd.Interpreter;

/// <summary>
/// An execution's decoded copy of a packed state. The predicates, guards and steps of one state run one after the
/// other on it: decoded once, and put back after each run that wrote it — by copying for a model of scalars and
/// arrays of them, which is cheaper than decoding, else by decoding again the fields the run may have written, into
/// the objects they were decoded into (<see cref="PackContext"/>).
/// </summary>
/// <remarks>
/// A run may write only fields it marks (<see cref="Written"/>; reading an object for anything but a peek marks
/// it), so an object of a field not marked has not been touched, nor put anywhere else.
/// </remarks>
internal sealed class PackedScratch(PackedFields packing, int fieldCount)
{
    private readonly PackContext? context = packing.Simple ? null : new PackContext(packing.CodecCount);

    private readonly ArrayObject?[] arrays = new ArrayObject?[fieldCount];
    private readonly Value[] decoded = new Value[fieldCount];
    private readonly Value[]?[] decodedItems = new Value[]?[fieldCount];
    private PackedState state;
    private bool holds;

    /// <summary>The run's cancellation, looked at before long values are decoded, copied back or encoded.</summary>
    public System.Threading.CancellationToken Cancellation
    {
        get => cancellation;
        set
        {
            cancellation = value;
            if (context is not null)
            {
                context.Cancellation = value;
            }
        }
    }

    private System.Threading.CancellationToken cancellation;

    // The fields a run may have written since the state was put in place (bit 63: field 63 and all past it).
    private ulong written;

    /// <summary>Makes <paramref name="fields"/> hold <paramref name="packed"/>, in arrays this object owns.</summary>
    public void Load(PackedState packed, Value[] fields)
    {
        if (holds && state.Equals(packed))
        {
            if (written != 0)
            {
                Restore(packed, fields);
            }

            return;
        }

        state = packed;
        holds = true;
        written = 0;
        if (context is not null)
        {
            packing.Load(packed, fields, context, ulong.MaxValue);
            return;
        }

        packing.Load(packed, fields, arrays, cancellation);
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
    }

    /// <summary>The fields as a state (see <see cref="PackedFields.Store"/>).</summary>
    public PackedState Store(Value[] fields, StateWriter writer, bool checkSharing) => packing.Store(fields, writer, context, checkSharing, cancellation);

    /// <summary>A run may write <paramref name="field"/> from now on.</summary>
    public void Written(int field) => written |= 1UL << Math.Min(field, 63);

    /// <summary>The fields were overwritten by other means.</summary>
    public void Forget() => holds = false;

    private void Restore(PackedState packed, Value[] fields)
    {
        if (context is not null)
        {
            packing.Load(packed, fields, context, written);
            written = 0;
            return;
        }

        // A run may have put other arrays (or null) in the fields: each field written gets its own array back.
        for (int i = 0; i < fields.Length; i++)
        {
            if ((written & (1UL << Math.Min(i, 63))) == 0)
            {
                continue;
            }

            fields[i] = decoded[i];
            if (decoded[i].Ref is ArrayObject array)
            {
                var items = decodedItems[i]!;
                LongValues.Check(items.Length, cancellation);
                Array.Copy(items, array.Items, items.Length);
            }
        }

        written = 0;
    }
}
