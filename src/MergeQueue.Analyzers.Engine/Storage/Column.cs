namespace MergeQueue.Analyzers.Engine;

/// <summary>
/// A growable array in fixed-size segments: appending never copies what is stored (no doubling spikes, no large
/// copies), and segments below a point can be released when their values are no longer needed.
/// </summary>
internal sealed class Column<T>
{
    private const int Shift = 15;
    private const int SegmentSize = 1 << Shift;
    private const int Mask = SegmentSize - 1;

    private T[]?[] segments = new T[]?[8];

    // The segments below this one are dropped already, so that releasing as a search goes costs nothing per call.
    private int released;

    /// <summary>The number of values appended.</summary>
    internal int Count { get; private set; }

    internal T this[int index]
    {
        get => segments[index >> Shift]![index & Mask];
        set => segments[index >> Shift]![index & Mask] = value;
    }

    /// <summary>True when the value at <paramref name="index"/> is still stored (not released).</summary>
    internal bool IsStored(int index) => index < Count && segments[index >> Shift] is not null;

    internal void Add(T value)
    {
        int segment = Count >> Shift;
        if (segment == segments.Length)
        {
            System.Array.Resize(ref segments, segments.Length * 2);
        }

        T[]? values = segments[segment];
        if (values is null)
        {
            values = new T[SegmentSize];
            segments[segment] = values;
        }

        values[Count & Mask] = value;
        Count++;
    }

    /// <summary>Drops the segments that hold only values below <paramref name="index"/>.</summary>
    internal void ReleaseBelow(int index)
    {
        for (; released < (index >> Shift); released++)
        {
            segments[released] = null;
        }
    }

    /// <summary>Drops every segment; <see cref="Count"/> stays, and no value can be read any more.</summary>
    internal void ReleaseAll()
    {
        System.Array.Clear(segments, 0, segments.Length);
    }

    /// <summary>The bytes the stored segments take (for statistics).</summary>
    internal long StoredBytes(int bytesPerValue)
    {
        long bytes = 0;
        foreach (T[]? values in segments)
        {
            bytes += values is null ? 0 : (long)values.Length * bytesPerValue;
        }

        return bytes;
    }
}
