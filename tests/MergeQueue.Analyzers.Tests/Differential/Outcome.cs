using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using MergeQueue.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace MergeQueue.Analyzers.Tests.Differential;

/// <summary>
/// What a checker says about one model, as plain values: the counts, and each verdict with its shortest trace
/// length. <see cref="InvariantSteps"/>: null without an invariant, -1 when it holds everywhere.
/// <see cref="Failures"/>: per action, <c>'A0(p: 1)' after 3</c> (the first failing instance, the trace length).
/// </summary>
internal sealed partial record Outcome(
    long States,
    long Transitions,
    int Depth,
    int? InvariantSteps,
    int? StuckSteps,
    IReadOnlyDictionary<string, string> Failures,
    IReadOnlyList<string> NeverEnabled,
    IReadOnlyList<string>? Unexpected = null)
{
    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{States} states, {Transitions} transitions, depth {Depth}\n");
        text.Append("invariant: ").Append(InvariantSteps switch { null => "none", -1 => "holds", int n => "violated after " + n.ToString(CultureInfo.InvariantCulture) }).Append('\n');
        text.Append("stuck: ").Append(StuckSteps is int s ? "after " + s.ToString(CultureInfo.InvariantCulture) : "no").Append('\n');
        foreach (var (action, failure) in Failures.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            text.Append("failure ").Append(action).Append(": ").Append(failure).Append('\n');
        }

        text.Append("never enabled: ").Append(string.Join(", ", NeverEnabled)).Append('\n');
        foreach (var other in Unexpected ?? Array.Empty<string>())
        {
            text.Append("unexpected: ").Append(other).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>The analyzer's diagnostics for one model (SM0010 on, as AnalyzerRun sets it).</summary>
    public static Outcome FromAnalyzer(IEnumerable<Diagnostic> diagnostics, bool hasInvariant)
    {
        var builder = new Builder(hasInvariant);
        foreach (var diagnostic in diagnostics)
        {
            string message = diagnostic.GetMessage(CultureInfo.InvariantCulture);
            switch (diagnostic.Id)
            {
                case "SM0010":
                    var statistics = StatisticsPattern().Match(message);
                    if (!statistics.Success)
                    {
                        builder.Unexpected.Add(message);
                        break;
                    }

                    builder.States = ParseCount(statistics.Groups[1].Value);
                    builder.Transitions = ParseCount(statistics.Groups[2].Value);
                    builder.Depth = (int)ParseCount(statistics.Groups[3].Value);
                    break;
                case "SM0001":
                    builder.Add("InvariantViolated", message);
                    break;
                case "SM0002":
                    builder.Add("Stuck", message);
                    break;
                case "SM0004":
                    builder.Add("ExecutionFailed", message);
                    break;
                case "SM0006":
                    builder.AddNeverEnabled(message);
                    break;
                default:
                    builder.Unexpected.Add(diagnostic.Id + ": " + message);
                    break;
            }
        }

        return builder.Build();
    }

    /// <summary>What the generated <c>Explore()</c> returned.</summary>
    public static Outcome FromGenerated(GeneratedResult result, bool hasInvariant)
    {
        var builder = new Builder(hasInvariant)
        {
            States = result.DistinctStates,
            Transitions = result.Transitions,
            Depth = result.Depth,
        };
        foreach (var violation in result.Violations)
        {
            int colon = violation.IndexOf(": ", StringComparison.Ordinal);
            builder.Add(violation.Substring(0, colon), violation.Substring(colon + 2));
        }

        foreach (var message in result.NeverEnabled)
        {
            builder.AddNeverEnabled(message);
        }

        if (!result.Complete || result.BoundMessage is not null)
        {
            builder.Unexpected.Add("incomplete: " + result.BoundMessage);
        }

        return builder.Build();
    }

    private static long ParseCount(string text) => long.Parse(text, NumberStyles.AllowThousands, CultureInfo.InvariantCulture);

    /// <summary>The number of the last step of a message's trace.</summary>
    private static int LastStep(string message) =>
        message.Split('\n').Select(line => TraceLinePattern().Match(line)).Where(m => m.Success).Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).DefaultIfEmpty(-1).Last();

    private static int StepsOf(string summary) =>
        StepsPattern().Match(summary) is { Success: true } m ? (int)ParseCount(m.Groups[1].Value) : 0;

    [GeneratedRegex(@"^'\w+': ([\d,]+) distinct states, ([\d,]+) transitions, depth (\d+), ")]
    private static partial Regex StatisticsPattern();

    [GeneratedRegex(@"^\s*(\d+): ")]
    private static partial Regex TraceLinePattern();

    [GeneratedRegex(@"after ([\d,]+) steps?")]
    private static partial Regex StepsPattern();

    [GeneratedRegex(@"^Assert failed in '((\w+)[^']*)'")]
    private static partial Regex AssertPattern();

    [GeneratedRegex(@"^Action '(\w+)' is never enabled")]
    private static partial Regex NeverEnabledPattern();

    private sealed class Builder(bool hasInvariant)
    {
        public long States = -1;
        public long Transitions = -1;
        public int Depth = -1;
        public int? InvariantSteps = hasInvariant ? -1 : null;
        public int? StuckSteps;
        public readonly SortedDictionary<string, string> Failures = new(StringComparer.Ordinal);
        public readonly List<string> NeverEnabled = new();
        public readonly List<string> Unexpected = new();

        public void Add(string kind, string message)
        {
            string summary = message.Split('\n')[0];
            switch (kind)
            {
                case "InvariantViolated" when summary.StartsWith("Invariant 'Inv' is violated", StringComparison.Ordinal) && InvariantSteps == -1:
                    InvariantSteps = StepsOf(summary);
                    break;
                case "Stuck" when summary.Contains(" is stuck ", StringComparison.Ordinal) && StuckSteps is null:
                    StuckSteps = StepsOf(summary);
                    break;
                case "ExecutionFailed" when AssertPattern().Match(summary) is { Success: true } m && !Failures.ContainsKey(m.Groups[2].Value):
                    Failures[m.Groups[2].Value] = $"'{m.Groups[1].Value}' after {LastStep(message)}";
                    break;
                default:
                    Unexpected.Add(kind + ": " + message);
                    break;
            }
        }

        public void AddNeverEnabled(string message)
        {
            if (NeverEnabledPattern().Match(message) is { Success: true } m)
            {
                NeverEnabled.Add(m.Groups[1].Value);
            }
            else
            {
                Unexpected.Add("never enabled: " + message);
            }
        }

        public Outcome Build() => new(
            States, Transitions, Depth, InvariantSteps, StuckSteps, Failures,
            NeverEnabled.OrderBy(n => n, StringComparer.Ordinal).ToList(), Unexpected);
    }
}
