extern alias EngineLibrary;

using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using GeneratedOptions = EngineLibrary::MergeQueue.Analyzers.ExplorationOptions;

/// <summary>
/// The corpus against TLC, in one run: for each twin, the compile-time check (the analyzer, states from SM0010), the
/// generated <c>Explore()</c> with 1 and 2 workers, and TLC on the original spec, as distinct states per second.
/// </summary>
internal static class CorpusBenchmark
{
    internal const string Usage = """
        Usage: dotnet run -c Release --project tests/MergeQueue.Analyzers.Benchmarks -- corpus [Spec/Model...] [--no-tlc] [--check-only] [--limit S] [--memory] [--fingerprints] [--no-check] [--allocations] [--check-workers K] [--warm] [--throws]
          Twins from tests/Corpus (the "size": "large" ones unless named, e.g. TeachingConcurrency/SimpleRegular).
          The compile-time check and each Explore() stop after S seconds (default 60, the compiler's own limit); a
          stopped path prints its rate over the states it reached, marked "(partial)", and is not compared with TLC.
          TLC runs on the original specs, read from /tmp/ex/specifications (or $TLAPLUS_EXAMPLES), which this
          repository does not hold: fetch github tlaplus/Examples, then in its clone
            mkdir -p /tmp/ex && git archive HEAD specifications | tar x -C /tmp/ex
          Modules that neither holds (TLAPS, from tlapm's library; community modules) are copied in from $TLA_LIBRARY.
          TLC runs as each twin's json records it; $TLA2TOOLS, when set, names tla2tools.jar on this machine.
          TLC runs only where the checker gives a number to compare; --no-tlc compares with the json's pinned counts.
          --check-only runs the compile-time check alone (no Explore(), no TLC), to measure the interpreter.
          --allocations adds the compile-time check's allocations by type, from the runtime's allocation samples.
          --memory adds, per twin, Explore()'s live heap per state (1 worker, exact and fingerprints, in untimed runs:
          the largest at a progress report, then in brackets the largest also sampled every 20 ms, liveness search included)
          and TLC's peak resident memory per state above that of a JVM running TLC on HourClock's 12 states.
          --fingerprints times Explore() in fingerprint mode (FingerprintsOnly) instead of with exact states.
          --no-check skips the compile-time check (to time Explore() alone).
          --check-workers K runs the compile-time check on K threads (MergeQueueWorkers; default 1).
          --warm checks each twin once, untimed, before the timed check (as a model checked again in an IDE or a
          later build, with its code already compiled by the runtime), and waits for the runtime's background
          compilation to finish; the timed check is then a new model to the cache. Each Explore() run waits so too.
          --throws adds, per twin, how many steps of an untimed 1-worker Explore() were disabled by a Require that no
          guard tests (each an exception thrown and caught): the writings of a Require that still cost a step.
        """;

    internal static async Task<int> RunAsync(string[] args)
    {
        var limitAt = Array.IndexOf(args, "--limit");
        var limit = limitAt >= 0 ? int.Parse(args[limitAt + 1], CultureInfo.InvariantCulture) : 60;
        var workersAt = Array.IndexOf(args, "--check-workers");
        var check = new CheckSettings(
            Run: !args.Contains("--no-check"),
            Workers: workersAt >= 0 ? int.Parse(args[workersAt + 1], CultureInfo.InvariantCulture) : 1,
            Warm: args.Contains("--warm"),
            Allocations: args.Contains("--allocations"));
        var names = args.Where((a, i) => !a.StartsWith("--", StringComparison.Ordinal) && (limitAt < 0 || i != limitAt + 1) && (workersAt < 0 || i != workersAt + 1)).ToList();
        var checkOnly = args.Contains("--check-only");
        var runTlc = !args.Contains("--no-tlc") && !checkOnly;
        var memory = args.Contains("--memory");
        var fingerprintsTimed = args.Contains("--fingerprints");
        var throws = args.Contains("--throws");
        var all = CorpusTwin.All();
        var unknown = names.Where(n => all.All(t => t.Name != n)).ToList();
        if (unknown.Count > 0 || args.Contains("--help"))
        {
            Console.Error.WriteLine(string.Join("\n", unknown.Select(n => "Unknown twin: " + n).Append(Usage)));
            return unknown.Count > 0 ? 2 : 0;
        }

        await WarmUpAsync();
        long? tlcBaseline = runTlc && memory ? TlcRun.Run(all.Single(t => t.Name == "SpecifyingSystems.HourClock/HourClock")).PeakBytes : null;
        var twins = names.Count > 0 ? names.Select(n => all.Single(t => t.Name == n)).ToList() : all.Where(t => t.Size == "large").ToList();
        Console.WriteLine($"{"model",-36} {"states",9} {"TLC states",10} {"check s",8} {"check/s",9} {"1w/s",9} {"2w/s",9} {"TLC s",7} {"TLC/s",8} {"check x",7} {"1w x",6} {"2w x",6}");
        var mismatches = 0;
        foreach (var twin in twins)
        {
            Console.Error.WriteLine($"  … {twin.Name}");
            var row = await MeasureAsync(twin, runTlc, !checkOnly, limit, memory, fingerprintsTimed, throws, check);
            mismatches += row.Mismatch ? 1 : 0;
            Console.WriteLine(row.Line);
            if (memory)
            {
                Console.WriteLine("    " + row.MemoryLine(tlcBaseline));
            }

            foreach (var note in row.Notes)
            {
                Console.WriteLine("    " + note);
            }
        }

        if (mismatches > 0)
        {
            Console.WriteLine($"!! {mismatches} model(s) gave a state count other than TLC's (marked !!)");
        }

        return mismatches > 0 ? 1 : 0;
    }

