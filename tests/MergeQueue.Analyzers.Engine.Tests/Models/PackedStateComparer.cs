using System.Collections.Generic;

namespace MergeQueue.Analyzers.Engine.Tests.Models;

/// <summary>
/// Equality of states packed into a <see cref="long"/>. The default hash of a long folds the halves with XOR,
/// which clusters the small, structured values a packed state has; a multiplicative mix spreads them.
/// </summary>
internal sealed class PackedStateComparer : IEqualityComparer<long>
{
    public static PackedStateComparer Instance { get; } = new();

    public bool Equals(long x, long y) => x == y;

    public int GetHashCode(long state) => (int)((ulong)(state * unchecked((long)0x9E3779B97F4A7C15)) >> 32);
}
