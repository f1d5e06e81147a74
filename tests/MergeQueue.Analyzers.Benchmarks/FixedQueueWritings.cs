using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

/// <summary>
/// The fixed merge queue sample written four ways (issue 12, "Measure"), as source transformations of
/// <c>samples/MergeQueue.Samples/FixedQueue.cs</c>, so that each stays the sample but for the one writing measured.
/// All four have the sample's states (TLC: 4,099,792 at N = 6).
/// </summary>
internal static class FixedQueueWritings
{
    /// <summary>The writings by name, in the order the benchmark prints them.</summary>
    internal static readonly IReadOnlyList<string> Names = new[] { "guard-first", "after-local", "for-loop", "record-member" };

    /// <summary>TLC's distinct states of the sample, safety only (the PlusCal spec MQ5_Fixed), by N.</summary>
    internal static readonly IReadOnlyDictionary<int, long> TlcStates = new Dictionary<int, long> { [3] = 656, [5] = 187_272, [6] = 4_099_792 };

    private const string Liveness = "[Eventually] bool EveryPrResolved() => AllDone();";

    private const string LinqHelper = """
            bool EarlierMerged(int p) => Enumerable.Range(0, N).All(q =>
                queuedAt[q] == 0 || queuedAt[q] >= queuedAt[p] || pr[q] == Pr.Merged);
        """;

    private const string LoopHelper = """
            bool EarlierMerged(int p)
            {
                for (int q = 0; q < N; q++)
                    if (queuedAt[q] != 0 && queuedAt[q] < queuedAt[p] && pr[q] != Pr.Merged) return false;
                return true;
            }
        """;

    /// <summary>The sample at <paramref name="n"/>, safety only (as SPIN and TLC run it), written as <paramref name="writing"/>.</summary>
    internal static string Source(string writing, int n) =>
        Transform(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Samples", "FixedQueue.cs")), writing, n);

    /// <summary>
    /// The sample's text <paramref name="sample"/> at <paramref name="n"/>, safety only, written as
    /// <paramref name="writing"/> (the tests check that each writing has the sample's states in both paths).
    /// </summary>
    internal static string Transform(string sample, string writing, int n)
    {
        var source = Replace(sample, Liveness, string.Empty).Replace("const int N = 3;", $"const int N = {n};", StringComparison.Ordinal);
        return writing switch
        {
            // The sample as it is: every action's Require first.
            "guard-first" => source,
            // Each action reads its PR's status into a local, then requires it.
            "after-local" => Replace(Replace(Replace(Replace(source,
                "Require(pr[p] == Pr.Pending);", "var current = pr[p];\n        Require(current == Pr.Pending);"),
                "Require(pr[p] == Pr.Waiting);", "var current = pr[p];\n        Require(current == Pr.Waiting);"),
                "Require(pr[p] == Pr.Validated && ", "var current = pr[p];\n        Require(current == Pr.Validated && "),
                "Require(pr[p] == Pr.Failed);", "var current = pr[p];\n        Require(current == Pr.Failed);"),
            // The merge guard's helper as a for loop instead of Enumerable.Range(0, N).All(...).
            "for-loop" => Replace(source, LinqHelper.ReplaceLineEndings("\n"), LoopHelper.ReplaceLineEndings("\n")),
            // Each PR's status is a member of a record struct, so every Require reads a record member.
            "record-member" => RecordMember(source),
            _ => throw new ArgumentException($"Unknown writing '{writing}'; known: {string.Join(", ", Names)}", nameof(writing)),
        };
    }

    private static string RecordMember(string source)
    {
        foreach (var status in new[] { "Pending", "Waiting", "Validated", "Failed" })
        {
            source = Replace(source, $"Require(pr[p] == Pr.{status}", $"Require(pr[p].Status == Pr.{status}");
        }

        source = Replace(source, "readonly Pr[] pr = new Pr[N];", "readonly PrState[] pr = new PrState[N];");
        source = Replace(source, "pr[p] = Pr.Waiting;", "pr[p] = new(Pr.Waiting);");
        source = Replace(source, "pr[p] = passes ? Pr.Validated : Pr.Failed;", "pr[p] = new(passes ? Pr.Validated : Pr.Failed);");
        source = Replace(source, "pr[p] = Pr.Merged;", "pr[p] = new(Pr.Merged);");
        source = Replace(source, "pr[p] = Pr.Blocked;", "pr[p] = new(Pr.Blocked);");
        source = Replace(source, "pr[q] == Pr.Merged", "pr[q].Status == Pr.Merged");
        source = Replace(source, "pr[p] != Pr.Merged", "pr[p].Status != Pr.Merged");
        source = Replace(source, "s == Pr.Blocked", "s.Status == Pr.Blocked");
        source = Replace(source, "s is Pr.Merged or Pr.Blocked", "s.Status is Pr.Merged or Pr.Blocked");
        // The default PrState is Pending, as the default Pr is.
        // The sample's namespace is file-scoped, so a declaration appended at the end is in it.
        return source + "\n/// <summary>A PR's status as a record member.</summary>\npublic readonly record struct PrState(Pr Status);\n";
    }

    // Every transformation must apply: a sample edited out from under the benchmark fails loudly, not silently.
    private static string Replace(string source, string from, string to) =>
        source.Contains(from, StringComparison.Ordinal)
            ? source.Replace(from, to, StringComparison.Ordinal)
            : throw new InvalidOperationException($"The sample no longer contains \"{from}\"; update {nameof(FixedQueueWritings)}.");
}
