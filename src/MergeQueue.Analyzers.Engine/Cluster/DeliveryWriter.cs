using System.Collections.Generic;
using MergeQueue.Analyzers.Engine.Runtime;

namespace MergeQueue.Analyzers.Engine.Cluster;

/// <summary>
/// Writes one delivery from a shard to another: its sender and request count, then per successor the parent's local
/// number, the action instance, and the state, or, for a state this delivery already carries (breadth-first levels
/// reach most states many times), 1 + its position among the states carried instead of its bytes.
/// </summary>
internal sealed class DeliveryWriter
{
    private readonly MessageWriter bytes = new(256);
    private readonly Dictionary<KeyedState, int> carried;

    internal DeliveryWriter(int sender, int batch, IEqualityComparer<PackedState> states)
    {
        carried = new Dictionary<KeyedState, int>(new KeyedStateComparer(states));
        bytes.Number((ulong)sender);
        bytes.Number((ulong)batch);
    }

    /// <summary>The successors written.</summary>
    internal long Successors { get; private set; }

    /// <param name="parent">The local number of the state expanded.</param>
    /// <param name="instance">The action instance of the step.</param>
    /// <param name="state">The successor.</param>
    /// <param name="key">Its table key, already computed.</param>
    internal void Add(int parent, int instance, PackedState state, ulong key)
    {
        bytes.Count(parent);
        bytes.Index(instance);
        var keyed = new KeyedState(key, state);
        if (carried.TryGetValue(keyed, out int position))
        {
            bytes.Count(position + 1);
        }
        else
        {
            carried.Add(keyed, carried.Count);
            bytes.Count(0);
            bytes.State(state);
        }

        Successors++;
    }

    internal byte[] ToArray() => bytes.ToArray();

    private readonly record struct KeyedState(ulong Key, PackedState State);

    /// <summary>Equal keys and equal states; the key, computed once by the expansion, is the hash.</summary>
    private sealed class KeyedStateComparer(IEqualityComparer<PackedState> states) : IEqualityComparer<KeyedState>
    {
        public bool Equals(KeyedState x, KeyedState y) => x.Key == y.Key && states.Equals(x.State, y.State);

        public int GetHashCode(KeyedState value) => unchecked((int)value.Key ^ (int)(value.Key >> 32));
    }
}
