namespace MergeQueue.Analyzers.Engine;

/// <summary>Why an execution failed: an exception, a failed <c>Assert</c>, or a budget it ran out of.</summary>
/// <param name="Kind">What kind of failure.</param>
/// <param name="Message">One line: <c>IndexOutOfRangeException: Index was outside the bounds of the array.</c> or the Assert message.</param>
/// <param name="Site">The failing statement; opaque to the engine (the analyzer puts a <c>Location</c> here).</param>
public sealed record Failure(FailureKind Kind, string Message, object? Site);
