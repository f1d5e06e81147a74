using System;

namespace MergeQueue.Analyzers;

/// <summary>
/// On an action parameter: the action's fairness holds for each value of this parameter separately, like a
/// PlusCal <c>fair process</c> set (<c>void Step([Process][Range(0, 1)] int self)</c>).
/// </summary>
[AttributeUsage(AttributeTargets.Parameter, Inherited = false)]
public sealed class ProcessAttribute : Attribute
{
}
