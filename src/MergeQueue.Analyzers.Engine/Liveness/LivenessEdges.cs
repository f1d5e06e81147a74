using System;
using System.Runtime.CompilerServices;

namespace MergeQueue.Analyzers.Engine;

/// <summary>
/// The target and the action instance of each edge of a <see cref="LivenessGraph"/>, added in edge order: in arrays,
/// or in a temporary file mapped into memory (<see cref="EdgeFile"/>), as TLC keeps its behavior graph on disk.
/// </summary>
/// <remarks>
/// In memory an instance takes one byte when the model has at most 256 action instances (two up to 65,536), as in the
/// graph the search recorded. The file is deleted on <see cref="Dispose"/>, which the liveness search calls when it
/// ends however it ends.
/// </remarks>
internal sealed class LivenessEdges : IDisposable
{
    private readonly int[]? targets;
    private readonly byte[]? byteInstances;
    private readonly ushort[]? shortInstances;
    private readonly int[]? intInstances;
    private readonly EdgeFile? file;

    // In memory: the number of edges there is room for, which must all be added.
    private readonly int capacity;

    private LivenessEdges(int count, int instanceBound, EdgeFile? file)
    {
        this.file = file;
        if (file is not null)
        {
            return;
        }

        capacity = count;
        targets = new int[count];
        if (instanceBound <= 1 << 8)
        {
            byteInstances = new byte[count];
        }
        else if (instanceBound <= 1 << 16)
        {
            shortInstances = new ushort[count];
        }
        else
        {
            intInstances = new int[count];
        }
    }

    /// <summary>The number of edges added so far.</summary>
    internal int Count { get; private set; }

    /// <summary>True when the edges are in a file.</summary>
    internal bool IsInFile => file is not null;

    /// <summary>The file's path while it exists; null in memory (for tests).</summary>
    internal string? FilePath => file?.Path;

    /// <summary>Room for <paramref name="count"/> edges in memory.</summary>
    /// <param name="count">The number of edges.</param>
    /// <param name="instanceBound">Every action instance added is below this.</param>
    internal static LivenessEdges InMemory(int count, int instanceBound) => new(count, instanceBound, null);

    /// <summary>Edges in a temporary file in <paramref name="directory"/>, as many as are added; null when no file can be created there.</summary>
    internal static LivenessEdges? InFile(string directory, int instanceBound) =>
        EdgeFile.TryCreate(directory, instanceBound) is EdgeFile file ? new(0, instanceBound, file) : null;

    /// <summary>Adds the next edge. In a file this may throw an <see cref="System.IO.IOException"/> (a full disk, say).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal void Add(int target, int instance)
    {
        if (file is not null)
        {
            file.Add(target, instance);
        }
        else
        {
            targets![Count] = target;
            if (byteInstances is not null)
            {
                byteInstances[Count] = (byte)instance;
            }
            else if (shortInstances is not null)
            {
                shortInstances[Count] = (ushort)instance;
            }
            else
            {
                intInstances![Count] = instance;
            }
        }

        Count++;
    }

    /// <summary>Every edge was added: a file is mapped for reading.</summary>
    internal void Complete()
    {
        if (file is null && Count != capacity)
        {
            throw new InvalidOperationException("The liveness graph expected " + capacity + " edges and was given " + Count + ".");
        }

        file?.Map();
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal int Target(int edge) => targets is not null ? targets[edge] : file!.Target(edge);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal int Instance(int edge) =>
        byteInstances is not null ? byteInstances[edge]
        : shortInstances is not null ? shortInstances[edge]
        : intInstances is not null ? intInstances[edge]
        : file!.Instance(edge);

    /// <summary>Deletes the file, if there is one.</summary>
    public void Dispose() => file?.Dispose();
}
