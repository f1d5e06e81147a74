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
        double? collisionProbability = null,
        ExploredGraph? graph = null)
    {
        Graph = graph;
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

    /// <summary>The bytes a cluster run sent (requests, replies, deliveries between shards); null on one machine.</summary>
    internal Engine.Cluster.ClusterTraffic? Traffic { get; set; }

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

    /// <summary>
    /// The first <see cref="ExplorationOptions.GraphStates"/> states and the steps among them, each state marked with
    /// what fails there; null when <see cref="ExplorationOptions.GraphStates"/> was 0 (the default) or no state was found.
    /// </summary>
    public ExploredGraph? Graph { get; }

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

    /// <summary>
    /// The explored graph as Graphviz DOT (see <see cref="ExploredGraph.ToDot"/>), with the trace of
    /// <paramref name="highlight"/>, or else of the first violation that has one, drawn in bold red.
    /// </summary>
    /// <param name="maxStates">Draw at most the first this many states; zero or less for all that <see cref="Graph"/> keeps.</param>
    /// <param name="highlight">The violation to highlight; null for the first of <see cref="Violations"/> with a trace.</param>
    /// <returns>The DOT text; render it with <c>dot -Tpng</c>.</returns>
    /// <exception cref="InvalidOperationException">No graph was kept: set <see cref="ExplorationOptions.GraphStates"/>.</exception>
    public string ToDot(int maxStates = 200, Violation? highlight = null) =>
        RequireGraph().ToDot(maxStates, highlight ?? FirstWithTrace());

    /// <summary>
    /// The explored graph as a Mermaid flowchart (see <see cref="ExploredGraph.ToMermaid"/>), with the trace of
    /// <paramref name="highlight"/>, or else of the first violation that has one, drawn in bold red.
    /// </summary>
    /// <param name="maxStates">Draw at most the first this many states; zero or less for all that <see cref="Graph"/> keeps.</param>
    /// <param name="highlight">The violation to highlight; null for the first of <see cref="Violations"/> with a trace.</param>
    /// <returns>The Mermaid text, for a <c>```mermaid</c> block.</returns>
    /// <exception cref="InvalidOperationException">No graph was kept: set <see cref="ExplorationOptions.GraphStates"/>.</exception>
    public string ToMermaid(int maxStates = 200, Violation? highlight = null) =>
        RequireGraph().ToMermaid(maxStates, highlight ?? FirstWithTrace());

    /// <summary>The same as <see cref="Report"/>.</summary>
    public override string ToString() => Report;

    private ExploredGraph RequireGraph() => Graph ?? throw new InvalidOperationException(
        "No graph was kept: explore with ExplorationOptions.GraphStates greater than 0 (for example 200).");

    private Violation? FirstWithTrace()
    {
        foreach (Violation violation in Violations)
        {
            if (violation.Trace is { Steps.Count: > 0 })
            {
                return violation;
            }
        }

        return null;
    }

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
