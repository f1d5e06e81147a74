using System.Linq;
using MergeQueue.Analyzers.Engine.Tests.Models;
using Xunit;

namespace MergeQueue.Analyzers.Engine.Tests.Semantics;

/// <summary>
/// <c>[Constraint]</c> as TLC's <c>CONSTRAINT</c>: a state where it is false is checked against the invariants, not
/// counted, stored or explored; a step into one is a transition (TLC counts it among the states generated) and keeps
/// its state from being stuck. Numbers from TLC runs of the specs quoted beside each test.
/// </summary>
public class ConstraintTests
{
    [Fact]
    public void States_outside_the_constraint_are_generated_but_not_counted_or_stuck()
    {
        // Con.tla: Init == x \in 0..1 /\ y = 0   Inc == x' = x + 1 /\ y' = y   Bump == y < 1 /\ y' = y + 1 /\ x' = x
        // CONSTRAINT x < 3, INVARIANT x < 10, deadlock checked. TLC: no error; "11 states generated, 6 distinct
        // states found", depth 3. (2, 1) steps only to (3, 1), outside: not a deadlock.
        var model = new ToyModel<(int X, int Y)>("Con", "x", new[] { 0, 1 }, x => Outcome.To((x, 0)))
            .Field("x", s => s.X.ToString())
            .Field("y", s => s.Y.ToString())
            .Action("Inc", s => Outcome.To((s.X + 1, s.Y)))
            .Action("Bump", s => Outcome.Require(s.Y < 1, "y < 1", 8, (s.X, s.Y + 1)))
            .Property(PropertyKind.Constraint, "Small", s => s.X < 3)
            .Property(PropertyKind.Invariant, "Inv", s => s.X < 10);

        ExplorationResult result = Explorer.Explore(model);

        Assert.True(result.Passed);
        Assert.Equal(6, result.DistinctStates);
        Assert.Equal(11 - 2, result.Transitions);
        Assert.Equal(2, result.Depth);
    }

    [Fact]
    public void An_initial_state_outside_the_constraint_is_checked_but_not_counted()
    {
        // Con2.tla: Init == x \in 0..4   Next == x' = x + 1   CONSTRAINT x < 3. TLC: "5 states generated, with 3 of
        // them distinct" initially, "8 states generated, 3 distinct states found", depth 1. With INVARIANT x < 4:
        // "Invariant Inv is violated by the initial state: x = 4".
        var model = new ToyModel<int>("Con2", "x", new[] { 0, 1, 2, 3, 4 }, Outcome.To)
            .Field("x", x => x.ToString())
            .Action("Next", x => Outcome.To(x + 1))
            .Property(PropertyKind.Constraint, "Small", x => x < 3);

        ExplorationResult result = Explorer.Explore(model);
        ExplorationResult checkedResult = Explorer.Explore(model.Property(PropertyKind.Invariant, "Inv", x => x < 4));

        Assert.True(result.Passed);
        Assert.Equal(3, result.DistinctStates);
        Assert.Equal(8 - 5, result.Transitions);
        Assert.Equal(0, result.Depth);
        Violation violation = Assert.Single(checkedResult.Violations);
        Assert.Equal("Invariant 'Inv' is violated in the initial state\n0: initial state (x: 4): x = 4", violation.Message);
    }

    [Fact]
    public void An_invariant_false_only_outside_the_constraint_is_violated_at_that_step()
    {
        // Con4.tla: Init == x = 0   Next == x' = x + 1   CONSTRAINT x < 3   INVARIANT x < 3. TLC: violated, the
        // behavior x = 0, 1, 2, 3; "4 states generated, 3 distinct states found".
        var model = new ToyModel<int>("Con4", 0)
            .Field("x", x => x.ToString())
            .Action("Next", x => Outcome.To(x + 1))
            .Property(PropertyKind.Constraint, "Small", x => x < 3)
            .Property(PropertyKind.Invariant, "Inv", x => x < 3);

        ExplorationResult result = Explorer.Explore(model);

        Violation violation = Assert.Single(result.Violations);
        Assert.Equal(
            "Invariant 'Inv' is violated after 3 steps\n0: initial state: x = 0\n1: Next(): x = 1\n2: Next(): x = 2\n3: Next(): x = 3",
            violation.Message);
        Assert.Equal(3, result.DistinctStates);
        Assert.Equal(4 - 1, result.Transitions);
    }

