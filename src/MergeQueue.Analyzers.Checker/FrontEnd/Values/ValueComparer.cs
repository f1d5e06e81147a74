using System.Collections.Generic;

namespace MergeQueue.Analyzers.FrontEnd.Values;

/// <summary>Value equality of one type, for the index of large sets and dictionaries.</summary>
internal sealed class ValueComparer(VType type) : IEqualityComparer<Value>
{
    public bool Equals(Value x, Value y) => type.Equal(x, y);

    public int GetHashCode(Value obj)
    {
        long hash = type.Hash(obj);
        return unchecked((int)(hash ^ (hash >> 32)));
    }
}
