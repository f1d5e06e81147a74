using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using MergeQueue.Analyzers.Tests.Infrastructure;
using Xunit.Abstractions;

namespace MergeQueue.Analyzers.Tests.Robustness;

/// <summary>
/// Issue 14's time-limit family (tests/robustness.sh): models whose single steps are long or whose states are costly,
/// each under a time limit of 2 to 5 s, must end within twice that limit whatever they are stopped by (the time limit,
/// the step budget, the memory bound or a limit of the checker). The exploration's time is held to that: the input's wall
/// time less that of the same input with the check off (the compiler's binding of a 5,000-case switch takes seconds of
/// its own); the run record keeps the wall time beside it. Measured before the fix: 1,000 instances of an endless
/// loop ran 732 s under a 20 s limit; a 100,000,000-element field 51 s, <c>s = s + s</c> 78 s, a 5,000-case switch 60 s,
/// a <c>[Range(-50_000, 49_999)]</c> parameter 50 s, skipping through <c>Range(0, int.MaxValue)</c> 20 times past 400 s.
/// </summary>
public sealed class TimeLimitFamilyTests(ITestOutputHelper output)
{
    [RobustnessFact]
    public async Task Time_limit_family()
    {
        var random = new Random(14_003);
        var tally = new FamilyTally("time limit", output);
        int inputs = RobustnessFactAttribute.Inputs(0.004);

        // Unmeasured: the first analysis in a process loads the compiler and the checker (seconds, more than these limits).
        await AnalyzerRun.DiagnosticsAsync(new[] { TestCompilation.Usings + "[StateMachine]\npartial class Warm\n{\nint x;\n[Action] void A() { x = (x + 1) % 3; }\n}\n" });
        for (int input = 0; input < inputs; input++)
        {
            int kind = random.Next(6);
            int seconds = random.Next(2, 6);
            string members = kind switch
            {
                0 => "int x;\n[Action] void Loop([Range(0, " + (ResourceFamilyTests.LogUniform(random, 1, 1000) - 1) + ")] int p) { while (x >= 0) { x = p; } }\n[Action] void Inc() { x = (x + 1) % 1000; }",
                1 => "int x;\n[Action] void Move([Range(" + -Half(random) + ", " + (Half(random) - 1) + ")] int p) { x = (x + p % 7 + 7) % 1000; }",
                2 => Switch(ResourceFamilyTests.LogUniform(random, 10, 5000)),
                3 => "string s = \"ab\";\nint y;\n[Action] void Double() { s = s + s; }\n[Action] void Tick() { y = (y + 1) % 1000; }",
                4 => "int[] big = new int[" + ResourceFamilyTests.LogUniform(random, 1000, 100_000_000) + "];\n[Action] void Set([Range(0, 9)] int i) { big[i] = (big[i] + 1) % 3; }",
                _ => "int x;\n[Action] void Skip() { for (int k = 0; k < " + random.Next(1, 21) + "; k++) x = (x + Enumerable.Range(0, int.MaxValue).Skip(int.MaxValue - 1).First()) % 5; }",
            };
            var source = TestCompilation.Usings + "[StateMachine]\npartial class Slow" + input + "\n{\n" + members + "\n}\n";
            var settings = new Dictionary<string, string>
            {
                ["MergeQueueTimeoutSeconds"] = seconds.ToString(CultureInfo.InvariantCulture),
                ["MergeQueueMaxMemoryMegabytes"] = ResourceFamilyTests.MemoryLimitMegabytes.ToString(CultureInfo.InvariantCulture),
                ["MergeQueueContinueAfterViolation"] = "true",
            };
            // First with the check off: the compiler's binding and the checker's reading of the model, which the time
            // limit does not govern (a 5,000-case switch takes the compiler seconds); the rest of the measured run is
            // the checker's exploration, held to twice the limit.
            var compilation = TestCompilation.Create(source);
            var unchecked_ = Stopwatch.StartNew();
            await AnalyzerRun.DiagnosticsAsync(compilation, new Dictionary<string, string>(settings) { ["MergeQueueCheck"] = "false" });
            var reading = unchecked_.Elapsed;
            var meter = tally.Start(seconds, ResourceFamilyTests.MemoryLimitMegabytes);
            var diagnostics = await AnalyzerRun.DiagnosticsAsync(compilation, settings);
            meter.CheckerTime = meter.Elapsed > reading ? meter.Elapsed - reading : TimeSpan.Zero;

            // Every kind is stopped by some bound or finishes: what matters here is that no SM01xx refuses the model.
            bool ok = !diagnostics.Any(d => d.Id.StartsWith("SM01", StringComparison.Ordinal));
            tally.Finish(meter, ok ? "ok" : "unexpected", () => "kind " + kind + ", limit " + seconds + " s: " + ResourceFamilyTests.Text(diagnostics) + "\n" + source);
        }

        tally.Report();
    }

    private static int Half(Random random) => ResourceFamilyTests.LogUniform(random, 1, 50_000);

    private static string Switch(int cases) =>
        "int x;\nint y;\n[Action] void Next() { x = x switch { "
        + string.Concat(Enumerable.Range(0, cases).Select(c => c + " => " + ((c + 1) % cases) + ", "))
        + "_ => 0 }; }\n[Action] void Tick() { y = (y + 1) % 1000; }";
}
