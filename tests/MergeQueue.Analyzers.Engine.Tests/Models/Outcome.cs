using MergeQueue.Analyzers.Engine;

namespace MergeQueue.Analyzers.Engine.Tests.Models;

/// <summary>Step outcomes as a model's action body would produce them, written the way the user's C# reads.</summary>
internal static class Outcome
{
    public static StepOutcome<T> To<T>(T successor) => StepOutcome<T>.Enabled(successor);

    /// <summary>A failed <c>Require(guard)</c> at <paramref name="line"/>, worded as the front end words it.</summary>
    public static StepOutcome<T> Disabled<T>(string guard, int line) =>
        StepOutcome<T>.Disabled(new DisabledReason("Require(" + guard + ") is false (line " + line + ")", "line " + line));

    /// <summary><c>Require(condition); return next;</c></summary>
    public static StepOutcome<T> Require<T>(bool condition, string guard, int line, T next) =>
        condition ? To(next) : Disabled<T>(guard, line);

    public static StepOutcome<T> Throws<T>(string exception, string site) =>
        StepOutcome<T>.Failed(new Failure(FailureKind.Exception, exception, site));

    public static StepOutcome<T> AssertFails<T>(string message, string site) =>
        StepOutcome<T>.Failed(new Failure(FailureKind.AssertFailed, message, site));

    public static StepOutcome<T> RunsForever<T>(string site) =>
        StepOutcome<T>.Failed(new Failure(FailureKind.StepBudgetExceeded, "step budget exceeded", site));
}
