using System.Runtime.CompilerServices;

namespace MergeQueue.Analyzers;

/// <summary>Helpers for model code: guards and assertions the checker understands.</summary>
public static class Spec
{
    /// <summary>
    /// The guard of an action: when <paramref name="condition"/> is false the action is not enabled in this
    /// state and its writes are discarded. Outside the checker it throws <see cref="ActionDisabledException"/>.
    /// </summary>
    /// <param name="condition">The condition under which the action may run.</param>
    /// <param name="expression">Filled in by the compiler: the condition's source text, for the reason a generated explorer reports.</param>
    /// <param name="line">Filled in by the compiler: the line of the call.</param>
    public static void Require(
        bool condition,
        [CallerArgumentExpression(nameof(condition))] string? expression = null,
        [CallerLineNumber] int line = 0)
    {
        if (!condition)
        {
            throw new ActionDisabledException(expression, line);
        }
    }

    /// <summary>A condition that must hold wherever it is reached; false is a violation (SM0004).</summary>
    /// <param name="condition">The condition.</param>
    /// <param name="message">What went wrong, shown in the diagnostic.</param>
    public static void Assert(bool condition, string? message = null)
    {
        if (!condition)
        {
            throw new ModelAssertionException(message ?? "Assert failed");
        }
    }
}
