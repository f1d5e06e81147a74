using System;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using MergeQueue.Analyzers;
using MergeQueue.Analyzers.Engine;
using MergeQueue.Analyzers.Engine.Tests.Models;

/// <summary>
/// The engine alone on the hand-written fixed merge queue (the engine tests' model, linked), safety only: distinct
/// states per second and memory per state, for each N, worker count and state store. Each configuration runs in a
/// child process of its own so that its peak working set is its own.
/// Usage: dotnet run -c Release --project tests/MergeQueue.Analyzers.Benchmarks -- engine [N...] [--workers 1,2]
/// </summary>
internal static class EngineBenchmark
{
    internal static int Run(string[] args)
    {
        if (args.Length > 0 && args[0] == "--one")
        {
            return RunOne(int.Parse(args[1], CultureInfo.InvariantCulture), args[2] == "fingerprint", int.Parse(args[3], CultureInfo.InvariantCulture));
        }

        int workersAt = Array.IndexOf(args, "--workers");
        int[] workerCounts = workersAt >= 0 ? args[workersAt + 1].Split(',').Select(w => int.Parse(w, CultureInfo.InvariantCulture)).ToArray() : new[] { 1, 2 };
        int[] sizes = args.Where((a, i) => workersAt < 0 || (i != workersAt && i != workersAt + 1)).Select(a => int.Parse(a, CultureInfo.InvariantCulture)).DefaultIfEmpty(5).ToArray();
        Console.WriteLine($"{"N",2} {"store",-12} {"workers",7} {"states",10} {"depth",5} {"ms",7} {"states/s",11} {"heap B/state",12} {"peak MB",8}  collision p");
        foreach (int n in sizes)
        {
            foreach (string store in new[] { "exact", "fingerprint" })
            {
                foreach (int workers in workerCounts)
                {
                    var start = new ProcessStartInfo(Environment.ProcessPath!)
                    {
                        RedirectStandardOutput = true,
                        UseShellExecute = false,
                    };
                    foreach (string argument in new[] { "engine", "--one", n.ToString(CultureInfo.InvariantCulture), store, workers.ToString(CultureInfo.InvariantCulture) })
                    {
                        start.ArgumentList.Add(argument);
                    }

                    using Process child = Process.Start(start)!;
                    Console.Write(child.StandardOutput.ReadToEnd());
                    child.WaitForExit();
                }
            }
        }

        return 0;
    }

    private static int RunOne(int n, bool fingerprints, int workers)
    {
        // Warm up (and let the JIT reach its optimized tier) on a queue of at most five.
        for (int run = 0; run < 2; run++)
        {
            Explorer.Explore(new MergeQueueModel(QueueVersion.Fixed, Math.Min(n, 5), QueueGoal.None), new ExplorationOptions { Workers = workers, FingerprintsOnly = fingerprints });
        }

        var model = new MergeQueueModel(QueueVersion.Fixed, n, QueueGoal.None);
        var options = new ExplorationOptions { MaxStates = 0, Workers = workers, FingerprintsOnly = fingerprints };
        ExplorationResult result = Explorer.Explore(model, options);
        long peak = Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024);
        long states = result.DistinctStates;
        double seconds = result.Elapsed.TotalSeconds;

        // Memory in a second run: the live heap (after a full collection) at each progress report, the last of which
        // comes when the breadth-first search ends, while its store is still alive. The collections would skew the
        // timing, so this run is not timed.
        result = null!;
        GC.Collect();
        long baseline = GC.GetTotalMemory(true);
        long heapAtEnd = 0;
        options.Progress = new Reporter(_ => heapAtEnd = GC.GetTotalMemory(true));
        ExplorationResult measured = Explorer.Explore(model, options);
        result = measured;
        string probability = result.CollisionProbability is double p ? p.ToString("0.##E+0", CultureInfo.InvariantCulture) : "-";
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{n,2} {(fingerprints ? "fingerprint" : "exact"),-12} {workers,7} {states,10:N0} {result.Depth,5} {seconds * 1000,7:N0} {states / seconds,11:N0} {(double)(heapAtEnd - baseline) / states,12:N1} {peak,8:N0}  {probability}"));
        // TLC's counts for the fixed queue (TLC on the PlusCal specs MQ1_Naive to MQ5_Fixed): N = 6 is too slow for the engine tests, so it is pinned here.
        long[] tlc = { 0, 0, 0, 656, 0, 187_272, 4_099_792 };
        if (n < tlc.Length && tlc[n] != 0 && tlc[n] != states)
        {
            Console.WriteLine($"expected TLC's {tlc[n]:N0} distinct states");
            return 1;
        }

        if (!result.Passed)
        {
            Console.WriteLine(result.Report);
            return 1;
        }

        return 0;
    }

    private sealed class Reporter : IProgress<ExplorationProgress>
    {
        private readonly Action<ExplorationProgress> report;

        internal Reporter(Action<ExplorationProgress> report) => this.report = report;

        public void Report(ExplorationProgress value) => report(value);
    }
}
