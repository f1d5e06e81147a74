using MergeQueue.Analyzers.Engine.Tests.Models;
using Xunit;

namespace MergeQueue.Analyzers.Engine.Tests;

/// <summary>Actions with no enabled instance in any reachable state: a warning, not a violation.</summary>
public class NeverEnabledTests
{
    private static ToyModel<int> CounterWithFly() =>
        Toys.Counter(3)
            .Property(PropertyKind.Terminal, "AtThree", x => x == 3)
            .Action("Fly", x => Outcome.Require(x > 10, "x > 10", 9, 0))
            .Action("Land", "at", new[] { 1, 2 }, (x, at) => Outcome.Require(x == at, "x == at", 13, 0));

    [Fact]
    public void Action_never_enabled_is_listed_with_a_message()
    {
        ExplorationResult result = Explorer.Explore(CounterWithFly());

        // Inc is enabled in 0..2 and Land(at: 1) in 1; Fly (index 1) in none of 0..3.
        Assert.Equal(new[] { 1 }, result.NeverEnabledActions);
        Assert.Equal(new[] { "Action 'Fly' is never enabled in any of the 4 reachable states" }, result.NeverEnabledMessages);
        Assert.Equal(result.NeverEnabledMessages[0], result.NeverEnabledMessage(1));
    }

    [Fact]
    public void Never_enabled_action_is_a_warning_and_the_model_still_passes()
    {
        ExplorationResult result = Explorer.Explore(CounterWithFly());

        Assert.Empty(result.Violations);
        Assert.True(result.Passed);
    }

    [Fact]
    public void Never_enabled_actions_are_not_claimed_when_exploration_was_cut_short()
    {
        ExplorationResult result = Explorer.Explore(CounterWithFly(), new ExplorationOptions { MaxDepth = 1 });

        Assert.False(result.Complete);
        Assert.Empty(result.NeverEnabledActions);
        Assert.Empty(result.NeverEnabledMessages);
    }
}
