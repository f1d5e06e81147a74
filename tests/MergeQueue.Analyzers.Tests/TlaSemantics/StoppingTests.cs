using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using MergeQueue.Analyzers.Tests.Infrastructure;
using Xunit;

namespace MergeQueue.Analyzers.Tests.TlaSemantics;

/// <summary>
/// SPEC §2 "Stopping" and <c>[StateMachine(CheckStuck = false)]</c>, in both back ends and through the MSBuild
/// property <c>MergeQueueContinueAfterViolation</c>.
/// </summary>
public sealed class StoppingTests
{
    // Stop.tla: Init == x = 0 /\ y = 0   IncX == x < 6 /\ x' = x + 1   IncY == y < 6 /\ y' = y + 1
    // INVARIANT x < 2, INVARIANT y < 4, deadlock checked. TLC: XSmall violated after 2 steps, and stops. With
    // -continue: XSmall and YSmall violated, deadlock at (6, 6); "85 states generated, 49 distinct states found",
    // depth 13.
    private static readonly string Grid = BothBackEnds.Model("Stop", """
        int x, y;
        [Action] void IncX() { Require(x < 6); x++; }
        [Action] void IncY() { Require(y < 6); y++; }
        [Invariant] bool XSmall() => x < 2;
        [Invariant] bool YSmall() => y < 4;
        """);

    [Fact]
    public void By_default_both_back_ends_stop_after_the_level_of_the_first_violation()
    {
        var result = BothBackEnds.Explore("Stop", Grid);

        Assert.StartsWith("InvariantViolated: Invariant 'XSmall' is violated after 2 steps", Assert.Single(result.Violations), System.StringComparison.Ordinal);
        Assert.Equal(10, result.DistinctStates);
        Assert.False(result.Complete);
        Assert.Null(result.BoundMessage);
    }

    [Fact]
    public void Continue_after_violation_explores_everything_in_both_back_ends()
    {
        var result = BothBackEnds.Explore("Stop", Grid, BothBackEnds.Continue());

        Assert.Equal(49, result.DistinctStates);
        Assert.Equal(85 - 1, result.Transitions);
        Assert.Equal(12, result.Depth);
        Assert.Equal(3, result.Violations.Count);
    }

    [Fact]
    public async Task The_MSBuild_property_makes_the_analyzer_continue()
    {
        var properties = new Dictionary<string, string> { ["MergeQueueContinueAfterViolation"] = "true" };

        var stopped = await AnalyzerRun.DiagnosticsAsync(new[] { Grid });
        var continued = await AnalyzerRun.DiagnosticsAsync(new[] { Grid }, properties);

        Assert.Equal(new[] { "SM0001", "SM0010" }, stopped.Select(d => d.Id).OrderBy(id => id));
        Assert.Equal(new[] { "SM0001", "SM0001", "SM0002", "SM0010" }, continued.Select(d => d.Id).OrderBy(id => id));
        Assert.StartsWith("'Stop': 49 distinct states", continued.Single("SM0010").GetMessage(), System.StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_violation_four_steps_deep_in_a_hundred_million_states_is_reported_in_the_time_of_five_levels()
    {
        // Eight counters 0..9: 10^8 states, the invariant broken once they sum to 4. The search visits the levels of
        // sums 0 to 4 and stops: C(7, 7) + C(8, 7) + ... + C(12, 7) = 1,287 states (sums 0 to 5), not the million the
        // default bound would explore before SM0005.
        string source = BothBackEnds.Model("Counters", """
            readonly int[] c = new int[8];
            [Action] void Inc([Range(0, 7)] int i) { Require(c[i] < 9); c[i]++; }
            [Invariant] bool Few() => c.Sum() < 4;
            """);
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var diagnostics = await AnalyzerRun.DiagnosticsAsync(new[] { source });

        Assert.StartsWith("Invariant 'Few' is violated after 4 steps", diagnostics.Single("SM0001").GetMessage(), System.StringComparison.Ordinal);
        Assert.StartsWith("'Counters': 1,287 distinct states", diagnostics.Single("SM0010").GetMessage(), System.StringComparison.Ordinal);
        Assert.DoesNotContain(diagnostics, d => d.Id == "SM0005");
        Assert.True(clock.Elapsed < System.TimeSpan.FromSeconds(30), "took " + clock.Elapsed);
        Assert.Equal(1_287, BothBackEnds.Explore("Counters", source).DistinctStates);
    }

    [Fact]
    public async Task Check_stuck_false_reports_no_stuck_state()
    {
        // TLC's CHECK_DEADLOCK FALSE: Countdown ends at 0 with nothing enabled and no [Terminal] member.
        var diagnostics = await AnalyzerRun.VerifyAsync(BothBackEnds.Model(
            "Countdown", "int left = 2;\n[Action] void Tick() { Require(left > 0); left--; }", attribute: "[StateMachine(CheckStuck = false)]"));

        Assert.StartsWith("'Countdown': 3 distinct states", diagnostics.Single("SM0010").GetMessage(), System.StringComparison.Ordinal);
        Assert.Empty(BothBackEnds.Explore("Countdown", BothBackEnds.Model(
            "Countdown", "int left = 2;\n[Action] void Tick() { Require(left > 0); left--; }", attribute: "[StateMachine(CheckStuck = false)]")).Violations);
    }
}
