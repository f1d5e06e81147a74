extern alias EngineLibrary;

using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using Basic.Reference.Assemblies;
using MergeQueue.Analyzers.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using GeneratedOptions = EngineLibrary::MergeQueue.Analyzers.ExplorationOptions;
using GeneratedResult = EngineLibrary::MergeQueue.Analyzers.ExplorationResult;

/// <summary>
/// The generated, compiled <c>Explore()</c> of the fixed merge queue sample (safety only), as a user's test would call it: the
/// sample with N substituted goes through the source generator, is compiled with optimizations and loaded, then
/// explored with each worker count and state store, each configuration in a child process of its own. With
/// <c>--writings</c>, the sample written each of <see cref="FixedQueueWritings"/>' ways. Every run must find TLC's states.
/// Usage: dotnet run -c Release --project tests/MergeQueue.Analyzers.Benchmarks -- explore [N...] [--workers 1,2]
///        [--store exact,fingerprint] [--writings guard-first,after-local,for-loop,record-member|all]
/// </summary>
internal static class ExploreBenchmark
{
    internal static int Run(string[] args)
    {
        if (args.Length > 0 && args[0] == "--one")
        {
            return RunOne(int.Parse(args[1], CultureInfo.InvariantCulture), args[2] == "fingerprint", int.Parse(args[3], CultureInfo.InvariantCulture), args[4]);
        }

        var workerCounts = Option(args, "--workers", "1,2").Select(w => int.Parse(w, CultureInfo.InvariantCulture)).ToArray();
        var stores = Option(args, "--store", "exact,fingerprint");
        var writings = Option(args, "--writings", "guard-first");
        writings = writings.SequenceEqual(new[] { "all" }) ? FixedQueueWritings.Names.ToArray() : writings;
        var sizes = args.Where((a, i) => !a.StartsWith("--", StringComparison.Ordinal) && (i == 0 || !args[i - 1].StartsWith("--", StringComparison.Ordinal)))
            .Select(a => int.Parse(a, CultureInfo.InvariantCulture)).DefaultIfEmpty(5).ToArray();
        Console.WriteLine($"{"N",2} {"writing",-13} {"store",-12} {"workers",7} {"states",10} {"ms",7} {"states/s",11} {"heap B/state",12} {"peak MB",8}");
        foreach (var (n, writing, store, workers) in
            from n in sizes from writing in writings from store in stores from workers in workerCounts select (n, writing, store, workers))
        {
            var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true, UseShellExecute = false };

            // Started as `dotnet <dll>` (not through its own executable), the child needs the dll named again.
            if (Path.GetFileNameWithoutExtension(Environment.ProcessPath!) == "dotnet")
            {
                start.ArgumentList.Add(typeof(ExploreBenchmark).Assembly.Location);
            }

            foreach (var argument in new[] { "explore", "--one", n.ToString(CultureInfo.InvariantCulture), store, workers.ToString(CultureInfo.InvariantCulture), writing })
            {
                start.ArgumentList.Add(argument);
            }

            using var child = Process.Start(start)!;
            Console.Write(child.StandardOutput.ReadToEnd());
            child.WaitForExit();
            if (child.ExitCode != 0)
            {
                return child.ExitCode;
            }
        }

        return 0;
    }

    private static string[] Option(string[] args, string name, string fallback)
    {
        var at = Array.IndexOf(args, name);
        return (at >= 0 ? args[at + 1] : fallback).Split(',');
    }

    private static int RunOne(int n, bool fingerprints, int workers, string writing)
    {
        var explore = CompileExplore(FixedQueueWritings.Source(writing, n));

        // A warm-up run so that the measured one is not the JIT's first.
        Explore(explore, new GeneratedOptions { MaxStates = 0, FingerprintsOnly = fingerprints, Workers = workers });
        GC.Collect();
        var stopwatch = Stopwatch.StartNew();
        var result = Explore(explore, new GeneratedOptions { MaxStates = 0, FingerprintsOnly = fingerprints, Workers = workers });
        stopwatch.Stop();
        if (!result.Passed)
        {
            Console.Error.WriteLine(result.Report);
            return 1;
        }

        if (FixedQueueWritings.TlcStates.TryGetValue(n, out var tlc) && result.DistinctStates != tlc)
        {
            Console.WriteLine($"!! {writing} at N = {n}: {result.DistinctStates:N0} states, TLC has {tlc:N0}");
            return 1;
        }

        var peak = Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024);

        // Memory in a run of its own, untimed (the full collections would skew the time): the largest live heap at a
        // progress report (every half second, and when the breadth-first search ends), less the heap before it.
        result = null!;
        long baseline = LargestLiveHeap.LiveBytes();
        using var largest = new LargestLiveHeap();
        var measured = Explore(explore, new GeneratedOptions { MaxStates = 0, FingerprintsOnly = fingerprints, Workers = workers, Progress = largest });
        double bytesPerState = (double)(largest.Bytes - baseline) / measured.DistinctStates;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{n,2} {writing,-13} {(fingerprints ? "fingerprint" : "exact"),-12} {workers,7} {measured.DistinctStates,10:N0} {stopwatch.ElapsedMilliseconds,7:N0} {measured.DistinctStates * 1000 / Math.Max(1, stopwatch.ElapsedMilliseconds),11:N0} {bytesPerState,12:N1} {peak,8:N0}"));
        return 0;
    }

    private static GeneratedResult Explore(MethodInfo explore, GeneratedOptions options) =>
        (GeneratedResult)explore.Invoke(null, new object[] { options })!;

    private static MethodInfo CompileExplore(string source)
    {
        var samples = Path.Combine(AppContext.BaseDirectory, "Samples");
        var parse = new CSharpParseOptions(LanguageVersion.Latest);
        var compilation = CSharpCompilation.Create(
            "FixedQueueExplorer",
            new[] { source, File.ReadAllText(Path.Combine(samples, "Pr.cs")) }.Select(s => CSharpSyntaxTree.ParseText(s, parse)),
            Net80.References.All.Concat(new[]
            {
                MetadataReference.CreateFromFile(typeof(MergeQueue.Analyzers.StateMachineAttribute).Assembly.Location),
                MetadataReference.CreateFromFile(typeof(GeneratedOptions).Assembly.Location),
            }),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, optimizationLevel: OptimizationLevel.Release));
        CSharpGeneratorDriver.Create(new StateMachineGenerator()).RunGeneratorsAndUpdateCompilation(compilation, out var output, out _);
        using var image = new MemoryStream();
        var emitted = output.Emit(image);
        if (!emitted.Success)
        {
            throw new InvalidOperationException(string.Join("\n", emitted.Diagnostics));
        }

        return Assembly.Load(image.ToArray()).GetType("MergeQueue.Samples.FixedQueue", throwOnError: true)!.GetMethod("Explore")
            ?? throw new InvalidOperationException("The generator emitted no Explore() for this writing (the analyzer's SM0112 says why).");
    }
}
