using System.Linq;
using System.Text.RegularExpressions;
using MergeQueue.Analyzers.Engine.Tests.Models;
using Xunit;

namespace MergeQueue.Analyzers.Engine.Tests.Semantics;

/// <summary>
/// SPEC §1 "Several initial states": every combination of the constructor's arguments builds one (TLA+
/// <c>Init == x \in S /\ P(x)</c>), with TLC's counts. The specs are run with
/// <c>java -cp tla2tools.jar tlc2.TLC -workers 1 -config M.cfg M.tla</c>; TLC prints a depth one more than ours.
/// </summary>
public class InitialStateTests
{
    // Dup.tla:  VARIABLES x   Init == \E k \in 0..5: k # 4 /\ x = k % 3   Next == x < 4 /\ x' = x + 1
    private static ToyModel<int> Dup() =>
        new ToyModel<int>("Dup", "k", new[] { 0, 1, 2, 3, 4, 5 }, k => k == 4 ? Outcome.Disabled<int>("k != 4", 7) : Outcome.To(k % 3))
            .Field("x", x => x.ToString())
            .Action("Next", x => Outcome.Require(x < 4, "x < 4", 9, x + 1));

    // 6,000 combinations, enough for several workers to build them: every seventh dropped by a Require, equal states
    // counted once, and either one combination failing (which stops the search at the initial states) or a violation
    // two levels down, all as in combination order.
    [Theory]
    [InlineData(2, false)]
    [InlineData(3, false)]
    [InlineData(2, true)]
    public void Workers_build_many_initial_states_as_one_worker_does(int workers, bool oneFails)
    {
        ToyModel<int> Wide() =>
            new ToyModel<int>("Wide", "k", Enumerable.Range(0, 6000).ToArray(), k =>
                    k % 7 == 3 ? Outcome.Disabled<int>("k % 7 != 3", 4)
                    : oneFails && k == 4321 ? Outcome.Throws<int>("InvalidOperationException: unlucky", "line 5")
                    : Outcome.To(k % 5000))
                .Field("x", x => x.ToString())
                .Action("Next", x => Outcome.Require(x < 5003, "x < 5003", 9, x + 1))
                .Property(PropertyKind.Invariant, "Small", x => x < 5002)
                .NoStuckCheck();
        string one = Explorer.Explore(Wide()).Report;

        string many = Explorer.Explore(Wide(), new ExplorationOptions { Workers = workers }).Report;

        Assert.Equal(Regex.Replace(one, @", [\d,]+ ms", ""), Regex.Replace(many, @", [\d,]+ ms", ""));
        Assert.Contains(oneFails ? "unlucky" : "'Small'", one);
    }

    [Fact]
    public void Equal_initial_states_count_once_and_a_false_Require_drops_a_combination()
    {
        ExplorationResult result = Explorer.Explore(Dup().NoStuckCheck());

        // TLC (CHECK_DEADLOCK FALSE): "5 states generated, with 3 of them distinct" initially; "9 states generated,
        // 5 distinct states found", depth 3. Five combinations give x = 0, 1, 2, 0, 2: three initial states.
        Assert.Equal(5, result.DistinctStates);
        Assert.Equal(9 - 5, result.Transitions);
        Assert.Equal(2, result.Depth);
        Assert.True(result.Passed);
    }

    [Fact]
    public void A_trace_starts_at_the_initial_state_it_comes_from_and_names_its_arguments()
    {
        ExplorationResult result = Explorer.Explore(Dup().Property(PropertyKind.Invariant, "Inv", x => x < 4));

        // TLC (INVARIANT Inv == x < 4): violated, the behavior x = 2, 3, 4 (two steps from the initial state k = 2).
        // The search stops after that level, where x = 4 is also stuck (TLC reports the first of the two).
        Violation invariant = result.Violations[0];
        Assert.Equal(
            "Invariant 'Inv' is violated after 2 steps\n0: initial state (k: 2): x = 2\n1: Next(): x = 3\n2: Next(): x = 4",
            invariant.Message);
        Assert.Equal(
            new[] { ViolationKind.InvariantViolated, ViolationKind.Stuck },
            result.Violations.Select(v => v.Kind));
        Assert.Equal("initial state (k: 2)", invariant.Trace!.Steps[0].Label);
    }

