using System;

namespace MergeQueue.Analyzers.Engine;

/// <summary>
/// A <see cref="Column{T}"/> of indices below a bound known up front (action instances, constructor combinations),
/// each in one byte when the bound allows, else two, else four: most models have fewer than 256 action instances, so
/// the step that reached each state and the action of each edge take a byte instead of four.
/// </summary>
internal sealed class IndexColumn
{
    private readonly int bound;
    private readonly Column<byte>? bytes;
    private readonly Column<ushort>? shorts;
    private readonly Column<int>? ints;

    /// <param name="bound">Every value added is at least 0 and below this.</param>
    internal IndexColumn(int bound)
    {
        this.bound = bound;
        if (bound <= 1 << 8)
        {
            bytes = new Column<byte>();
        }
        else if (bound <= 1 << 16)
        {
            shorts = new Column<ushort>();
        }
        else
        {
            ints = new Column<int>();
        }
    }

    /// <summary>The bytes each value takes.</summary>
    internal int BytesPerValue => bytes is not null ? 1 : shorts is not null ? 2 : 4;

    internal int Count => bytes?.Count ?? shorts?.Count ?? ints!.Count;

    internal int this[int index] => bytes is not null ? bytes[index] : shorts is not null ? shorts[index] : ints![index];

    /// <summary>Drops the values below <paramref name="index"/> that <see cref="Column{T}.ReleaseBelow"/> can drop.</summary>
    internal void ReleaseBelow(int index)
    {
        bytes?.ReleaseBelow(index);
        shorts?.ReleaseBelow(index);
        ints?.ReleaseBelow(index);
    }

    /// <summary>Drops every value.</summary>
    internal void ReleaseAll()
    {
        bytes?.ReleaseAll();
        shorts?.ReleaseAll();
        ints?.ReleaseAll();
    }

    internal void Add(int value)
    {
        if ((uint)value >= (uint)bound)
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "An index column holds values from 0 to " + (bound - 1) + ".");
        }

        if (bytes is not null)
        {
            bytes.Add((byte)value);
        }
        else if (shorts is not null)
        {
            shorts.Add((ushort)value);
        }
        else
        {
            ints!.Add(value);
        }
    }
}
