using System;

namespace MergeQueue.Analyzers.Engine.Runtime;

/// <summary>
/// A value nested deeper than <see cref="ValueDepth.MaxDepth"/> was walked; reported as a
/// <see cref="FailureKind.LimitExceeded"/> failure of the step that made it.
/// </summary>
public sealed class ValueTooDeepException : Exception
{
    /// <summary>Creates the exception with <see cref="ValueDepth.TooDeepMessage"/>.</summary>
    public ValueTooDeepException()
        : base(ValueDepth.TooDeepMessage)
    {
    }

    /// <summary>The failure a report shows.</summary>
    public Failure Failure => new(FailureKind.LimitExceeded, Message, null);
}