    [Fact]
    public void Every_initial_state_starts_fair_behaviors()
    {
        // InitL.tla: Init == x \in {0, 5}   Next == x < 3 /\ x' = x + 1   Spec == Init /\ [][Next]_x /\ WF_x(Next)
        // PROPERTY <>(x = 3). TLC: violated, "State 1: x = 5, State 2: Stuttering"; 5 distinct states, depth 4.
        var model = new ToyModel<int>("InitL", "x", new[] { 0, 5 }, Outcome.To)
            .Field("x", x => x.ToString())
            .Action("Next", x => Outcome.Require(x < 3, "x < 3", 5, x + 1))
            .Property(PropertyKind.Eventually, "Three", x => x == 3)
            .NoStuckCheck();

        ExplorationResult result = Explorer.Explore(model);

        Assert.Equal(5, result.DistinctStates);
        Assert.Equal(3, result.Depth);
        Violation violation = Assert.Single(result.Violations);
        Assert.Equal(
            "[Eventually] 'Three' fails on a fair behavior: it is false in every state, and the behavior stays in the initial state forever\n"
            + "0: initial state (x: 5): x = 5\nstays here forever\nno action is enabled here",
            violation.Message);
    }

    [Fact]
    public void A_constructor_whose_Require_drops_every_combination_is_reported()
    {
        var model = new ToyModel<int>("Empty", "k", new[] { 0, 1 }, k => Outcome.Disabled<int>("k > 1", 4))
            .Field("x", x => x.ToString())
            .Action("Next", x => Outcome.To(x));

        ExplorationResult result = Explorer.Explore(model);

        Violation violation = Assert.Single(result.Violations);
        Assert.Equal(
            "'Empty' has no initial state: the constructor's Require is false for all 2 combinations of its arguments\n"
            + "0: Require(k > 1) is false (line 4) for every combination of the constructor's arguments",
            violation.Message);
        Assert.Equal("line 4", violation.Site);
        Assert.False(result.Passed);
        Assert.Equal(0, result.DistinctStates);
    }

    [Fact]
    public void A_failing_combination_is_reported_with_its_arguments_and_the_others_are_explored()
    {
        var model = new ToyModel<int>("Half", "k", new[] { 0, 1 }, k => k == 1 ? Outcome.Throws<int>("InvalidOperationException: one", "line 3") : Outcome.To(k))
            .Field("x", x => x.ToString())
            .Action("Next", x => Outcome.Require(x < 2, "x < 2", 9, x + 1))
            .NoStuckCheck();

        ExplorationResult result = Explorer.Explore(model);

        // A failure in level 0: the search visits the initial state k = 0 (finding x = 1) and stops.
        Violation violation = Assert.Single(result.Violations);
        Assert.Equal("0: initial state (k: 1) threw InvalidOperationException: one", violation.Trace!.Format());
        Assert.Equal(2, result.DistinctStates);
        Assert.Equal(ExplorationBound.SafetyViolation, result.StoppedBy);
    }

    [Fact]
    public void A_picture_of_the_graph_has_an_arrow_into_each_initial_state_and_starts_the_trace_at_its_own()
    {
        ExplorationResult result = Explorer.Explore(
            Dup().Property(PropertyKind.Invariant, "Inv", x => x < 4), new ExplorationOptions { GraphStates = 10 });

        string dot = result.ToDot();

        // Initial states x = 0, 1, 2 are s0, s1, s2; the trace starts at s2 (k: 2).
        Assert.Contains("  start -> s0;\n  start -> s1;\n  start -> s2 [color=\"#d00000\", penwidth=2.5];\n", dot, System.StringComparison.Ordinal);
        Assert.Contains("start((start)) --> s2", result.ToMermaid(), System.StringComparison.Ordinal);
    }

    [Fact]
    public void Fingerprint_mode_replays_each_trace_from_its_own_initial_state()
    {
        var options = new ExplorationOptions { FingerprintsOnly = true };
        ExplorationResult exact = Explorer.Explore(Dup().Property(PropertyKind.Invariant, "Inv", x => x < 4));
        ExplorationResult fingerprints = Explorer.Explore(Dup().Property(PropertyKind.Invariant, "Inv", x => x < 4), options);

        Assert.Equal(exact.Violations.Select(v => v.Message), fingerprints.Violations.Select(v => v.Message));
        Assert.Equal(exact.DistinctStates, fingerprints.DistinctStates);
    }
}
