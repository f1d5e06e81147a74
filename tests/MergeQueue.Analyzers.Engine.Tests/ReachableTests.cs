using MergeQueue.Analyzers.Engine.Tests.Models;
using Xunit;

namespace MergeQueue.Analyzers.Engine.Tests;

/// <summary>[Reachable]: some reachable state satisfies it, claimed only after every state was seen.</summary>
public class ReachableTests
{
    private static ToyModel<int> CounterToThree() =>
        Toys.Counter(3).Property(PropertyKind.Terminal, "AtThree", x => x == 3);

    [Fact]
    public void Reachable_property_that_holds_somewhere_passes()
    {
        ExplorationResult result = Explorer.Explore(CounterToThree().Property(PropertyKind.Reachable, "ReachesThree", x => x == 3));

        Assert.True(result.Passed);
    }

    [Fact]
    public void Reachable_property_that_holds_nowhere_is_reported_without_a_trace()
    {
        ExplorationResult result = Explorer.Explore(CounterToThree().Property(PropertyKind.Reachable, "ReachesFive", x => x == 5));

        // States 0..3; none is 5.
        Violation violation = Assert.Single(result.Violations);
        Assert.Equal(ViolationKind.NeverReached, violation.Kind);
        Assert.Equal("[Reachable] 'ReachesFive' holds in none of the 4 reachable states", violation.Summary);
        Assert.Equal(violation.Summary, violation.Message);
        Assert.Null(violation.Trace);
        Assert.Equal("property ReachesFive", violation.Site);
        Assert.Equal(1, violation.Property);
        Assert.Empty(violation.StepSites);
    }

    [Fact]
    public void Reachable_property_is_not_claimed_unreachable_when_exploration_was_cut_short()
    {
        var options = new ExplorationOptions { MaxStates = 2 };

        ExplorationResult result = Explorer.Explore(CounterToThree().Property(PropertyKind.Reachable, "ReachesThree", x => x == 3), options);

        // Only 0 and 1 were kept; 3 might still be reachable, so it is a note on the bound, not a violation.
        Assert.Empty(result.Violations);
        Assert.EndsWith("; [Reachable] 'ReachesThree' holds in none of them so far", result.BoundMessage);
    }
}
