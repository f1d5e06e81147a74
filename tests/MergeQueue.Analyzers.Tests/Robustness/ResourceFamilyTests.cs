using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using MergeQueue.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;
using Xunit.Abstractions;

namespace MergeQueue.Analyzers.Tests.Robustness;

/// <summary>
/// Issue 14's families, many random inputs each (tests/robustness.sh): values nested past the bound, allocations and
/// library loops past the memory and step bounds, endless steps under a time limit, products of domains, and models
/// whose generated code must compile. A process kill ends the run (the script reports it); each family counts the
/// inputs whose diagnostic was not the expected one and fails if there is any.
/// </summary>
public sealed class ResourceFamilyTests(ITestOutputHelper output)
{
    private static readonly Dictionary<string, string> Bounds = new()
    {
        ["MergeQueueMaxStates"] = "20000",
        ["MergeQueueTimeoutSeconds"] = "20",
    };

    [RobustnessFact]
    public async Task Deep_values_family()
    {
        var random = new Random(14_001);
        var failures = new List<string>();
        int inputs = RobustnessFactAttribute.Inputs(0.05);
        var slowest = TimeSpan.Zero;
        for (int input = 0; input < inputs; input++)
        {
            int op = random.Next(5);
            bool twoChains = op is 1 or 2;
            int depth = random.Next(2) == 0 ? random.Next(900, 1101) : LogUniform(random, 1, twoChains ? 45_000 : 90_000);
            string action = op switch
            {
                0 => "for (int i = 0; i < D; i++) head = new Node(i, head);",
                1 => "Node? a = null, b = null; for (int i = 0; i < D; i++) { a = new Node(i, a); b = new Node(i, b); } flag = a == b;",
                2 => "var set = new HashSet<Node?>(); Node? a = null, b = null; for (int i = 0; i < D; i++) { a = new Node(i, a); b = new Node(i, b); } set.Add(a); set.Add(b); flag = set.Count == 1;",
                3 => "Node? a = null; for (int i = 0; i < D; i++) a = new Node(i, a); flag = a!.ToString().Length > 0;",
                _ => "var box = new Box(0, new List<Box>()); for (int i = 1; i < D; i++) box = new Box(i, new List<Box> { box }); root = box;",
            };
            var source = TestCompilation.Usings + """
                record Node(int V, Node? Next);
                record Box(int V, List<Box> Kids);

                [StateMachine]
                partial class Deep
                {
                    Node? head;
                    Box? root;
                    bool flag;
                    [Action] void Grow() { Require(head == null && root == null && !flag); 
                """ + action.Replace("D", depth.ToString(CultureInfo.InvariantCulture)) + " }\n}\n";
            var stopwatch = Stopwatch.StartNew();
            var diagnostics = await AnalyzerRun.DiagnosticsAsync(new[] { source }, Bounds);
            slowest = Max(slowest, stopwatch.Elapsed);
            bool limited = diagnostics.Any(d => d.Id == "SM0004" && d.GetMessage(CultureInfo.InvariantCulture).Contains("nested deeper than 1,000 levels"));

            // A chain of D nodes is D levels deep; a chain of D boxes 2D (each box and its list). Near the bound, the
            // level the walk counts may differ by one.
            int levels = op == 4 ? 2 * depth : depth;
            if ((levels > 1_001 && !limited) || (levels < 999 && limited))
            {
                failures.Add("op " + op + ", depth " + depth + ": " + string.Join(" | ", diagnostics.Select(d => d.Id + " " + d.GetMessage(CultureInfo.InvariantCulture).Split('\n')[0])));
            }
        }

        Report("deep values", inputs, failures, slowest);
    }