    private static async Task<CorpusRow> MeasureAsync(CorpusTwin twin, bool runTlc, bool runExplore, int limit, bool memory, bool fingerprintsTimed, bool throws, CheckSettings check)
    {
        var row = new CorpusRow(twin.Name);
        var source = File.ReadAllText(twin.SourcePath);

        // (a) The compile-time check, as the compiler runs the analyzer.
        var compilation = CorpusCompilation.Create(twin.SourcePath, source);
        if (check.Warm)
        {
            if (check.Run)
            {
                await CorpusCompilation.CheckAsync(CorpusCompilation.Create(twin.SourcePath, source + "\n// warm-up\n"), limit, check.Workers);
            }

            QuietRuntime.Wait(TimeSpan.FromSeconds(30));
        }

        using var sampler = check.Allocations ? new AllocationSampler() : null;
        sampler?.Start();
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var checkTimer = Stopwatch.StartNew();
        var diagnostics = check.Run ? await CorpusCompilation.CheckAsync(compilation, limit, check.Workers) : System.Collections.Immutable.ImmutableArray<Diagnostic>.Empty;
        checkTimer.Stop();
        var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds;
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        if (sampler is not null)
        {
            row.Notes.Add("compile-time check's allocations by type (sampled):\n      " + string.Join("\n      ", sampler.Top(12)));
        }
        var refusal = diagnostics.FirstOrDefault(d => d.Id.StartsWith("SM01", StringComparison.Ordinal) && d.Severity == DiagnosticSeverity.Error);
        var statistics = diagnostics.FirstOrDefault(d => d.Id == "SM0010");
        if (refusal is not null)
        {
            row.Notes.Add($"refused ({refusal.Id}): {Construct(refusal.GetMessage(CultureInfo.InvariantCulture))}");
        }
        else if (statistics is not null)
        {
            row.CheckStates = long.Parse(Regex.Match(statistics.GetMessage(CultureInfo.InvariantCulture), @"': ([\d,]+) distinct states").Groups[1].Value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
            row.CheckSeconds = checkTimer.Elapsed.TotalSeconds;
            row.CheckPartial = diagnostics.Any(d => d.Id == "SM0005");
            // On a shared machine the wall time moves with the load; the process's CPU time (the collector's
            // threads included) much less, and the bytes allocated not at all.
            row.Notes.Add(string.Create(CultureInfo.InvariantCulture, $"compile-time check: {cpu:F2} s of CPU, {row.CheckStates / Math.Max(cpu, 1e-3):N0} states per CPU second, {allocated / 1e6:N0} MB allocated, {Regex.Match(statistics.GetMessage(CultureInfo.InvariantCulture), @"([\d,]+) ms$").Groups[1].Value} ms exploring"));
            var verdict = diagnostics.Where(d => d.Id is not "SM0010" and not "SM0005" && d.Severity >= DiagnosticSeverity.Warning).Select(d => d.Id).Distinct().ToList();
            if (verdict.Count > 0)
            {
                row.Notes.Add("compile-time check reports " + string.Join(", ", verdict));
            }

            if (row.CheckPartial)
            {
                row.Notes.Add("compile-time check stopped: " + diagnostics.First(d => d.Id == "SM0005").GetMessage(CultureInfo.InvariantCulture).Split('\n')[0]);
            }
        }

        // (b) The generated Explore(), 1 then 2 workers, each after a short warm-up of its own code.
        try
        {
            var loaded = runExplore ? CorpusCompilation.LoadExplore(twin.SourcePath, source, twin.ClassName) : null;
            if (!runExplore)
            {
                // --check-only: the compile-time check alone.
            }
            else if (loaded is not { } explorer)
            {
                row.Notes.Add("no Explore(): " + (diagnostics.FirstOrDefault(d => d.Id == "SM0112")?.GetMessage(CultureInfo.InvariantCulture).Split('\n')[0] ?? "the generator emitted none"));
            }
            else
            {
                foreach (var workers in new[] { 1, 2 })
                {
                    CorpusCompilation.Explore(explorer.Explore, new GeneratedOptions { MaxStates = 10_000, Workers = workers, FingerprintsOnly = fingerprintsTimed });
                    GC.Collect();
                    QuietRuntime.Wait(TimeSpan.FromSeconds(30));
                    var cpuAtStart = Process.GetCurrentProcess().TotalProcessorTime;
                    var timer = Stopwatch.StartNew();
                    var result = CorpusCompilation.Explore(explorer.Explore, new GeneratedOptions { MaxStates = 0, Workers = workers, FingerprintsOnly = fingerprintsTimed, Timeout = TimeSpan.FromSeconds(limit) });
                    timer.Stop();
                    if (workers == 1)
                    {
                        // One worker's CPU time moves with the machine's load much less than its wall time.
                        var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpuAtStart).TotalSeconds;
                        row.Notes.Add(string.Create(CultureInfo.InvariantCulture, $"Explore() 1 worker: {cpuSeconds:F2} s of CPU, {result.DistinctStates / Math.Max(cpuSeconds, 1e-3):N0} states per CPU second"));
                    }

                    row.Explored(workers, result.DistinctStates, timer.Elapsed.TotalSeconds, result.Complete ? null : result.BoundMessage);
                }

                foreach (var fingerprints in memory ? new[] { false, true } : Array.Empty<bool>())
                {
                    var baseline = LargestLiveHeap.LiveBytes();
                    using var heap = new LargestLiveHeap();
                    heap.StartSampling();
                    var result = CorpusCompilation.Explore(explorer.Explore, new GeneratedOptions { MaxStates = 0, FingerprintsOnly = fingerprints, Timeout = TimeSpan.FromSeconds(limit), Progress = heap });
                    heap.Dispose();
                    row.HeapPerState(fingerprints, result.Complete ? (double)(heap.Bytes - baseline) / result.DistinctStates : null, result.Complete ? (double)(heap.SampledBytes - baseline) / result.DistinctStates : null);
                }

                if (throws)
                {
                    row.Notes.Add(DisabledThrows(explorer.Explore, limit));
                }

                explorer.Context.Unload();
            }
        }
        catch (Exception e) when (e is InvalidOperationException or System.Reflection.TargetInvocationException)
        {
            row.Notes.Add("Explore() failed: " + (e.InnerException ?? e).Message.Split('\n')[0]);
        }

        // (c) TLC on the original spec, only where there is a number of ours to compare it with.
        row.TlcStates = twin.TlcStates;
        if (runTlc && (row.CheckStates is not null || row.ExploreStates is not null))
        {
            var tlc = TlcRun.Run(twin);
            row.Tlc(tlc, twin.TlcStates);
        }

        return row;
    }

