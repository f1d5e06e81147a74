using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Basic.Reference.Assemblies;
using MergeQueue.Analyzers;
using MergeQueue.Analyzers.Analyzer;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

// The compile-time check of the fixed merge queue, as the compiler runs it: the whole analyzer (front end,
// exploration, diagnostics) through CompilationWithAnalyzers, beside the plain compile of the same project.
// Usage: dotnet run -c Release --project tests/MergeQueue.Analyzers.Benchmarks -- [N...] [--runs K] [--gc]
//    or: dotnet run -c Release --project tests/MergeQueue.Analyzers.Benchmarks -- engine [N...] [--workers 1,2]
//    or: dotnet run -c Release --project tests/MergeQueue.Analyzers.Benchmarks -- explore [N...] [--workers 1,2]
//        [--store exact,fingerprint] [--writings guard-first,after-local,for-loop,record-member|all]
//    or: dotnet run -c Release --project tests/MergeQueue.Analyzers.Benchmarks -- corpus [Spec/Model...] [--no-tlc]
//    or: dotnet run -c Release --project tests/MergeQueue.Analyzers.Benchmarks -- cluster [--silos 1,2,4] [--model fixed5]
//        (after dotnet build -c Release samples/ClusterExploration: see ClusterBenchmark)
// The engine alone (no compiler): see EngineBenchmark. The generated Explore(): see ExploreBenchmark. The corpus
// against TLC: see CorpusBenchmark.
if (args.Length > 0 && args[0] == "engine")
{
    return EngineBenchmark.Run(args[1..]);
}

if (args.Length > 0 && args[0] == "explore")
{
    return ExploreBenchmark.Run(args[1..]);
}

if (args.Length > 0 && args[0] == "cluster")
{
    return ClusterBenchmark.Run(args[1..]);
}

if (args.Length > 0 && args[0] == "corpus")
{
    return await CorpusBenchmark.RunAsync(args[1..]);
}

var runsAt = Array.IndexOf(args, "--runs");
var runs = runsAt >= 0 ? int.Parse(args[runsAt + 1], CultureInfo.InvariantCulture) : 3;
// --gc: also print the collector's share of each check (pause time, collections, bytes allocated).
var showGc = args.Contains("--gc");
var sizes = args.Where((a, i) => (runsAt < 0 || (i != runsAt && i != runsAt + 1)) && a != "--gc").Select(int.Parse).DefaultIfEmpty(5).ToList();
var samples = Path.Combine(AppContext.BaseDirectory, "Samples");
var references = Net80.References.All.Append(MetadataReference.CreateFromFile(typeof(StateMachineAttribute).Assembly.Location)).ToArray();

const string liveness = "[Eventually] bool EveryPrResolved() => AllDone();";
Console.WriteLine($"{"N",3} {"properties",-18} {"states",10} {"compile (ms)",13} {"check (ms)",11} {"states/s",10} {"peak MB",8}");
foreach (var (n, withLiveness) in sizes.SelectMany(n => new[] { (n, false), (n, true) }))
{
    var sample = File.ReadAllText(Path.Combine(samples, "FixedQueue.cs"));
    if (!sample.Contains(liveness, StringComparison.Ordinal))
    {
        throw new InvalidOperationException("The sample no longer declares " + liveness);
    }

    // Safety only: the same model without its [Eventually] property.
    var source = (withLiveness ? sample : sample.Replace(liveness, string.Empty, StringComparison.Ordinal))
        .Replace("const int N = 3;", $"const int N = {n};", StringComparison.Ordinal)
        // Past the default bound of a million states (N = 6 has 4.1 million), the model raises its own.
        .Replace("[StateMachine]", n > 5 ? "[StateMachine(MaxStates = 10_000_000)]" : "[StateMachine]", StringComparison.Ordinal);
    var options = new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary)
        .WithSpecificDiagnosticOptions(new Dictionary<string, ReportDiagnostic> { ["SM0010"] = ReportDiagnostic.Info });

    for (var run = 0; run < runs; run++)
    {
        // A different comment each run: the analyzer caches explorations by file content, and this measures exploring.
        var trees = new[] { source + $"\n// run {run}\n", File.ReadAllText(Path.Combine(samples, "Pr.cs")) }
            .Select(s => CSharpSyntaxTree.ParseText(s, new CSharpParseOptions(LanguageVersion.Latest)))
            .ToArray();
        var compilation = CSharpCompilation.Create("Bench" + run, trees, references, options);
        var compile = Stopwatch.StartNew();
        using (var stream = new MemoryStream())
        {
            compilation.Emit(stream);
        }

        compile.Stop();
        GC.Collect();
        var before = Process.GetCurrentProcess().PeakWorkingSet64;
        var pausedBefore = GC.GetTotalPauseDuration();
        var gen0Before = GC.CollectionCount(0);
        var gen1Before = GC.CollectionCount(1);
        var gen2Before = GC.CollectionCount(2);
        var allocatedBefore = GC.GetTotalAllocatedBytes();
        var check = Stopwatch.StartNew();
        var diagnostics = await compilation
            .WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new StateMachineAnalyzer()))
            .GetAnalyzerDiagnosticsAsync();
        check.Stop();
        if (showGc)
        {
            Console.WriteLine($"GC pause {(GC.GetTotalPauseDuration() - pausedBefore).TotalMilliseconds:F0} ms, gen0 {GC.CollectionCount(0) - gen0Before}, gen1 {GC.CollectionCount(1) - gen1Before}, gen2 {GC.CollectionCount(2) - gen2Before}, allocated {(GC.GetTotalAllocatedBytes() - allocatedBefore) / 1_000_000} MB");
        }

        var errors = diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        if (errors.Count > 0)
        {
            throw new InvalidOperationException(string.Join("\n", errors));
        }

        var statistics = diagnostics.Single(d => d.Id == "SM0010").GetMessage(CultureInfo.InvariantCulture);
        var states = long.Parse(statistics.Split(": ")[1].Split(' ')[0], NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
        var peak = Math.Max(before, Process.GetCurrentProcess().PeakWorkingSet64) / (1024 * 1024);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{n,3} {(withLiveness ? "safety + liveness" : "safety only"),-18} {states,10:N0} {compile.ElapsedMilliseconds,13:N0} {check.ElapsedMilliseconds,11:N0} {states * 1000 / Math.Max(1, check.ElapsedMilliseconds),10:N0} {peak,8:N0}"));
    }
}

return 0;
