namespace MergeQueue.Analyzers;

/// <summary>One state field as a trace step shows it.</summary>
/// <param name="Field">The field name.</param>
/// <param name="Value">Its value after the step, formatted by the model.</param>
public sealed record FieldChange(string Field, string Value)
{
    /// <summary>The change as the trace prints it: <c>time = 2</c>.</summary>
    public override string ToString() => Field + " = " + Value;
}
