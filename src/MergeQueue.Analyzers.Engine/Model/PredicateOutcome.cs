namespace MergeQueue.Analyzers.Engine;

/// <summary>The result of evaluating a predicate: its value, or the failure that stopped it.</summary>
public readonly struct PredicateOutcome
{
    private PredicateOutcome(bool value, Failure? failure)
    {
        Value = value;
        Failure = failure;
    }

    /// <summary>The predicate's value when it did not fail.</summary>
    public bool Value { get; }

    /// <summary>What failed, or null.</summary>
    public Failure? Failure { get; }

    /// <summary>True.</summary>
    public static PredicateOutcome True { get; } = new(true, null);

    /// <summary>False.</summary>
    public static PredicateOutcome False { get; } = new(false, null);

    /// <summary>The outcome for <paramref name="value"/>.</summary>
    public static PredicateOutcome Of(bool value) => value ? True : False;

    /// <summary>A failed evaluation.</summary>
    public static PredicateOutcome Failed(Failure failure) => new(false, failure);
}
