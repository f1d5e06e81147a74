using System.Linq;
using MergeQueue.Analyzers.Engine.Tests.Models;
using Xunit;

namespace MergeQueue.Analyzers.Engine.Tests;

/// <summary>Stuck states: no action enabled and no [Terminal] member holding, with why each action is disabled.</summary>
public class StuckTests
{
    [Fact]
    public void Stuck_state_is_reported_with_shortest_trace()
    {
        ExplorationResult result = Explorer.Explore(Toys.Locks());

        // Breadth-first: (0,0) -TakeFirst(0)-> (1,0) -TakeFirst(1)-> (1,1), where each process waits for
        // the lock the other holds.
        Violation violation = Assert.Single(result.Violations);
        Assert.Equal(ViolationKind.Stuck, violation.Kind);
        Assert.Equal("'Locks' is stuck after 2 steps: no action is enabled", violation.Summary);
        Assert.Equal(new[] { "initial state", "TakeFirst(self: 0)", "TakeFirst(self: 1)" }, violation.Trace!.Steps.Select(s => s.Label));
        Assert.Null(violation.Site);
        Assert.Equal(-1, violation.Property);
        Assert.Equal(new object?[] { "action TakeFirst", "action TakeFirst" }, violation.StepSites);
    }

    [Fact]
    public void Stuck_trace_ends_with_why_each_action_is_disabled()
    {
        Violation violation = Explorer.Explore(Toys.Locks()).Violations.Single();

        // In (1,1) both processes hold their first lock: every instance of an action fails the same Require.
        Assert.Equal(
            new[]
            {
                "no action is enabled:",
                "  TakeFirst: Require(pc[self] == 0) is false (line 10) for every self",
                "  TakeSecond: Require(Free(Second(self))) is false (line 17) for every self",
                "  Release: Require(pc[self] == 2) is false (line 22) for every self",
                "(add a [Terminal] member if this is an intended final state)",
            },
            violation.Trace!.Epilogue);
    }

    [Fact]
    public void Stuck_explanation_groups_instances_by_reason()
    {
        Violation violation = Explorer.Explore(Toys.Picker()).Violations.Single();

        // x = 2 after Pick(i: 1), Pick(i: 0). Pick(0) and Pick(1) pass i != x and fail x < 2; Pick(2) fails i != x.
        Assert.Equal("'Picker' is stuck after 2 steps: no action is enabled and no [Terminal] member holds", violation.Summary);
        Assert.Equal(new[] { "initial state", "Pick(i: 1)", "Pick(i: 0)" }, violation.Trace!.Steps.Select(s => s.Label));
        Assert.Equal(
            new[]
            {
                "no action is enabled:",
                "  Pick(i: 0), Pick(i: 1): Require(x < 2) is false (line 6)",
                "  Pick(i: 2): Require(i != x) is false (line 5)",
                "  Reset: Require(x == 5) is false (line 10)",
            },
            violation.Trace.Epilogue);
    }

    [Fact]
    public void State_where_a_Terminal_member_holds_is_not_stuck()
    {
        var model = Toys.Counter(3).Property(PropertyKind.Terminal, "AtThree", x => x == 3);

        ExplorationResult result = Explorer.Explore(model);

        Assert.Empty(result.Violations);
        Assert.True(result.Passed);
    }

    [Fact]
    public void Without_a_Terminal_member_every_dead_end_is_stuck()
    {
        ExplorationResult result = Explorer.Explore(Toys.Counter(3));

        Violation violation = Assert.Single(result.Violations);
        Assert.Equal("'Counter' is stuck after 3 steps: no action is enabled", violation.Summary);
        Assert.Equal("(add a [Terminal] member if this is an intended final state)", violation.Trace!.Epilogue.Last());
    }

    [Fact]
    public void Terminal_member_false_in_the_dead_end_does_not_excuse_it()
    {
        var model = Toys.Counter(3).Property(PropertyKind.Terminal, "AtTwo", x => x == 2);

        Violation violation = Explorer.Explore(model).Violations.Single();

        Assert.Equal("'Counter' is stuck after 3 steps: no action is enabled and no [Terminal] member holds", violation.Summary);
        Assert.DoesNotContain(violation.Trace!.Epilogue, line => line.Contains("add a [Terminal]"));
    }

    [Fact]
    public void Only_the_shallowest_stuck_state_is_reported()
    {
        // 0 -Left-> 1 (dead end) and 0 -Right-> 2 -Right-> 3 (dead end): one violation, after 1 step.
        var model = new ToyModel<int>("Fork", 0)
            .Field("x", x => x.ToString())
            .Action("Left", x => Outcome.Require(x == 0, "x == 0", 3, 1))
            .Action("Right", x => Outcome.Require(x == 0 || x == 2, "x == 0 || x == 2", 7, x == 0 ? 2 : 3));

        ExplorationResult result = Explorer.Explore(model);

        Violation violation = Assert.Single(result.Violations);
        Assert.Equal("'Fork' is stuck after 1 step: no action is enabled", violation.Summary);
        Assert.Equal(4, result.DistinctStates);
    }

    [Fact]
    public void Instances_that_fail_count_as_not_enabled_and_say_so()
    {
        Violation stuck = Explorer.Explore(Toys.Fragile(), new ExplorationOptions { ContinueAfterViolation = true }).Violations.Single(v => v.Kind == ViolationKind.Stuck);

        // At x = 3: Inc and Check are disabled, Crash throws, Spin runs out of steps.
        Assert.Equal(
            new[]
            {
                "no action is enabled:",
                "  Inc: Require(x < 3) is false (line 3)",
                "  Check: Require(x == 1) is false (line 7)",
                "  Crash: threw IndexOutOfRangeException: Index was outside the bounds of the array. (a step that fails is not enabled)",
                "  Spin: ran past 100,000 steps (a step that fails is not enabled)",
                "(add a [Terminal] member if this is an intended final state)",
            },
            stuck.Trace!.Epilogue);
    }
}
