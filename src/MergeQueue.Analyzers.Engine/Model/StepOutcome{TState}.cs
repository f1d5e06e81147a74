namespace MergeQueue.Analyzers.Engine;

/// <summary>The result of running an action instance (or of building the initial state).</summary>
/// <typeparam name="TState">The model's state type.</typeparam>
public readonly struct StepOutcome<TState>
{
    private StepOutcome(StepOutcomeKind kind, TState successor, DisabledReason? reason, Failure? failure)
    {
        Kind = kind;
        Successor = successor;
        Reason = reason;
        Failure = failure;
    }

    /// <summary>How the execution ended.</summary>
    public StepOutcomeKind Kind { get; }

    /// <summary>The new state when <see cref="Kind"/> is <see cref="StepOutcomeKind.Enabled"/>.</summary>
    public TState Successor { get; }

    /// <summary>Why it is disabled, when <see cref="Kind"/> is <see cref="StepOutcomeKind.Disabled"/>.</summary>
    public DisabledReason? Reason { get; }

    /// <summary>What failed, when <see cref="Kind"/> is <see cref="StepOutcomeKind.Failed"/>.</summary>
    public Failure? Failure { get; }

    /// <summary>An enabled step to <paramref name="successor"/>.</summary>
    public static StepOutcome<TState> Enabled(TState successor) => new(StepOutcomeKind.Enabled, successor, null, null);

    /// <summary>A disabled step.</summary>
    public static StepOutcome<TState> Disabled(DisabledReason reason) => new(StepOutcomeKind.Disabled, default!, reason, null);

    /// <summary>A failed step.</summary>
    public static StepOutcome<TState> Failed(Failure failure) => new(StepOutcomeKind.Failed, default!, null, failure);
}
