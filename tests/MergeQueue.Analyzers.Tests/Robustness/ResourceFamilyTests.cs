using System;
using System.Collections.Generic;
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
/// library loops past the memory and step bounds, products of domains, and models whose generated code must compile.
/// A process kill ends the run (the script reports it); each family counts the inputs whose diagnostic was not the
/// expected one or that took more than twice a bound, and fails if there is any.
/// </summary>
public sealed class ResourceFamilyTests(ITestOutputHelper output)
{
    public const int TimeLimitSeconds = 20;
    public const int MemoryLimitMegabytes = 1024;

    public static readonly Dictionary<string, string> Bounds = new()
    {
        ["MergeQueueMaxStates"] = "20000",
        ["MergeQueueTimeoutSeconds"] = TimeLimitSeconds.ToString(CultureInfo.InvariantCulture),
        ["MergeQueueMaxMemoryMegabytes"] = MemoryLimitMegabytes.ToString(CultureInfo.InvariantCulture),
    };

    [RobustnessFact]
    public async Task Deep_values_family()
    {
        var random = new Random(14_001);
        var tally = new FamilyTally("deep values", output);
        int inputs = RobustnessFactAttribute.Inputs(0.05);
        for (int input = 0; input < inputs; input++)
        {
            int op = random.Next(7);
            bool twoChains = op is 1 or 2;
            int depth = random.Next(2) == 0 ? random.Next(900, 1101) : LogUniform(random, 1, twoChains ? 45_000 : 90_000);
            string action = op switch
            {
                // Freeze (the successor holds the chain), == and hashing of two chains, ToString, lists in records.
                0 => "for (int i = 0; i < DD; i++) head = new Node(i, head);",
                1 => "Node? a = null, b = null; for (int i = 0; i < DD; i++) { a = new Node(i, a); b = new Node(i, b); } flag = a == b;",
                2 => "var set = new HashSet<Node?>(); Node? a = null, b = null; for (int i = 0; i < DD; i++) { a = new Node(i, a); b = new Node(i, b); } set.Add(a); set.Add(b); flag = set.Count == 1;",
                3 => "Node? a = null; for (int i = 0; i < DD; i++) a = new Node(i, a); flag = a!.ToString().Length > 0;",
                4 => "var box = new Box(0, new List<Box>()); for (int i = 1; i < DD; i++) box = new Box(i, new List<Box> { box }); root = box;",
                // Recursion D calls deep: said as such, not as the step budget.
                5 => "length = Depth(DD - 1) + 1;",
                // The chain is in the state that breaks the invariant: the trace prints it.
                _ => "for (int i = 0; i < DD; i++) head = new Node(i, head); length = -1;",
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
                    int length;
                    static int Depth(int n) => n == 0 ? 0 : 1 + Depth(n - 1);
                    [Invariant] bool NotMarked() => length >= 0;
                    [Action] void Grow() { Require(head == null && root == null && !flag && length == 0); 
                """ + action.Replace("DD", depth.ToString(CultureInfo.InvariantCulture)) + " }\n}\n";
            var meter = tally.Start(TimeLimitSeconds, MemoryLimitMegabytes);
            var diagnostics = await AnalyzerRun.DiagnosticsAsync(new[] { source }, Bounds);
            string expected = op == 5 ? "the recursion went deeper than 1,000 calls" : "nested deeper than 1,000 levels";
            bool limited = diagnostics.Any(d => d.Id == "SM0004" && d.GetMessage(CultureInfo.InvariantCulture).Contains(expected));

            // A chain of D nodes is D levels deep; a chain of D boxes 2D (each box and its list); D - 1 recursive calls
            // under one. Near the bound, the level the walk counts may differ by one.
            int levels = op == 4 ? 2 * depth : depth;
            bool ok = !((levels > 1_001 && !limited) || (levels < 999 && limited))
                && (op != 6 || levels > 1_001 || diagnostics.Any(d => d.Id == "SM0001"));
            tally.Finish(meter, ok ? "ok" : "unexpected", () => "op " + op + ", depth " + depth + ": " + Text(diagnostics));
        }

        tally.Report();
    }

    [RobustnessFact]
    public async Task Allocation_family()
    {
        var random = new Random(14_002);
        var tally = new FamilyTally("allocation", output);
        int inputs = RobustnessFactAttribute.Inputs(0.05);
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
            var meter = tally.Start(TimeLimitSeconds, MemoryLimitMegabytes);
            var diagnostics = await AnalyzerRun.DiagnosticsAsync(new[] { source }, Bounds);
            string failure = diagnostics.Where(d => d.Id == "SM0004").Select(d => d.GetMessage(CultureInfo.InvariantCulture).Split('\n')[0]).FirstOrDefault() ?? string.Empty;
            string expected = op <= 1
                ? (n > 0x7FFFFFC7 ? "OutOfMemoryException" : n > 16 * 1024 * 1024 ? "went past a limit of the checker: an object of" : string.Empty)
                : (n > 100_000 ? "ran past 100,000 steps" : n < 90_000 ? string.Empty : "?");
            bool ok = expected == "?" || (expected.Length == 0 ? failure.Length == 0 : failure.Contains(expected));
            tally.Finish(meter, ok ? "ok" : "unexpected", () => "op " + op + ", n " + n + ": expected '" + expected + "', got '" + failure + "'");
        }

        tally.Report();
    }

    [RobustnessFact]
    public async Task Domain_product_family()
    {
        var random = new Random(14_004);
        var tally = new FamilyTally("domain products", output);

        // The generator and the compiler's work on its output: no bound of the checker governs them, so they are
        // measured apart, against the checker's bounds for comparison (a build runs them in the same process).
        var generatedTally = new FamilyTally("domain products: generated code compiled", output);
        int inputs = RobustnessFactAttribute.Inputs(0.003);
        double mostExploreBytes = 0, mostConformanceBytes = 0;
        for (int input = 0; input < inputs; input++)
        {
            // One in four: a single parameter up to the documented cap, whose generated code is compiled too (a
            // [Range(0, 99_999)] parameter once made a file the compiler could not compile within 13 GB).
            bool single = random.Next(4) == 0;
            int a = single ? LogUniform(random, 1, 100_000) : LogUniform(random, 1, 5000);
            int b = single ? 1 : LogUniform(random, 1, 5000);
            long instances = (long)a * b;
            string parameters = "[Range(0, " + (a - 1) + ")] int p" + (single ? string.Empty : ", [Range(0, " + (b - 1) + ")] int q");
            var source = TestCompilation.Usings + "[StateMachine]\npublic partial class Board\n{\nint x;\n[Action] void Move(" + parameters
                + ") { Require(x == 0 && p == 0" + (single ? string.Empty : " && q == 0") + "); x = 1; }\n}\n";
            var meter = tally.Start(TimeLimitSeconds, MemoryLimitMegabytes);
            var diagnostics = await AnalyzerRun.DiagnosticsAsync(new[] { source }, Bounds);
            bool refused = diagnostics.Any(d => d.Id == "SM0116");
            tally.Finish(meter, refused != (instances > 1_000_000) ? "unexpected" : "ok", () => a + " x " + b + ": SM0116 " + (refused ? "reported" : "not reported"));
            if (refused || !(single || instances >= 1000))
            {
                continue;
            }

            var generatedMeter = generatedTally.Start(TimeLimitSeconds, MemoryLimitMegabytes);
            var compilation = TestCompilation.CreateUnchecked(source).AddReferences(GeneratorRun.Engine);
            GeneratorRun.Driver().RunGeneratorsAndUpdateCompilation(compilation, out var generated, out _);
            var files = generated.SyntaxTrees.Skip(compilation.SyntaxTrees.Count()).ToList();
            long Bytes(string suffix) => files.Where(t => t.FilePath.EndsWith(suffix, StringComparison.Ordinal)).Sum(t => (long)t.Length);
            if (instances >= 1000)
            {
                mostExploreBytes = Math.Max(mostExploreBytes, (double)Bytes(".Explore.g.cs") / instances);
                mostConformanceBytes = Math.Max(mostConformanceBytes, (double)Bytes(".Conformance.g.cs") / instances);
            }

            var generatedErrors = single ? generated.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList() : new List<Diagnostic>();
            generatedTally.Finish(
                generatedMeter,
                generatedErrors.Count > 0 ? "generated-error" : "ok",
                () => a + " x " + b + ": Explore " + Bytes(".Explore.g.cs") + " bytes, conformance " + Bytes(".Conformance.g.cs") + " bytes " + string.Join("\n  ", generatedErrors.Take(3)));
        }

        string bytes = "most generated bytes per instance (1,000 instances or more): Explore() "
            + mostExploreBytes.ToString("F1", CultureInfo.InvariantCulture) + ", conformance " + mostConformanceBytes.ToString("F1", CultureInfo.InvariantCulture);
        var failures = new List<string>();
        foreach (var (t, extra) in new[] { (tally, string.Empty), (generatedTally, bytes) })
        {
            try
            {
                t.Report(extra);
            }
            catch (Xunit.Sdk.XunitException e)
            {
                failures.Add(e.Message);
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [RobustnessFact]
    public async Task Accepted_models_get_compiling_code_family()
    {
        var random = new Random(14_005);
        var tally = new FamilyTally("generated code", output);
        int inputs = RobustnessFactAttribute.Inputs(0.03);
        int accepted = 0;
        string[] names = { "M", "@class", "@event", "@int", "Model_1", "@record" };
        string[] targets = { string.Empty, "[LeadsTo(nameof(Zero))] bool One => x == 1; bool Zero() => x == 0;", "[LeadsTo(nameof(Zero))] bool One => x == 1; static bool Zero() => true;", "[LeadsTo(nameof(Zero))] bool One() => x == 1; static bool Zero => true;" };
        string[] extras =
        {
            string.Empty, "class __MergeQueueModel { }", "int __MergeQueueGuard0;", "[Invariant] static bool Always() => true;", "record R(int A); R r = new R(0);", "(int, int) pair;", "List<int> items = new();",
            // A primary-constructor parameter captured by an action (once 21 x CS1001 in the generated code).
            "[Action] void B() { x = s; }", "[Invariant] bool Within() => x <= s + 2;",
        };
        string[] constructors = { string.Empty, "([Range(0, 2)] int s)", "()" };
        for (int input = 0; input < inputs; input++)
        {
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

            var meter = tally.Start(TimeLimitSeconds, MemoryLimitMegabytes);
            GeneratorRun.Driver().RunGeneratorsAndUpdateCompilation(compilation, out var generated, out var driverDiagnostics);
            var diagnostics = await AnalyzerRun.DiagnosticsAsync(generated, Bounds);
            bool isAccepted = !diagnostics.Any(d => d.Id.StartsWith("SM01", StringComparison.Ordinal) && d.Severity == DiagnosticSeverity.Error);
            var errors = isAccepted
                ? generated.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Concat(driverDiagnostics).ToList()
                : new List<Diagnostic>();
            accepted += isAccepted ? 1 : 0;
            tally.Finish(meter, errors.Count > 0 ? "generated-error" : "ok", () => source + "\n  " + string.Join("\n  ", errors.Take(3)));
        }

        tally.Report(accepted + " accepted models");
    }

    internal static string Text(IEnumerable<Diagnostic> diagnostics) =>
        string.Join(" | ", diagnostics.Select(d => d.Id + " " + d.GetMessage(CultureInfo.InvariantCulture).Split('\n')[0]));

    internal static int LogUniform(Random random, int min, int max) =>
        (int)Math.Min(max, Math.Max(min, Math.Round(Math.Exp(Math.Log(min) + random.NextDouble() * (Math.Log(max) - Math.Log(min))))));
}
