using System;
using System.Collections.Generic;
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

    /// <summary>After <c>stays here forever</c>, when the state has no step at all.</summary>
    internal const string NoActionEnabledHere = "no action is enabled here";

    /// <summary>After <c>stays here forever</c>, when some action is enabled but none that fairness makes happen.</summary>
    internal const string NoFairActionEnabledHere = "no fair action is enabled here:";

    /// <summary>Appended to the bound message of a model with liveness properties.</summary>
    internal const string LivenessNotChecked =
        "liveness properties ([Eventually], [AlwaysEventually], [LeadsTo]) were not checked: they need every reachable state";

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

    /// <summary><c>Step invariant 'NeverUnmerges' is violated by step 4</c>: the trace ends with that step.</summary>
    internal static string StepInvariantViolated(string display, int step) =>
        "Step invariant '" + display + "' is violated by step " + Count(step);

    /// <summary>After the <c>Require</c> that dropped every combination of the constructor's arguments.</summary>
    internal const string ForEveryCombination = "for every combination of the constructor's arguments";

    internal static string NoInitialState(string model, int combinations) =>
        "'" + model + "' has no initial state: the constructor's Require is false for "
        + (combinations == 1 ? "its only combination of arguments" : "all " + Count(combinations) + " combinations of its arguments");

    /// <summary>
    /// The bound message when a <c>[Constraint]</c> kept a successor out and some liveness properties got no
    /// counterexample: TLC passes them, but a behavior the constraint cut short may break them, so none is claimed.
    /// </summary>
    internal static string LivenessNotCheckedUnderConstraint(string model, long states, int depth, IReadOnlyList<string> properties) =>
        "'" + model + "' was explored within its [Constraint] (" + Count(states) + (states == 1 ? " distinct state, depth " : " distinct states, depth ")
        + depth.ToString(CultureInfo.InvariantCulture) + "), which cut behaviors short: no counterexample was found for "
        + string.Join(", ", properties) + ", but a behavior leaving the constraint may break "
        + (properties.Count == 1 ? "it" : "them") + " (TLC would report a pass); check "
        + (properties.Count == 1 ? "it" : "them") + " with a [Constraint] that holds in every reachable state, or without one";

    /// <summary>
    /// The summary of a liveness counterexample: what the property is, from which step it is broken, and how the
    /// behavior ends (<c>steps 3 to 5 repeat forever</c> or <c>the behavior stays at step 7 forever</c>).
    /// </summary>
    /// <param name="kind">Eventually, AlwaysEventually or LeadsTo.</param>
    /// <param name="display">The property's predicate (P).</param>
    /// <param name="target">For a leads-to, Q; otherwise null.</param>
    /// <param name="triggerStep">The step from which the target is false for good (where P holds, for a leads-to).</param>
    /// <param name="loopsBackTo">The step the cycle returns to, or null when the behavior stays in its last state.</param>
    /// <param name="lastStep">The number of the last step of the trace.</param>
    internal static string LivenessViolated(PropertyKind kind, string display, string? target, int triggerStep, int? loopsBackTo, int lastStep)
    {
        string subject = kind == PropertyKind.LeadsTo ? "[LeadsTo] '" + display + "' ~> '" + target + "'" : Property(kind, display);
        string broken = kind == PropertyKind.LeadsTo
            ? "'" + display + "' holds " + AtStep(triggerStep) + ", '" + target + "' is false from then on"
            : triggerStep == 0 ? "it is false in every state" : "it is false from step " + Count(triggerStep) + " on";
        string ending = loopsBackTo is int back
            ? (back + 1 == lastStep ? "step " + Count(lastStep) + " repeats forever" : "steps " + Count(back + 1) + " to " + Count(lastStep) + " repeat forever")
            : "the behavior stays " + (lastStep == 0 ? "in the initial state" : "at step " + Count(lastStep)) + " forever";
        return subject + " fails on a fair behavior: " + broken + ", and " + ending;
    }

    /// <summary>Why a behavior may stay in a state: an enabled action that is not fair.</summary>
    internal static string UnfairActionHere(string action) => "  " + action + ": enabled, but Fairness.None promises nothing";

    /// <summary>Why a behavior may stay in a state: an enabled action whose every step here leads back to this state.</summary>
    internal static string UnchangingActionHere(string action) => "  " + action + ": enabled, but its steps here change nothing";

    /// <summary><c>in the initial state</c>, <c>at step 3</c>.</summary>
    internal static string AtStep(int step) => step == 0 ? "in the initial state" : "at step " + Count(step);

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

    /// <summary>Appended to the statistics in fingerprint mode: <c>; fingerprints only, collision probability 9.5E-10</c>.</summary>
    internal static string FingerprintCollision(double probability) =>
        "; fingerprints only, collision probability " + probability.ToString("0.##E+0", CultureInfo.InvariantCulture);

    internal static string Bound(string model, ExplorationBound bound, ExplorationOptions options, long states, int depth) =>
        "'" + model + "' was not fully explored: " + BoundReached(bound, options) + "; " + Count(states)
        + (states == 1 ? " distinct state, depth " : " distinct states, depth ") + depth.ToString(CultureInfo.InvariantCulture)
        + " explored; results cover only the explored states";

    /// <summary>The bound message when a shard of the cluster (-1: the cluster itself) failed during the run.</summary>
    internal static string ClusterFault(string model, int shard, string message, long states, int depth) =>
        "'" + model + "' was not fully explored: " + (shard < 0 ? "the cluster" : "shard " + shard.ToString(CultureInfo.InvariantCulture) + " of the cluster")
        + " failed (" + message + "); " + Count(states) + (states == 1 ? " distinct state, depth " : " distinct states, depth ")
        + depth.ToString(CultureInfo.InvariantCulture) + " explored; nothing is claimed past them";

    /// <summary>The bound message when every state was explored but the limit stopped the liveness search.</summary>
    internal static string LivenessStopped(string model, ExplorationBound bound, ExplorationOptions options, long states, int depth) =>
        "'" + model + "' was explored (" + Count(states) + (states == 1 ? " distinct state, depth " : " distinct states, depth ")
        + depth.ToString(CultureInfo.InvariantCulture) + ") but " + BoundReached(bound, options)
        + " while checking liveness properties; those not reported were not checked";

    /// <summary>Appended to the bound message: a <c>[Reachable]</c> property not seen yet is not yet a violation.</summary>
    internal static string NotReachedYet(string display) =>
        "[Reachable] '" + display + "' holds in none of them so far";

    /// <summary>What a failure did, after the name of what failed: <c>threw X: m</c>, <c>ran past 100,000 steps</c>.</summary>
    internal static string FailureVerb(Failure failure, long maxSteps) => failure.Kind switch
    {
        FailureKind.AssertFailed => failure.Message.Length == 0 ? "failed an Assert" : "failed an Assert: " + failure.Message,
        FailureKind.StepBudgetExceeded => "ran past " + Count(maxSteps) + " steps",
        FailureKind.LimitExceeded => "went past a limit of the checker: " + failure.Message,
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
        FailureKind.LimitExceeded => subject + " went past a limit of the checker: " + failure.Message,
        _ => subject + " threw " + failure.Message,
    };

    private static string BoundReached(ExplorationBound bound, ExplorationOptions options) => bound switch
    {
        ExplorationBound.MaxStates => "MaxStates (" + Count(options.MaxStates) + ") reached",
        ExplorationBound.MaxDepth => "MaxDepth (" + Count(options.MaxDepth) + ") reached",
        ExplorationBound.Timeout => "the time limit (" + Duration(options.Timeout ?? TimeSpan.Zero) + ") reached",
        ExplorationBound.MaxMemory => options.MaxMemoryMegabytes > 0
            ? "the memory limit (" + Count(options.MaxMemoryMegabytes) + " MB) reached"
            : "the process ran out of memory",
        _ => "the exploration was cancelled",
    };

    /// <summary><c>10 s</c>, <c>1.5 s</c>, <c>250 ms</c>.</summary>
    internal static string Duration(TimeSpan duration) => duration.TotalSeconds >= 1
        ? duration.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + " s"
        : duration.TotalMilliseconds.ToString("0.###", CultureInfo.InvariantCulture) + " ms";
}
