using System;

namespace MergeQueue.Analyzers;

/// <summary>
/// Marks a class as a model: every instance field is state, <see cref="ActionAttribute"/> methods are the
/// steps, and the checker explores every reachable state at build time.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class StateMachineAttribute : Attribute
{
    /// <summary>Largest number of distinct states to explore; 0 uses the project default (<c>MergeQueueMaxStates</c>).</summary>
    public int MaxStates { get; set; }

    /// <summary>Largest number of steps from the initial state to explore; 0 means no limit.</summary>
    public int MaxDepth { get; set; }

    /// <summary>
    /// Whether a reachable state with no enabled action and no <see cref="TerminalAttribute"/> member holding is an
    /// error (SM0002); true by default. False is TLC's <c>CHECK_DEADLOCK FALSE</c>.
    /// </summary>
    public bool CheckStuck { get; set; } = true;
}
