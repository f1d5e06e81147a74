using System;

namespace MergeQueue.Analyzers;

/// <summary>The domain of a parameter as an explicit list of values (integers, strings or enum values), in checking order.</summary>
/// <param name="values">The values, in the order the checker tries them.</param>
[AttributeUsage(AttributeTargets.Parameter, Inherited = false)]
public sealed class ValuesAttribute(params object[] values) : Attribute
{
    /// <summary>The values of the domain.</summary>
    public object[] Values { get; } = values;
}
