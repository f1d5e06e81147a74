using System;
using System.Threading;
using MergeQueue.Analyzers.Engine.Tests.Models;
using Xunit;

namespace MergeQueue.Analyzers.Engine.Tests;

/// <summary>MaxStates, MaxDepth, memory, the time limit and cancellation: partial results that say so and never pass.</summary>
public class BoundTests
{
    private static ToyModel<int> CounterToTen() =>
        Toys.Counter(10).Property(PropertyKind.Terminal, "AtTen", x => x == 10);

    [Fact]
    public void MaxStates_stops_adding_states_and_checks_those_it_kept()
    {
        ExplorationResult result = Explorer.Explore(CounterToTen(), new ExplorationOptions { MaxStates = 5 });

        // 0..4 are kept and visited; each runs Inc (5 transitions); 5 would be the sixth state.
        Assert.Equal(ExplorationBound.MaxStates, result.StoppedBy);
        Assert.False(result.Complete);
        Assert.False(result.Passed);
        Assert.Equal(5, result.DistinctStates);
        Assert.Equal(5, result.Transitions);
        Assert.Equal(4, result.Depth);
        Assert.Equal(
            "'Counter' was not fully explored: MaxStates (5) reached; 5 distinct states, depth 4 explored; results cover only the explored states",
            result.BoundMessage);
    }

    [Fact]
    public void MaxStates_equal_to_the_reachable_count_does_not_cut()
    {
        ExplorationResult result = Explorer.Explore(CounterToTen(), new ExplorationOptions { MaxStates = 11 });

        Assert.True(result.Passed);
        Assert.Null(result.BoundMessage);
    }

    [Fact]
    public void MaxDepth_keeps_states_up_to_that_level_and_still_runs_their_actions()
    {
        var model = CounterToTen().Property(PropertyKind.Invariant, "BelowThree", x => x < 3);

        ExplorationResult result = Explorer.Explore(model, new ExplorationOptions { MaxDepth = 3 });

        // 0..3 are kept; 3, at the deepest level, is still checked (BelowThree fails there).
        Assert.Equal(ExplorationBound.MaxDepth, result.StoppedBy);
        Assert.Equal(4, result.DistinctStates);
        Assert.Equal(3, result.Depth);
        Assert.Equal("Invariant 'BelowThree' is violated after 3 steps", Assert.Single(result.Violations).Summary);
        Assert.StartsWith("'Counter' was not fully explored: MaxDepth (3) reached; 4 distinct states, depth 3 explored", result.BoundMessage);
    }

    [Fact]
    public void Stuck_state_at_MaxDepth_is_found_and_nothing_was_cut()
    {
        ExplorationResult result = Explorer.Explore(Toys.Counter(3), new ExplorationOptions { MaxDepth = 3 });

        // 3 is at depth 3 and has no successor: the whole graph fits in the bound.
        Assert.True(result.Complete);
        Assert.Equal(ViolationKind.Stuck, Assert.Single(result.Violations).Kind);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void A_memory_limit_stops_a_search_that_outgrows_it(int workers)
    {
        // 4,099,792 states (TLC, the PlusCal spec MQ5_Fixed) need about 200 MB here. The limit counts the whole
        // process's heap, which other tests running meanwhile also grow and shrink: 16 MB is far from both.
        var options = new ExplorationOptions { MaxMemoryMegabytes = 16, MaxStates = 0, Workers = workers };

        ExplorationResult result = Explorer.Explore(new MergeQueueModel(QueueVersion.Fixed, 6, QueueGoal.None), options);

        Assert.Equal(ExplorationBound.MaxMemory, result.StoppedBy);
        Assert.False(result.Complete);
        Assert.False(result.Passed);
        Assert.True(result.DistinctStates < 4_099_792);
        Assert.StartsWith("'FixedQueue' was not fully explored: the memory limit (16 MB) reached; ", result.BoundMessage);
    }

    [Fact]
    public void A_memory_limit_the_search_stays_under_changes_nothing()
    {
        ExplorationResult result = Explorer.Explore(CounterToTen(), new ExplorationOptions { MaxMemoryMegabytes = 1024 });

        Assert.True(result.Passed);
        Assert.Equal(11, result.DistinctStates);
    }

    [Fact]
    public void Running_out_of_memory_is_a_bound_not_a_crash()
    {
        // A step whose allocation fails: the model does not catch OutOfMemoryException, the engine stops there.
        var model = new ToyModel<int>("Greedy", 0)
            .Field("x", x => x.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Action("Grow", x => x < 5 ? StepOutcome<int>.Enabled(x + 1) : throw new OutOfMemoryException());

        ExplorationResult result = Explorer.Explore(model);

        Assert.Equal(ExplorationBound.MaxMemory, result.StoppedBy);
        Assert.False(result.Passed);
        Assert.Equal(6, result.DistinctStates);
        Assert.StartsWith("'Greedy' was not fully explored: the process ran out of memory; 6 distinct states, depth 5 explored", result.BoundMessage);
    }

    [Fact]
    public void Timeout_stops_a_search_that_would_run_on()
    {
        var options = new ExplorationOptions { Timeout = TimeSpan.FromMilliseconds(10), MaxStates = 0 };

        // Each step sleeps 1 ms: the clock is read every 256 states, so this stops at about a quarter second.
        ExplorationResult result = Explorer.Explore(Toys.Unbounded(_ => Thread.Sleep(1)), options);

        Assert.Equal(ExplorationBound.Timeout, result.StoppedBy);
        Assert.False(result.Passed);
        Assert.StartsWith("'Unbounded' was not fully explored: the time limit (10 ms) reached; ", result.BoundMessage);
    }

    [Fact]
    public void Cancelled_token_returns_a_partial_result_instead_of_throwing()
    {
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();

        ExplorationResult result = Explorer.Explore(CounterToTen(), new ExplorationOptions { CancellationToken = cancellation.Token });

        // The initial state is built, then the loop sees the token before visiting it.
        Assert.Equal(ExplorationBound.Cancelled, result.StoppedBy);
        Assert.False(result.Passed);
        Assert.Equal(1, result.DistinctStates);
        Assert.Equal(
            "'Counter' was not fully explored: the exploration was cancelled; 1 distinct state, depth 0 explored; results cover only the explored states",
            result.BoundMessage);
    }

    [Fact]
    public void Cancellation_during_the_search_stops_it_at_the_next_state()
    {
        using var cancellation = new CancellationTokenSource();
        var model = Toys.Unbounded(x =>
        {
            if (x == 100)
            {
                cancellation.Cancel();
            }
        });

        ExplorationResult result = Explorer.Explore(model, new ExplorationOptions { CancellationToken = cancellation.Token, MaxStates = 0 });

        // Visiting 100 adds 101 and cancels; the loop stops before visiting 101.
        Assert.Equal(ExplorationBound.Cancelled, result.StoppedBy);
        Assert.Equal(102, result.DistinctStates);
    }

    [Fact]
    public void Model_that_throws_OperationCanceledException_on_cancellation_is_cancelled_not_failed()
    {
        using var cancellation = new CancellationTokenSource();
        var model = Toys.Unbounded(x =>
        {
            if (x == 5)
            {
                cancellation.Cancel();
                cancellation.Token.ThrowIfCancellationRequested();
            }
        });

        ExplorationResult result = Explorer.Explore(model, new ExplorationOptions { CancellationToken = cancellation.Token });

        Assert.Equal(ExplorationBound.Cancelled, result.StoppedBy);
        Assert.Empty(result.Violations);
    }
}