    [Fact]
    public void Several_workers_test_the_constraint_once_per_successor_of_a_chunk_and_report_what_one_does()
    {
        // By hand: 10,000 initial states x, each stepping to 10000 + x / 2 (5,000 states, each stepping to itself). One
        // worker tests the constraint on the 10,000 initial states and on each new successor once: 15,000. Two workers
        // expand the 10,000 in chunks, each testing a successor it reached twice only once: at most one more test per
        // chunk boundary that splits a pair, never one per step (20,000).
        int tested = 0;
        var model = new ToyModel<int>("Pairs", "x", Enumerable.Range(0, 10_000).ToArray(), Outcome.To)
            .Field("x", x => x.ToString())
            .Action("Halve", x => Outcome.To(x < 10_000 ? 10_000 + (x / 2) : x))
            .Property(PropertyKind.Constraint, "Any", x => System.Threading.Interlocked.Increment(ref tested) > 0);

        string one = Explorer.Explore(model).Report;
        int testedByOne = tested;
        tested = 0;
        ExplorationResult two = Explorer.Explore(model, new ExplorationOptions { Workers = 2 });

        Assert.Equal(15_000, testedByOne);
        Assert.InRange(tested, 15_000, 15_000 + 64);
        Assert.Equal(15_000, two.DistinctStates);
        Assert.Equal(WithoutTime(one), WithoutTime(two.Report));
    }

    private static string WithoutTime(string report) => report.Substring(0, report.LastIndexOf('\n') + 1);

    [Fact]
    public void Liveness_is_not_claimed_when_the_constraint_cut_a_behavior()
    {
        // ConL2.tla: Init == x = 0   Next == (x < 3 /\ x' = x + 1) \/ (x = 3 /\ x' = 4) \/ (x = 4 /\ x' = 3)
        // Spec == Init /\ [][Next]_x /\ WF_x(Next), PROPERTY <>(x = 10). Without a constraint TLC finds the
        // counterexample (3, 4 forever); with CONSTRAINT x < 3 it reports "No error has been found", a pass the
        // cut behavior does not deserve. The checker claims nothing instead.
        ToyModel<int> Model() => new ToyModel<int>("ConL2", 0)
            .Field("x", x => x.ToString())
            .Action("Next", x => Outcome.To(x < 3 ? x + 1 : x == 3 ? 4 : 3))
            .Property(PropertyKind.Eventually, "Ten", x => x == 10);

        ExplorationResult free = Explorer.Explore(Model());
        ExplorationResult constrained = Explorer.Explore(Model().Property(PropertyKind.Constraint, "Small", x => x < 3));

        Assert.Equal(ViolationKind.LivenessViolated, Assert.Single(free.Violations).Kind);
        Assert.Empty(constrained.Violations);
        Assert.False(constrained.Passed);
        Assert.Equal(ExplorationBound.Constraint, constrained.StoppedBy);
        Assert.Equal(
            "'ConL2' was explored within its [Constraint] (3 distinct states, depth 2), which cut behaviors short: no counterexample "
            + "was found for [Eventually] 'Ten', but a behavior leaving the constraint may break it (TLC would report a pass); check it "
            + "with a [Constraint] that holds in every reachable state, or without one",
            constrained.BoundMessage);
    }

    [Fact]
    public void A_counterexample_away_from_the_cut_states_is_reported()
    {
        // 0 and 1 swap (weakly fair); Up (no fairness) goes from 1 to 2, and Next from 2 to 3, outside the constraint.
        // For <>(x = 2) the cycle 0, 1, 0 passes no state the constraint cut (2 is), so it is a real counterexample.
        var model = new ToyModel<int>("ConL3", 0)
            .Field("x", x => x.ToString())
            .Action("Swap", x => Outcome.Require(x < 2, "x < 2", 4, 1 - x))
            .Action("Up", x => Outcome.Require(x == 1, "x == 1", 5, 2), ActionFairness.None)
            .Action("Next", x => Outcome.Require(x == 2, "x == 2", 6, 3))
            .Property(PropertyKind.Eventually, "Two", x => x == 2)
            .Property(PropertyKind.Constraint, "Small", x => x < 3);

        ExplorationResult result = Explorer.Explore(model);

        Violation violation = Assert.Single(result.Violations);
        Assert.Equal("0: initial state: x = 0\n1: Swap(): x = 1\n2: Swap(): x = 0\nback to step 0", violation.Trace!.Format());
        Assert.Equal(3, result.DistinctStates);
        Assert.True(result.Complete);
    }

    [Fact]
    public void A_constraint_that_keeps_nothing_out_leaves_liveness_checked()
    {
        ExplorationResult result = Explorer.Explore(LivenessToys.Crossing(ActionFairness.Strong)
            .Property(PropertyKind.Constraint, "Always", _ => true));

        Assert.True(result.Passed);
    }
}
