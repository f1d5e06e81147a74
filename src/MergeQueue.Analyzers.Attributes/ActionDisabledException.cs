using System;

namespace MergeQueue.Analyzers;

/// <summary>Thrown by <see cref="Spec.Require(bool)"/> when an action runs where it is not enabled.</summary>
public sealed class ActionDisabledException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ActionDisabledException()
        : base("The action is not enabled in this state (a Spec.Require condition is false).")
    {
    }
}
