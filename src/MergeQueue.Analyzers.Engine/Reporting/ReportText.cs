using System;
using System.Globalization;

namespace MergeQueue.Analyzers.Engine;

/// <summary>
/// Every sentence the engine writes, in one place so the analyzer and the generated explorer say the same
/// thing byte for byte. Invariant culture throughout.
/// </summary>
internal static class ReportText
{
    internal const string InitialStateLabel = "initial state";
    internal const string NoActionEnabled = "no action is enabled:";
    internal const string TerminalHint = "(add a [Terminal] member if this is an intended final state)";

    /// <summary>A count with thousands separators: <c>1,000,000</c>.</summary>
    internal static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary><c>in the initial state</c>, <c>after 1 step</c>, <c>after 7 steps</c>.</summary>
    internal static string AfterSteps(int steps) => steps switch
    {
        0 => "in the initial state",
        1 => "after 1 step",
        _ => "after " + Count(steps) + " steps",
    };

    /// <summary>How messages name a property: <c>Invariant 'X'</c>, <c>[Reachable] 'X'</c>.</summary>
    internal static string Property(PropertyKind kind, string display) =>
        kind == PropertyKind.Invariant ? "Invariant '" + display + "'" : "[" + kind + "] '" + display + "'";

    internal static string InvariantViolated(string display, int steps) =>
        "Invariant '" + display + "' is violated " + AfterSteps(steps);

    internal static string Stuck(string model, int steps, bool hasTerminal) =>
        "'" + model + "' is stuck " + AfterSteps(steps) + ": no action is enabled"
        + (hasTerminal ? " and no [Terminal] member holds" : "");

    internal static string NeverReached(string display, long states) => states == 1
        ? "[Reachable] '" + display + "' does not hold in the only reachable state"
        : "[Reachable] '" + display + "' holds in none of the " + Count(states) + " reachable states";

    internal static string NeverEnabled(string action, long states) => states == 1
        ? "Action '" + action + "' is never enabled in the only reachable state"
        : "Action '" + action + "' is never enabled in any of the " + Count(states) + " reachable states";

    internal static string Statistics(string model, long states, long transitions, int depth, TimeSpan elapsed) =>
        "'" + model + "': " + Count(states) + " distinct states, " + Count(transitions) + " transitions, depth "
        + depth.ToString(CultureInfo.InvariantCulture) + ", " + Count((long)elapsed.TotalMilliseconds) + " ms";

    internal static string Bound(string model, ExplorationBound bound, ExplorationOptions options, long states, int depth) =>
        "'" + model + "' was not fully explored: " + BoundReached(bound, options) + "; " + Count(states)
        + (states == 1 ? " distinct state, depth " : " distinct states, depth ") + depth.ToString(CultureInfo.InvariantCulture)
        + " explored; results cover only the explored states";

    /// <summary>Appended to the bound message: a <c>[Reachable]</c> property not seen yet is not yet a violation.</summary>
    internal static string NotReachedYet(string display) =>
        "[Reachable] '" + display + "' holds in none of them so far";

    /// <summary>What a failure did, after the name of what failed: <c>threw X: m</c>, <c>ran past 100,000 steps</c>.</summary>
    internal static string FailureVerb(Failure failure, long maxSteps) => failure.Kind switch
    {
        FailureKind.AssertFailed => failure.Message.Length == 0 ? "failed an Assert" : "failed an Assert: " + failure.Message,
        FailureKind.StepBudgetExceeded => "ran past " + Count(maxSteps) + " steps",
        _ => "threw " + failure.Message,
    };

    /// <summary>
    /// The one-line summary of a failure. <paramref name="subject"/> names what failed as a sentence starts
    /// (<c>Action 'Merge(p: 1)'</c>); <paramref name="place"/> names it after "Assert failed in" (<c>'Merge(p: 1)'</c>).
    /// </summary>
    internal static string FailureSummary(Failure failure, string subject, string place, long maxSteps) => failure.Kind switch
    {
        FailureKind.AssertFailed => "Assert failed in " + place + (failure.Message.Length == 0 ? "" : ": " + failure.Message),
        FailureKind.StepBudgetExceeded => subject + " ran past " + Count(maxSteps) + " steps (an endless loop or recursion?)",
        _ => subject + " threw " + failure.Message,
    };

    private static string BoundReached(ExplorationBound bound, ExplorationOptions options) => bound switch
    {
        ExplorationBound.MaxStates => "MaxStates (" + Count(options.MaxStates) + ") reached",
        ExplorationBound.MaxDepth => "MaxDepth (" + Count(options.MaxDepth) + ") reached",
        ExplorationBound.Timeout => "the time limit (" + Duration(options.Timeout ?? TimeSpan.Zero) + ") reached",
        _ => "the exploration was cancelled",
    };

    /// <summary><c>10 s</c>, <c>1.5 s</c>, <c>250 ms</c>.</summary>
    internal static string Duration(TimeSpan duration) => duration.TotalSeconds >= 1
        ? duration.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + " s"
        : duration.TotalMilliseconds.ToString("0.###", CultureInfo.InvariantCulture) + " ms";
}
