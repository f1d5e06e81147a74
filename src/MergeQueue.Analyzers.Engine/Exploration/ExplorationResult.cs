using System;
using System.Collections.Generic;
using System.Text;

namespace MergeQueue.Analyzers;

/// <summary>What an exploration found: the violations with their traces, the warnings, and the statistics.</summary>
public sealed class ExplorationResult
{
    internal ExplorationResult(
        IReadOnlyList<Violation> violations,
        long distinctStates,
        long transitions,
        int depth,
        ExplorationBound stoppedBy,
        IReadOnlyList<int> neverEnabledActions,
        TimeSpan elapsed,
        string? boundMessage,
        IReadOnlyList<string> neverEnabledMessages,
        string statisticsMessage,
        double? collisionProbability = null)
    {
        CollisionProbability = collisionProbability;
        Violations = violations;
        DistinctStates = distinctStates;
        Transitions = transitions;
        Depth = depth;
        StoppedBy = stoppedBy;
        NeverEnabledActions = neverEnabledActions;
        Elapsed = elapsed;
        BoundMessage = boundMessage;
        NeverEnabledMessages = neverEnabledMessages;
        StatisticsMessage = statisticsMessage;
        Report = BuildReport();
    }

    /// <summary>Every violation found, each once with its shortest trace, in the order found.</summary>
    public IReadOnlyList<Violation> Violations { get; }

    /// <summary>The distinct states found, the initial state included.</summary>
    public long DistinctStates { get; }

    /// <summary>The enabled action executions, steps back to the same state included (TLC's "states generated" minus the initial state).</summary>
    public long Transitions { get; }

    /// <summary>The most steps any found state needs from the initial state (TLC prints one more).</summary>
    public int Depth { get; }

    /// <summary>True when every reachable state was explored.</summary>
    public bool Complete => StoppedBy == ExplorationBound.None;

    /// <summary>The bound that stopped the exploration early, or <see cref="ExplorationBound.None"/>.</summary>
    public ExplorationBound StoppedBy { get; }

    /// <summary>Indices of the actions with no enabled instance in any reachable state; empty unless <see cref="Complete"/>.</summary>
    public IReadOnlyList<int> NeverEnabledActions { get; }

    /// <summary>Wall-clock time of the exploration.</summary>
    public TimeSpan Elapsed { get; }

    /// <summary>True when every reachable state was explored and nothing failed.</summary>
    public bool Passed => Complete && Violations.Count == 0;

    /// <summary>Why the results are partial (SM0005), or null when <see cref="Complete"/>.</summary>
    public string? BoundMessage { get; }

    /// <summary>One line per never-enabled action (SM0006), in the order of <see cref="NeverEnabledActions"/>.</summary>
    public IReadOnlyList<string> NeverEnabledMessages { get; }

    /// <summary>
    /// <c>'{Model}': {S} distinct states, {T} transitions, depth {D}, {ms} ms</c> (SM0010); with
    /// <see cref="ExplorationOptions.FingerprintsOnly"/>, followed by <c>; fingerprints only, collision probability {P}</c>.
    /// </summary>
    public string StatisticsMessage { get; }

    /// <summary>
    /// With <see cref="ExplorationOptions.FingerprintsOnly"/>, the estimated probability that two distinct states had
    /// the same 64-bit fingerprint, so that one of them was never explored: n²/2⁶⁵ for n distinct states (TLC's
    /// optimistic estimate, the birthday bound). Null in exact mode, where no state can be missed.
    /// </summary>
    public double? CollisionProbability { get; }

    /// <summary>Everything as one text: each violation's message, then the warnings, then the statistics.</summary>
    public string Report { get; }

    /// <summary>The SM0006 message of one action in <see cref="NeverEnabledActions"/>.</summary>
    /// <param name="action">An index from <see cref="NeverEnabledActions"/>.</param>
    /// <exception cref="ArgumentException">The action is not in <see cref="NeverEnabledActions"/>.</exception>
    public string NeverEnabledMessage(int action)
    {
        for (int i = 0; i < NeverEnabledActions.Count; i++)
        {
            if (NeverEnabledActions[i] == action)
            {
                return NeverEnabledMessages[i];
            }
        }

        throw new ArgumentException("action " + action + " is not among the never-enabled actions", nameof(action));
    }

    /// <summary>The same as <see cref="Report"/>.</summary>
    public override string ToString() => Report;

    private string BuildReport()
    {
        var report = new StringBuilder();
        for (int i = 0; i < Violations.Count; i++)
        {
            // A blank line between violations: each message spans several lines.
            report.Append(Violations[i].Message).Append("\n\n");
        }

        if (BoundMessage is not null)
        {
            report.Append(BoundMessage).Append('\n');
        }

        for (int i = 0; i < NeverEnabledMessages.Count; i++)
        {
            report.Append(NeverEnabledMessages[i]).Append('\n');
        }

        return report.Append(StatisticsMessage).ToString();
    }
}
