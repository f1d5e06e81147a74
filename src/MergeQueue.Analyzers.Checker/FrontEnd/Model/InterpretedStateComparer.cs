using System.Collections.Generic;
using MergeQueue.Analyzers.Engine;
using MergeQueue.Analyzers.FrontEnd.Interpreter;

namespace MergeQueue.Analyzers.FrontEnd.Model;

/// <summary>Structural equality of states: field by field, sets and dictionaries regardless of order.</summary>
internal sealed class InterpretedStateComparer(StateLayout layout) : IEqualityComparer<InterpretedState>, IStateHasher<InterpretedState>
{
    public bool Equals(InterpretedState x, InterpretedState y)
    {
        if (x.IsPacked || y.IsPacked)
        {
            // Every state of a model is packed or none is; the encoding is canonical.
            return x.IsPacked && y.IsPacked && x.Packed.Equals(y.Packed);
        }

        return ReferenceEquals(x.Fields, y.Fields) || (x.Hash == y.Hash && layout.Equal(x.Fields!, y.Fields!));
    }

    public int GetHashCode(InterpretedState obj)
    {
        long hash = obj.Hash;
        return unchecked((int)(hash ^ (hash >> 32)));
    }

    // The snapshot carries (or is) a stable 64-bit hash: the engine's table uses it as is.
    public ulong Hash64(InterpretedState state) => unchecked((ulong)state.Hash);
}
