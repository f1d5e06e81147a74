using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using MergeQueue.Analyzers.Tests.Infrastructure;
using Xunit;

namespace MergeQueue.Analyzers.Tests.Analyzer;

/// <summary>Each verdict reaches the user as its SM diagnostic, at the place the rule table names, all in one build.</summary>
public sealed class VerificationDiagnosticTests
{
    [Fact]
    public async Task Invariant_violation_is_reported_at_the_invariant_with_its_shortest_trace()
    {
        // By hand: x goes 0, 1, 2; the invariant x < 2 first fails after 2 steps.
        var diagnostics = await AnalyzerRun.VerifyAsync(TestCompilation.Usings + """
            [StateMachine]
            partial class Counter
            {
                int x;
                [Action] void Inc() { Require(x < 3); x++; }
                [Terminal] bool Done => x == 3;
                [Invariant] bool {|SM0001:Small|}() => x < 2;
            }
            """);

        Assert.Equal(
            new[] { "Invariant 'Small' is violated after 2 steps", "0: initial state: x = 0", "1: Inc(): x = 1", "2: Inc(): x = 2" },
            diagnostics.Single("SM0001").MessageLines());
    }

    [Fact]
    public async Task Exception_is_reported_at_the_failing_statement()
    {
        var diagnostics = await AnalyzerRun.VerifyAsync(TestCompilation.Usings + """
            [StateMachine]
            partial class Divider
            {
                int d = 1;
                [Action] void Dec() { Require(d > 0); d--; }
                [Action] void Divide() { {|SM0004:d = 10 / d;|} }
                [Terminal] bool Empty => d == 0;
            }
            """);

        Assert.Equal("Action 'Divide()' threw DivideByZeroException: Attempted to divide by zero.", diagnostics.Single("SM0004").MessageLines()[0]);
    }

    [Fact]
    public async Task Failed_assert_carries_its_interpolated_message()
    {
        var diagnostics = await AnalyzerRun.VerifyAsync(TestCompilation.Usings + """
            [StateMachine]
            partial class Tank
            {
                int level;
                [Action] void Fill() { Require(level < 2); level++; {|SM0004:Assert(level < 2, $"level {level} overflows");|} }
                [Action] void Drain() { Require(level > 0); level--; }
            }
            """);

        Assert.Equal("Assert failed in 'Fill()': level 2 overflows", diagnostics.Single("SM0004").MessageLines()[0]);
    }

    [Fact]
    public async Task Endless_loop_in_an_action_is_a_diagnostic_not_a_hang()
    {
        // A step that fails is not an enabled step: Spin never completes, so the model is also stuck and Spin is
        // never enabled.
        var diagnostics = await AnalyzerRun.VerifyAsync(TestCompilation.Usings + """
            [StateMachine]
            partial class {|SM0002:Spinner|}
            {
                int x;
                [Action] void {|SM0006:Spin|}() { while ({|SM0004:x >= 0|}) { x = 0; } }
            }
            """);

        Assert.Contains("ran past 100,000 steps", diagnostics.Single("SM0004").MessageLines()[0]);
    }

    [Fact]
    public async Task Never_enabled_action_and_unreachable_property_are_reported_where_declared()
    {
        // By hand: x only grows from 0 to 2 and stops there ([Terminal]); Reset needs x < 0, never true; x == 5 never holds.
        await AnalyzerRun.VerifyAsync(TestCompilation.Usings + """
            [StateMachine]
            partial class Counter
            {
                int x;
                [Action] void Inc() { Require(x < 2); x++; }
                [Action] void {|SM0006:Reset|}() { Require(x < 0); x = 0; }
                [Terminal] bool Done => x == 2;
                [Reachable] bool {|SM0007:Five|}() => x == 5;
            }
            """);
    }

    [Fact]
    public async Task Every_violation_is_reported_in_one_build_told_to_continue()
    {
        // By hand: after Inc, x = 1 breaks the invariant; after Inc, Inc, x = 2 has no enabled action and no
        // [Terminal] member: stuck. Both in one run with MergeQueueContinueAfterViolation (TLC's -continue), each
        // with its own trace.
        var diagnostics = await AnalyzerRun.VerifyAsync(
            TestCompilation.Usings + """
            [StateMachine]
            partial class {|SM0002:Counter|}
            {
                int x;
                [Action] void Inc() { Require(x < 2); x++; }
                [Invariant] bool {|SM0001:Zero|}() => x == 0;
            }
            """,
            new Dictionary<string, string> { ["MergeQueueContinueAfterViolation"] = "true" });

        Assert.Equal(2, diagnostics.Single("SM0002").AdditionalLocations.Count);
        Assert.Single(diagnostics.Single("SM0001").AdditionalLocations);
    }

    [Fact]
    public async Task By_default_the_build_reports_the_violations_of_the_first_level_that_has_one()
    {
        // The same model: the invariant breaks at level 1, so level 2, where it is stuck, is not explored (SPEC §2
        // "Stopping", as TLC stops at its first violation). Nothing else is claimed: no SM0006, no SM0005.
        var diagnostics = await AnalyzerRun.VerifyAsync(TestCompilation.Usings + """
            [StateMachine]
            partial class Counter
            {
                int x;
                [Action] void Inc() { Require(x < 2); x++; }
                [Action] void Never() { Require(x < 0); }
                [Invariant] bool {|SM0001:Zero|}() => x == 0;
            }
            """);

        Assert.StartsWith("Invariant 'Zero' is violated after 1 step", diagnostics.Single("SM0001").GetMessage());
    }

    [Fact]
    public async Task Same_source_gives_byte_identical_diagnostics()
    {
        var source = SampleSource.Read(SampleSource.Ordered);

        var first = await AnalyzerRun.DiagnosticsAsync(new[] { source });
        var second = await AnalyzerRun.DiagnosticsAsync(new[] { source });

        // SM0010 ends with the elapsed milliseconds; everything else must match exactly.
        Assert.Equal(
            first.Where(d => d.Id != "SM0010").Select(d => d.ToString()),
            second.Where(d => d.Id != "SM0010").Select(d => d.ToString()));
    }
}
