namespace MergeQueue.Analyzers.Engine;

/// <summary>The kinds of <see cref="Failure"/>.</summary>
public enum FailureKind
{
    /// <summary>The model threw (index out of range, division by zero, null, checked overflow, …).</summary>
    Exception,

    /// <summary><c>Spec.Assert</c> was false.</summary>
    AssertFailed,

    /// <summary>The execution ran past <see cref="StepBudget.MaxSteps"/>: an endless loop or recursion.</summary>
    StepBudgetExceeded,

    /// <summary>
    /// The execution went past a limit of the checker that .NET itself would meet by killing the process or failing
    /// an allocation: recursion or nesting too deep for the stack, an object too large for the memory bound.
    /// </summary>
    LimitExceeded,
}