    [RobustnessFact]
    public async Task Allocation_family()
    {
        var random = new Random(14_002);
        var failures = new List<string>();
        int inputs = RobustnessFactAttribute.Inputs(0.05);
        var slowest = TimeSpan.Zero;
        for (int input = 0; input < inputs; input++)
        {
            int op = random.Next(5);
            long n = LogUniform(random, 1, int.MaxValue);
            string body = op switch
            {
                0 => "var a = new int[N]; x = a.Length;",
                1 => "var l = new List<int>(N); x = l.Count + 1;",
                2 => "var s = new HashSet<int>(Enumerable.Range(0, N)); x = s.Count;",
                3 => "var t = string.Concat(Enumerable.Repeat(\"ab\", N)); x = t.Length;",
                _ => "x = Enumerable.Range(0, N).Skip(N - 1).First();",
            };
            var source = TestCompilation.Usings + "[StateMachine]\npartial class Big\n{\nint x;\n[Action] void Grow() { Require(x == 0); "
                + body.Replace("N", n.ToString(CultureInfo.InvariantCulture)) + " }\n}\n";
            var stopwatch = Stopwatch.StartNew();
            var diagnostics = await AnalyzerRun.DiagnosticsAsync(new[] { source }, Bounds);
            slowest = Max(slowest, stopwatch.Elapsed);
            string failure = diagnostics.Where(d => d.Id == "SM0004").Select(d => d.GetMessage(CultureInfo.InvariantCulture).Split('\n')[0]).FirstOrDefault() ?? string.Empty;
            string expected = op <= 1
                ? (n > 0x7FFFFFC7 ? "OutOfMemoryException" : n > 16 * 1024 * 1024 ? "went past a limit of the checker: an object of" : string.Empty)
                : (n > 100_000 ? "ran past 100,000 steps" : n < 90_000 ? string.Empty : "?");
            bool ok = expected == "?" || (expected.Length == 0 ? failure.Length == 0 : failure.Contains(expected));
            if (!ok || stopwatch.Elapsed > TimeSpan.FromSeconds(20))
            {
                failures.Add("op " + op + ", n " + n + " (" + stopwatch.Elapsed.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture) + " s): expected '" + expected + "', got '" + failure + "'");
            }
        }

