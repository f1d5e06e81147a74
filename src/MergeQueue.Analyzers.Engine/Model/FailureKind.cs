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
}
