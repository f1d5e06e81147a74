using MergeQueue.Analyzers.Engine.Runtime;
using MergeQueue.Analyzers.FrontEnd.Interpreter.Packing;
using MergeQueue.Analyzers.FrontEnd.Values;

namespace MergeQueue.Analyzers.FrontEnd.Interpreter;

/// <summary>The fields of a model beyond scalars and arrays of them: one codec per field.</summary>
internal sealed partial class PackedFields
{
    private readonly ValueCodec[]? codecs;

    // Field i's codecs are numbered firstCodec[i] to firstCodec[i + 1] - 1.
    private readonly int[]? firstCodec;

    // Whether one mutable object could be reached from two places (two fields that may hold one, or a field whose
    // objects hold objects), which encoding must then look for.
    private readonly bool tracking;

    /// <summary>How many codecs the fields have: the size of a <see cref="PackContext"/> for them.</summary>
    public int CodecCount { get; }

    /// <summary>
    /// Decodes the fields of <paramref name="state"/> that <paramref name="fieldsToRead"/> marks (bit 63: field 63
    /// and all past it) into <paramref name="fields"/>, in objects of <paramref name="context"/>'s pools; the others
    /// are left as they are.
    /// </summary>
    public void Load(PackedState state, Value[] fields, PackContext context, ulong fieldsToRead)
    {
        var reader = new StateReader(state);
        for (int i = 0; i < fields.Length; i++)
        {
            var codec = codecs![i];
            if ((fieldsToRead & (1UL << System.Math.Min(i, 63))) == 0)
            {
                codec.Skip(ref reader);
                continue;
            }

            context.Rewind(firstCodec![i], firstCodec[i + 1]);
            fields[i] = codec.Read(ref reader, context);
        }
    }

    private PackedState StoreWithCodecs(Value[] fields, StateWriter writer, PackContext context, bool checkSharing)
    {
        writer.Reset();
        context.BeginEncoding(tracking && checkSharing);
        for (int i = 0; i < fields.Length; i++)
        {
            context.Field = i;
            codecs![i].Write(fields[i], writer, context);
        }

        if (context.Shared is { } shared)
        {
            context.BeginEncoding(false);
            throw Errors.Shared(layout.Names[shared.First], layout.Names[shared.Second]);
        }

        return writer.ToPacked();
    }

    private static bool Tracking(StateLayout layout)
    {
        int mutable = 0;
        for (int i = 0; i < layout.Count; i++)
        {
            if (!layout.Flat[i])
            {
                return true;
            }

            mutable += layout.Types[i].HasMutableParts ? 1 : 0;
        }

        return mutable > 1;
    }
}
