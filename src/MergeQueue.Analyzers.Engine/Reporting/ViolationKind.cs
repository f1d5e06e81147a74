namespace MergeQueue.Analyzers;

/// <summary>The kinds of <see cref="Violation"/>.</summary>
public enum ViolationKind
{
    /// <summary>An <c>[Invariant]</c> is false in a reachable state (SM0001).</summary>
    InvariantViolated,

    /// <summary>A reachable state has no enabled action and no <c>[Terminal]</c> member holds there (SM0002).</summary>
    Stuck,

    /// <summary>An <c>[Eventually]</c>, <c>[AlwaysEventually]</c> or <c>[LeadsTo]</c> property fails on a fair behavior (SM0003).</summary>
    LivenessViolated,

    /// <summary>An action or property threw, failed an <c>Assert</c>, or ran past its step budget (SM0004).</summary>
    ExecutionFailed,

    /// <summary>A <c>[Reachable]</c> property holds in no reachable state (SM0007).</summary>
    NeverReached,

    /// <summary>A <c>[StepInvariant]</c> is false for a step; the trace ends with that step (SM0008).</summary>
    StepInvariantViolated,
}
