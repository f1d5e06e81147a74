using System.Linq;
using MergeQueue.Analyzers.Engine.Tests.Models;
using Xunit;

namespace MergeQueue.Analyzers.Engine.Tests;

/// <summary>Invariants: checked in every reachable state, each violation once, with a shortest trace.</summary>
public class InvariantTests
{
    [Fact]
    public void Invariant_violation_is_reported_with_a_shortest_trace()
    {
        ExplorationResult result = Explorer.Explore(Toys.Doubler());

        // 8 is 8 increments away, but 4 steps by doubling: Inc, Inc, Double, Double.
        Violation violation = Assert.Single(result.Violations);
        Assert.Equal(ViolationKind.InvariantViolated, violation.Kind);
        Assert.Equal("Invariant 'NotEight' is violated after 4 steps", violation.Summary);
        Assert.Equal(
            new[] { "initial state", "Inc()", "Inc()", "Double()", "Double()" },
            violation.Trace!.Steps.Select(step => step.Label));
        Assert.Equal("x = 8", violation.Trace.Steps[4].Changes.Single().ToString());
    }

    [Fact]
    public void Violation_is_reported_at_the_invariant_with_its_index_and_each_step_action()
    {
        ExplorationResult result = Explorer.Explore(Toys.Doubler());

        Violation violation = result.Violations.Single();
        Assert.Equal("property NotEight", violation.Site);
        Assert.Equal(0, violation.Property);
        Assert.Equal(new object?[] { "action Inc", "action Inc", "action Double", "action Double" }, violation.StepSites);
    }

    [Fact]
    public void Invariant_false_in_the_initial_state_has_a_one_state_trace()
    {
        var model = Toys.Counter(3).Property(PropertyKind.Invariant, "Positive", x => x > 0);

        Violation violation = Explorer.Explore(model).Violations.First();

        Assert.Equal("Invariant 'Positive' is violated in the initial state", violation.Summary);
        Assert.Equal("Invariant 'Positive' is violated in the initial state\n0: initial state: x = 0", violation.Message);
        Assert.Empty(violation.StepSites);
    }

    [Fact]
    public void Each_invariant_is_reported_once_at_its_shallowest_violation_when_exploration_goes_on()
    {
        var model = Toys.Counter(5)
            .Property(PropertyKind.Invariant, "BelowTwo", x => x < 2)
            .Property(PropertyKind.Invariant, "BelowFour", x => x < 4)
            .Property(PropertyKind.Terminal, "AtFive", x => x == 5);

        // TLC's -continue (by default the search stops after level 2: StoppingTests).
        ExplorationResult result = Explorer.Explore(model, new ExplorationOptions { ContinueAfterViolation = true });

        // BelowTwo fails at 2, 3, 4, 5 and BelowFour at 4, 5: each is reported once, at 2 and 4 steps.
        Assert.Equal(
            new[] { "Invariant 'BelowTwo' is violated after 2 steps", "Invariant 'BelowFour' is violated after 4 steps" },
            result.Violations.Select(v => v.Summary));
        Assert.Equal(6, result.DistinctStates);
        Assert.True(result.Complete);
        Assert.False(result.Passed);
    }

    [Fact]
    public void Model_whose_invariants_hold_passes()
    {
        var model = Toys.Counter(3)
            .Property(PropertyKind.Invariant, "InRange", x => x >= 0 && x <= 3)
            .Property(PropertyKind.Terminal, "AtThree", x => x == 3);

        ExplorationResult result = Explorer.Explore(model);

        Assert.Empty(result.Violations);
        Assert.True(result.Passed);
    }
}
