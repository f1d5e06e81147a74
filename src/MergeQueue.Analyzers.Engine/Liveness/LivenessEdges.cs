using System;

namespace MergeQueue.Analyzers.Engine;

/// <summary>
/// The target and the action instance of each edge of a <see cref="LivenessGraph"/>, added in edge order.
/// </summary>
/// <remarks>
/// An instance takes one byte when the model has at most 256 action instances (two up to 65,536), as in the graph the
/// search recorded.
/// </remarks>
internal sealed class LivenessEdges : IDisposable
{
    private readonly int[] targets;
    private readonly byte[]? byteInstances;
    private readonly ushort[]? shortInstances;
    private readonly int[]? intInstances;

    private LivenessEdges(int count, int instanceBound)
    {
        Count = count;
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

    /// <summary>The number of edges.</summary>
    internal int Count { get; }

    /// <summary>The number of edges added so far.</summary>
    internal int Added { get; private set; }

    /// <summary>Room for <paramref name="count"/> edges in memory.</summary>
    /// <param name="count">The number of edges.</param>
    /// <param name="instanceBound">Every action instance added is below this.</param>
    internal static LivenessEdges InMemory(int count, int instanceBound) => new(count, instanceBound);

    /// <summary>Adds the next edge.</summary>
    internal void Add(int target, int instance)
    {
        targets[Added] = target;
        if (byteInstances is not null)
        {
            byteInstances[Added] = (byte)instance;
        }
        else if (shortInstances is not null)
        {
            shortInstances[Added] = (ushort)instance;
        }
        else
        {
            intInstances![Added] = instance;
        }

        Added++;
    }

    /// <summary>Every edge was added.</summary>
    internal void Complete()
    {
        if (Added != Count)
        {
            throw new InvalidOperationException("The liveness graph expected " + Count + " edges and was given " + Added + ".");
        }
    }

    internal int Target(int edge) => targets[edge];

    internal int Instance(int edge) =>
        byteInstances is not null ? byteInstances[edge]
        : shortInstances is not null ? shortInstances[edge]
        : intInstances![edge];

    /// <summary>Nothing to release while the edges are in memory.</summary>
    public void Dispose()
    {
    }
}
