using System;

namespace MergeQueue.Analyzers;

/// <summary>Thrown by <see cref="Spec.Assert(bool, string?)"/> when its condition is false.</summary>
public sealed class ModelAssertionException : Exception
{
    /// <summary>Creates the exception with the assertion's message.</summary>
    /// <param name="message">What went wrong.</param>
    public ModelAssertionException(string message)
        : base(message)
    {
    }
}