    // Counted on every thread, in a run nothing else shares the process with.
    private static string DisabledThrows(System.Reflection.MethodInfo explore, int limit)
    {
        int thrown = 0;
        void Count(object? sender, System.Runtime.ExceptionServices.FirstChanceExceptionEventArgs e)
        {
            if (e.Exception.GetType().Name == "ActionDisabledException")
            {
                System.Threading.Interlocked.Increment(ref thrown);
            }
        }

        AppDomain.CurrentDomain.FirstChanceException += Count;
        try
        {
            var result = CorpusCompilation.Explore(explore, new GeneratedOptions { MaxStates = 0, Workers = 1, Timeout = TimeSpan.FromSeconds(limit) });
            return string.Create(CultureInfo.InvariantCulture, $"Explore() 1 worker: {thrown:N0} steps disabled by a Require no guard tests, over {result.DistinctStates:N0} states");
        }
        finally
        {
            AppDomain.CurrentDomain.FirstChanceException -= Count;
        }
    }

    // One compile-time check before the measured ones, so that the first twin does not pay for the analyzer's JIT.
    private static async Task WarmUpAsync()
    {
        var warmUp = FixedQueueWritings.Source("guard-first", 4)
            + "\n" + File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Samples", "Pr.cs")).Replace("namespace MergeQueue.Samples;", string.Empty, StringComparison.Ordinal);
        await CorpusCompilation.CheckAsync(CorpusCompilation.Create("WarmUp.cs", warmUp), 60);
    }

    // "The compile-time checker cannot interpret X; 'M' was not checked at compile time" → X.
    private static string Construct(string message)
    {
        var match = Regex.Match(message, "cannot interpret (.*?); '[^']*' was not checked");
        return match.Success ? match.Groups[1].Value : message.Split('\n')[0];
    }
}
