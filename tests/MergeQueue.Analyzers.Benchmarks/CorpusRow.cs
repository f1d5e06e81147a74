using System.Collections.Generic;
using System.Globalization;
using System.Linq;

/// <summary>One twin's line of the corpus table: what each path measured, TLC's count and rate, and the ratios.</summary>
internal sealed class CorpusRow(string name)
{
    private readonly Dictionary<int, (long States, double Seconds, bool Partial)> explored = new();
    private readonly Dictionary<bool, double?> heapPerState = new();
    private readonly Dictionary<bool, double?> sampledHeapPerState = new();
    private double? tlcSeconds;
    private long? tlcPeakBytes;

    internal long? CheckStates { get; set; }

    internal double? CheckSeconds { get; set; }

    /// <summary>The compile-time check stopped at a bound (SM0005): its states are a lower bound, not compared with TLC's.</summary>
    internal bool CheckPartial { get; set; }

    internal long TlcStates { get; set; }

    internal long? ExploreStates => explored.Count > 0 ? explored.Values.First().States : null;

    /// <summary>Refusals, verdicts, failures and mismatches, printed under the line.</summary>
    internal List<string> Notes { get; } = new();

    /// <summary>A complete count other than TLC's, or a partial one already past it.</summary>
    internal bool Mismatch =>
        (CheckStates is { } check && (CheckPartial ? check > TlcStates : check != TlcStates))
        || explored.Values.Any(e => e.Partial ? e.States > TlcStates : e.States != TlcStates);

    internal void Explored(int workers, long states, double seconds, string? bound)
    {
        explored[workers] = (states, seconds, bound is not null);
        if (bound is not null)
        {
            Notes.Add($"Explore() with {workers} worker(s) stopped: {bound}");
        }
    }

    internal void Tlc(TlcRun run, long pinned)
    {
        if (run.Failure is not null)
        {
            Notes.Add("TLC did not finish: " + run.Failure + $" (the json's pinned count, {pinned:N0}, is used)");
            return;
        }

        tlcSeconds = run.Seconds;
        tlcPeakBytes = run.PeakBytes;
        TlcStates = run.DistinctStates!.Value;
        if (TlcStates != pinned)
        {
            Notes.Add($"TLC found {TlcStates:N0} states here; the json pins {pinned:N0}");
        }
    }

    internal string Line
    {
        get
        {
            double? checkRate = CheckStates / CheckSeconds;
            double? oneWorker = Rate(1), twoWorkers = Rate(2), tlcRate = TlcStates / tlcSeconds;
            // A complete count first (the check's, else Explore()'s); a path stopped at its bound gives a lower bound only.
            var complete = (CheckPartial ? null : CheckStates) ?? explored.Values.Where(e => !e.Partial).Select(e => (long?)e.States).FirstOrDefault();
            var reached = CheckStates ?? ExploreStates;
            var states = complete is { } c ? Text(c, "N0") : reached is { } r ? "≥" + Text(r, "N0") : "-";
            var mark = Mismatch ? "!! " : string.Empty;
            return string.Create(CultureInfo.InvariantCulture,
                $"{mark + name,-36} {states,9} {TlcStates,10:N0} {Text(CheckSeconds, "F2"),8} {Text(checkRate, "N0"),9} {Text(oneWorker, "N0"),9} {Text(twoWorkers, "N0"),9} {Text(tlcSeconds, "F1"),7} {Text(tlcRate, "N0"),8} {Ratio(checkRate, tlcRate),7} {Ratio(oneWorker, tlcRate),6} {Ratio(twoWorkers, tlcRate),6}")
                + (Mismatch ? $"   !! STATES DIFFER: check {Text(CheckStates, "N0")}, Explore() {string.Join("/", explored.Values.Select(e => e.States.ToString("N0", CultureInfo.InvariantCulture)))}, TLC {TlcStates:N0}" : string.Empty);
        }
    }

    /// <summary>
    /// Explore()'s live heap per state with one worker, at progress reports and also sampled (the liveness search
    /// included); null when the run stopped at a bound.
    /// </summary>
    internal void HeapPerState(bool fingerprints, double? bytes, double? sampledBytes)
    {
        heapPerState[fingerprints] = bytes;
        sampledHeapPerState[fingerprints] = sampledBytes;
    }

    /// <summary>
    /// Memory per state of each path: Explore()'s live heap growth, and TLC's peak resident memory above
    /// <paramref name="tlcBaseline"/> (a JVM running TLC on a tiny spec), each divided by the states.
    /// </summary>
    internal string MemoryLine(long? tlcBaseline)
    {
        string Heap(bool fingerprints) => heapPerState.TryGetValue(fingerprints, out var b) && b is { } bytes
            ? bytes.ToString("N0", CultureInfo.InvariantCulture) + " B/state (sampled " + sampledHeapPerState[fingerprints]!.Value.ToString("N0", CultureInfo.InvariantCulture) + ")"
            : "-";
        var tlc = tlcPeakBytes is { } peak && tlcBaseline is { } baseline && TlcStates > 0
            ? string.Create(CultureInfo.InvariantCulture, $"peak {peak / (1024 * 1024):N0} MB, {baseline / (1024 * 1024):N0} MB on 12 states: {(double)(peak - baseline) / TlcStates:N0} B/state")
            : "-";
        return $"memory: Explore() exact {Heap(false)}, fingerprints {Heap(true)}; TLC {tlc}";
    }

    private double? Rate(int workers) => explored.TryGetValue(workers, out var e) ? e.States / e.Seconds : null;

    private static string Text(double? value, string format) => value?.ToString(format, CultureInfo.InvariantCulture) ?? "-";

    private static string Text(long? value, string format) => value?.ToString(format, CultureInfo.InvariantCulture) ?? "-";

    private static string Ratio(double? ours, double? tlc) => ours is { } o && tlc is { } t ? (o / t).ToString("F1", CultureInfo.InvariantCulture) + "x" : "-";
}
