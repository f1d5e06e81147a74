using System.Linq;
using MergeQueue.Analyzers.Engine.Tests.Models;
using Xunit;

namespace MergeQueue.Analyzers.Engine.Tests.Semantics;

/// <summary>
/// SPEC §2 "Stopping": by default the search stops at the end of the breadth-first level whose visit found the first
/// safety violation and reports every violation of that level; <see cref="ExplorationOptions.ContinueAfterViolation"/>
/// explores everything (TLC's <c>-continue</c>).
/// </summary>
public class StoppingTests
{
    // Stop.tla: Init == x = 0 /\ y = 0   IncX == x < 6 /\ x' = x + 1   IncY == y < 6 /\ y' = y + 1
    // INVARIANT XSmall == x < 2, INVARIANT YSmall == y < 4, deadlock checked.
    private static ToyModel<(int X, int Y)> Grid() =>
        new ToyModel<(int X, int Y)>("Stop", (0, 0))
            .Field("x", s => s.X.ToString())
            .Field("y", s => s.Y.ToString())
            .Action("IncX", s => Outcome.Require(s.X < 6, "x < 6", 5, (s.X + 1, s.Y)))
            .Action("IncY", s => Outcome.Require(s.Y < 6, "y < 6", 6, (s.X, s.Y + 1)))
            .Property(PropertyKind.Invariant, "XSmall", s => s.X < 2)
            .Property(PropertyKind.Invariant, "YSmall", s => s.Y < 4);

    [Fact]
    public void By_default_the_search_stops_after_the_level_of_the_first_violation()
    {
        ExplorationResult result = Explorer.Explore(Grid());

        // TLC: "Invariant XSmall is violated", the behavior (0, 0), (1, 0), (2, 0), and stops. The level of x + y = 2
        // is visited to its end (3 states; only (2, 0) breaks an invariant) and its successors are found: 10 states.
        Violation violation = Assert.Single(result.Violations);
        Assert.Equal("Invariant 'XSmall' is violated after 2 steps", violation.Summary);
        Assert.Equal(10, result.DistinctStates);
        Assert.Equal(ExplorationBound.SafetyViolation, result.StoppedBy);
        Assert.False(result.Complete);
        Assert.Null(result.BoundMessage);
        Assert.Empty(result.NeverEnabledActions);
    }

    [Fact]
    public void Continue_after_violation_explores_everything_and_reports_every_violation()
    {
        ExplorationResult result = Explorer.Explore(Grid(), new ExplorationOptions { ContinueAfterViolation = true });

        // TLC -continue: XSmall and YSmall violated (at every such state), deadlock at (6, 6); "85 states generated,
        // 49 distinct states found", depth 13. Here each property once, at its shallowest.
        Assert.Equal(
            new[] { "Invariant 'XSmall' is violated after 2 steps", "Invariant 'YSmall' is violated after 4 steps", "'Stop' is stuck after 12 steps: no action is enabled" },
            result.Violations.Select(v => v.Summary));
        Assert.Equal(49, result.DistinctStates);
        Assert.Equal(85 - 1, result.Transitions);
        Assert.Equal(12, result.Depth);
        Assert.True(result.Complete);
    }

    [Fact]
    public void Every_violation_of_the_level_is_reported()
    {
        // XSmall at (2, 0) and YSmall moved to y < 2: both break at level 2, each reported.
        var model = Grid().Property(PropertyKind.Invariant, "YTiny", s => s.Y < 2);

        ExplorationResult result = Explorer.Explore(model);

        Assert.Equal(
            new[] { "Invariant 'XSmall' is violated after 2 steps", "Invariant 'YTiny' is violated after 2 steps" },
            result.Violations.Select(v => v.Summary));
    }

    [Fact]
    public void A_violation_in_the_last_level_leaves_the_search_complete()
    {
        // Counter(3) is stuck at 3, the last level: nothing is left, so never-enabled actions are still claimed.
        var model = Toys.Counter(3).Action("Never", x => Outcome.Disabled<int>("false", 9));

        ExplorationResult result = Explorer.Explore(model);

        Assert.Equal(ViolationKind.Stuck, Assert.Single(result.Violations).Kind);
        Assert.True(result.Complete);
        Assert.Equal(new[] { 1 }, result.NeverEnabledActions);
    }

    [Fact]
    public void Workers_stop_after_the_same_level()
    {
        // 16 bits set one at a time: levels of up to 12,870 states, so two workers expand them in parallel batches.
        // More than 8 bits set breaks the invariant at level 9: the search stops after it, with 1 + ... + C(16, 10) states.
        var model = new ToyModel<int>("Bits", 0)
            .Field("bits", b => b.ToString())
            .Action("Set", "i", Enumerable.Range(0, 16).ToArray(), (b, i) => Outcome.Require((b & (1 << i)) == 0, "bit clear", 4, b | (1 << i)))
            .Property(PropertyKind.Invariant, "AtMostEight", b => System.Numerics.BitOperations.PopCount((uint)b) <= 8)
            .NoStuckCheck();

        ExplorationResult one = Explorer.Explore(model);
        ExplorationResult two = Explorer.Explore(model, new ExplorationOptions { Workers = 2 });

        long expected = Enumerable.Range(0, 11).Sum(k => Choose(16, k));
        Assert.Equal(expected, one.DistinctStates);
        Assert.Equal(one.DistinctStates, two.DistinctStates);
        Assert.Equal(one.Transitions, two.Transitions);
        Assert.Equal(one.Violations.Select(v => v.Message), two.Violations.Select(v => v.Message));
        Assert.Equal(ExplorationBound.SafetyViolation, two.StoppedBy);
    }

    private static long Choose(int n, int k) => k == 0 ? 1 : Choose(n - 1, k - 1) * n / k;
}
