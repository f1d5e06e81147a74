using MergeQueue.Analyzers.Engine.Tests.Models;
using Xunit;

namespace MergeQueue.Analyzers.Engine.Tests;

/// <summary>Distinct states, transitions and depth, counted by hand on small models.</summary>
public class StateSpaceTests
{
    [Fact]
    public void A_chain_has_one_state_per_value_and_one_transition_per_step()
    {
        ExplorationResult result = Explorer.Explore(Toys.Counter(3));

        // 0 -> 1 -> 2 -> 3: four states, three Inc steps, the deepest three steps away.
        Assert.Equal(4, result.DistinctStates);
        Assert.Equal(3, result.Transitions);
        Assert.Equal(3, result.Depth);
        Assert.True(result.Complete);
        Assert.Equal(ExplorationBound.None, result.StoppedBy);
    }

    [Fact]
    public void Self_loops_count_as_transitions_but_add_no_state()
    {
        ExplorationResult result = Explorer.Explore(Toys.UpAndDown());

        // States 0..3. Enabled per state: 0: Inc, Stay; 1: Inc, Dec, Stay; 2: the same; 3: Dec, Stay: 2+3+3+2 = 10.
        Assert.Equal(4, result.DistinctStates);
        Assert.Equal(10, result.Transitions);
        Assert.Equal(3, result.Depth);
    }

    [Fact]
    public void Depth_is_the_fewest_steps_to_the_farthest_state()
    {
        // NotEight fails at 8 (level 4): explored to the end all the same.
        ExplorationResult result = Explorer.Explore(Toys.Doubler(), new ExplorationOptions { ContinueAfterViolation = true });

        // Levels: {0} {1} {2} {3, 4} {6, 5, 8} {7, 10, 9}: 11 states, depth 5 (not 10, the Inc-only path).
        // Inc is enabled in 0..9 (10 steps), Double in 1..5 (5 steps).
        Assert.Equal(11, result.DistinctStates);
        Assert.Equal(15, result.Transitions);
        Assert.Equal(5, result.Depth);
    }

    [Fact]
    public void States_reached_by_several_paths_are_counted_once()
    {
        ExplorationResult result = Explorer.Explore(Toys.Locks());

        // (0,0) (1,0) (0,1) (1,1) (2,0) (0,2); (1,1) is reached from both (1,0) and (0,1).
        // Steps: (0,0): 2; (1,0): TakeFirst(1), TakeSecond(0); (0,1): TakeFirst(0), TakeSecond(1);
        // (1,1): none; (2,0): Release(0); (0,2): Release(1): 8 in all.
        Assert.Equal(6, result.DistinctStates);
        Assert.Equal(8, result.Transitions);
        Assert.Equal(2, result.Depth);
    }
}
