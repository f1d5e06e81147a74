using System.Collections.Generic;
using MergeQueue.Analyzers.Engine;
using MergeQueue.Analyzers.FrontEnd.Interpreter;

namespace MergeQueue.Analyzers.FrontEnd.Model;

/// <summary>Structural equality of states: field by field, sets and dictionaries regardless of order.</summary>
internal sealed class InterpretedStateComparer(StateLayout layout) : IEqualityComparer<InterpretedState>, IStateHasher<InterpretedState>
{
    public bool Equals(InterpretedState? x, InterpretedState? y)
    {
        if (ReferenceEquals(x, y))
        {
            return true;
        }

        return x is not null && y is not null && x.Hash == y.Hash && layout.Equal(x.Fields, y.Fields);
    }

    public int GetHashCode(InterpretedState obj) => unchecked((int)(obj.Hash ^ (obj.Hash >> 32)));

    // The snapshot already carries a stable 64-bit hash: the engine's table uses it as is.
    public ulong Hash64(InterpretedState state) => unchecked((ulong)state.Hash);
}
