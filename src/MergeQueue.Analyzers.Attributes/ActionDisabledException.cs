using System;

namespace MergeQueue.Analyzers;

/// <summary>Thrown by <see cref="Spec.Require(bool, string?, int)"/> when an action runs where it is not enabled.</summary>
public sealed class ActionDisabledException : Exception
{
    private const string DefaultMessage = "The action is not enabled in this state (a Spec.Require condition is false).";

    /// <summary>Creates the exception.</summary>
    public ActionDisabledException()
        : base(DefaultMessage)
    {
    }

    /// <summary>Creates the exception for the <c>Require</c> whose condition was false.</summary>
    /// <param name="expression">The condition's source text, or null when the compiler did not supply it.</param>
    /// <param name="line">The line of the <c>Require</c> call, or 0 when unknown.</param>
    public ActionDisabledException(string? expression, int line)
        : base(DefaultMessage)
    {
        Expression = expression;
        Line = line;
    }

    /// <summary>The source text of the condition that was false, as the compiler captured it; null when unknown.</summary>
    public string? Expression { get; }

    /// <summary>The source line (1-based) of the <c>Require</c> call; 0 when unknown.</summary>
    public int Line { get; }
}
