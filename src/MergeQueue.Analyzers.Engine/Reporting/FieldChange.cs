namespace MergeQueue.Analyzers;

/// <summary>One state field as a trace step shows it.</summary>
/// <param name="Field">The field name.</param>
/// <param name="Value">Its value after the step, formatted by the model.</param>
public sealed record FieldChange(string Field, string Value)
{
    /// <summary>Its value before the step; null in the initial state.</summary>
    public string? Before { get; init; }

    /// <summary>
    /// The change as the trace prints it: <c>time = 2</c>; for a collection printed in more than 60 characters, what
    /// changed inside it: <c>queue[2]: added PR(3, Waiting)</c>, <c>votes: +{(1, 2)}</c>.
    /// </summary>
    public override string ToString() =>
        (Before is null ? null : CollectionChange.Describe(Field, Before, Value)) ?? Field + " = " + Value;
}
