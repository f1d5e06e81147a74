using System;

namespace MergeQueue.Analyzers;

/// <summary>The domain of an integer parameter: every value from <paramref name="min"/> to <paramref name="max"/>, both included.</summary>
/// <param name="min">The smallest value.</param>
/// <param name="max">The largest value (constants are allowed: <c>N - 1</c>).</param>
[AttributeUsage(AttributeTargets.Parameter, Inherited = false)]
public sealed class RangeAttribute(long min, long max) : Attribute
{
    /// <summary>The smallest value of the domain.</summary>
    public long Min { get; } = min;

    /// <summary>The largest value of the domain.</summary>
    public long Max { get; } = max;
}
