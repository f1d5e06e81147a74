using System.Collections.Generic;
using System.Runtime.CompilerServices;

namespace MergeQueue.Analyzers.FrontEnd.Values;

/// <summary>Reference identity (netstandard2.0 has no <c>ReferenceEqualityComparer</c>).</summary>
internal sealed class IdentityComparer : IEqualityComparer<object>
{
    public static readonly IdentityComparer Instance = new();

    public new bool Equals(object? x, object? y) => ReferenceEquals(x, y);

    public int GetHashCode(object obj) => RuntimeHelpers.GetHashCode(obj);
}