        Report("allocation", inputs, failures, slowest);
    }

    [RobustnessFact]
    public async Task Time_limit_family()
    {
        var random = new Random(14_003);
        var failures = new List<string>();
        int inputs = RobustnessFactAttribute.Inputs(0.0025);
        var worstRatio = 0.0;
        for (int input = 0; input < inputs; input++)
        {
            int instances = LogUniform(random, 1, 1000);
            int seconds = random.Next(1, 4);
            var source = TestCompilation.Usings + "[StateMachine]\npartial class Spin" + input + "\n{\nint x;\n[Action] void Loop([Range(0, "
                + (instances - 1).ToString(CultureInfo.InvariantCulture) + ")] int p) { while (x >= 0) { x = p; } }\n[Action] void Inc() { x = (x + 1) % 1000; }\n}\n";
            var settings = new Dictionary<string, string> { ["MergeQueueTimeoutSeconds"] = seconds.ToString(CultureInfo.InvariantCulture), ["MergeQueueContinueAfterViolation"] = "true" };
            var stopwatch = Stopwatch.StartNew();
            var diagnostics = await AnalyzerRun.DiagnosticsAsync(new[] { source }, settings);
            double ratio = stopwatch.Elapsed.TotalSeconds / seconds;
            worstRatio = Math.Max(worstRatio, ratio);
            if (ratio > 2)
            {
                failures.Add(instances + " instances, limit " + seconds + " s: took " + stopwatch.Elapsed.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture) + " s");
            }
        }

        output.WriteLine("time limit: worst wall time / limit = " + worstRatio.ToString("F2", CultureInfo.InvariantCulture));
        Report("time limit", inputs, failures, TimeSpan.Zero);
    }

    [RobustnessFact]
    public async Task Domain_product_family()
    {
        var random = new Random(14_004);
        var failures = new List<string>();
        int inputs = RobustnessFactAttribute.Inputs(0.01);
        var slowest = TimeSpan.Zero;
        double mostBytesPerInstance = 0;
        for (int input = 0; input < inputs; input++)
        {
            int a = LogUniform(random, 1, 5000);
            int b = LogUniform(random, 1, 5000);
            var source = TestCompilation.Usings + "[StateMachine]\npublic partial class Board\n{\nint x;\n[Action] void Move([Range(0, " + (a - 1) + ")] int p, [Range(0, " + (b - 1)
                + ")] int q) { Require(x == 0 && p == 0 && q == 0); x = 1; }\n}\n";
            var stopwatch = Stopwatch.StartNew();
            var diagnostics = await AnalyzerRun.DiagnosticsAsync(new[] { source }, Bounds);
            slowest = Max(slowest, stopwatch.Elapsed);
            bool refused = diagnostics.Any(d => d.Id == "SM0116");
            if (refused != ((long)a * b > 1_000_000))
            {
                failures.Add(a + " x " + b + ": SM0116 " + (refused ? "reported" : "missing"));
            }

            if (!refused && (long)a * b >= 1000)
            {
                var compilation = TestCompilation.CreateUnchecked(source).AddReferences(GeneratorRun.Engine);
                GeneratorRun.Driver().RunGeneratorsAndUpdateCompilation(compilation, out var generated, out _);
                long bytes = generated.SyntaxTrees.Skip(compilation.SyntaxTrees.Count()).Sum(t => (long)t.Length);
                mostBytesPerInstance = Math.Max(mostBytesPerInstance, (double)bytes / ((long)a * b));
            }
        }

        output.WriteLine("domain products: most generated bytes per instance (1,000 instances or more) = " + mostBytesPerInstance.ToString("F1", CultureInfo.InvariantCulture));
        Report("domain products", inputs, failures, slowest);
    }

    [RobustnessFact]
    public async Task Accepted_models_get_compiling_code_family()
    {
        var random = new Random(14_005);
        var failures = new List<string>();
        int inputs = RobustnessFactAttribute.Inputs(0.05);
        int accepted = 0;
        string[] names = { "M", "@class", "@event", "@int", "Model_1", "@record" };
        string[] targets = { string.Empty, "[LeadsTo(nameof(Zero))] bool One => x == 1; bool Zero() => x == 0;", "[LeadsTo(nameof(Zero))] bool One => x == 1; static bool Zero() => true;", "[LeadsTo(nameof(Zero))] bool One() => x == 1; static bool Zero => true;" };
        string[] extras = { string.Empty, "class __MergeQueueModel { }", "int __MergeQueueGuard0;", "[Invariant] static bool Always() => true;", "record R(int A); R r = new R(0);", "(int, int) pair;", "List<int> items = new();" };
        string[] constructors = { string.Empty, "([Range(0, 2)] int s)", "()" };
        var slowest = TimeSpan.Zero;
        for (int input = 0; input < inputs; input++)
        {
            var stopwatch = Stopwatch.StartNew();
            string name = names[random.Next(names.Length)];
            string constructor = constructors[random.Next(constructors.Length)];
            string body = "int x" + (constructor.Contains("int s") ? " = s" : string.Empty) + ";\n[Action] void A() { x = (x + 1) % 3; }\n"
                + targets[random.Next(targets.Length)] + "\n" + extras[random.Next(extras.Length)] + "\n";
            var source = TestCompilation.Usings + "[StateMachine]\npublic partial class " + name + constructor + "\n{\n" + body + "}\n";
            var compilation = TestCompilation.CreateUnchecked(source).AddReferences(GeneratorRun.Engine);
            if (compilation.GetDiagnostics().Any(d => d.Severity == DiagnosticSeverity.Error))
            {
                continue;
            }

            GeneratorRun.Driver().RunGeneratorsAndUpdateCompilation(compilation, out var generated, out var driverDiagnostics);
            var diagnostics = await AnalyzerRun.DiagnosticsAsync(generated, Bounds);
            if (diagnostics.Any(d => d.Id.StartsWith("SM01", StringComparison.Ordinal) && d.Severity == DiagnosticSeverity.Error))
            {
                continue;
            }

            accepted++;
            slowest = Max(slowest, stopwatch.Elapsed);
            var errors = generated.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Concat(driverDiagnostics).ToList();
            if (errors.Count > 0)
            {
                failures.Add(source + "\n  " + string.Join("\n  ", errors.Take(3)));
            }
        }

        output.WriteLine("generated code: " + accepted + " accepted models of " + inputs + ", " + failures.Count + " with errors in the generated code");
        Report("generated code", inputs, failures, slowest);
    }

    private void Report(string family, int inputs, List<string> failures, TimeSpan slowest)
    {
        output.WriteLine(family + ": " + inputs + " inputs, " + failures.Count + " unexpected, slowest input " + slowest.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture) + " s");
        Assert.True(failures.Count == 0, family + ":\n" + string.Join("\n", failures.Take(10)));
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private static int LogUniform(Random random, int min, int max) =>
        (int)Math.Min(max, Math.Max(min, Math.Round(Math.Exp(Math.Log(min) + random.NextDouble() * (Math.Log(max) - Math.Log(min))))));
}
