using System.Linq;
using MergeQueue.Analyzers.Engine.Tests.Models;
using Xunit;
using Xunit.Abstractions;

namespace MergeQueue.Analyzers.Engine.Tests;

/// <summary>
/// The merge queue family against TLC's figures (TLC on the PlusCal specs MQ1_Naive to MQ5_Fixed): same variables, same distinct states.
/// </summary>
public class MergeQueueTests
{
    private readonly ITestOutputHelper output;

    public MergeQueueTests(ITestOutputHelper output) => this.output = output;

    [Fact]
    public void Ordered_queue_of_three_has_TLCs_652_states_and_is_stuck_after_seven_steps()
    {
        // Explored past the stuck state (TLC's -continue; the 652 states are the whole graph, as TLC counts them with
        // the deadlock check off), so the liveness property is checked too.
        ExplorationResult result = Explorer.Explore(new MergeQueueModel(3, blockClearsStamp: false), new ExplorationOptions { ContinueAfterViolation = true });

        // TLC, MQ4_Ordered N = 3: 652 distinct states. Every PR takes exactly three steps to be done: depth 9.
        Assert.Equal(652, result.DistinctStates);
        Assert.Equal(9, result.Depth);
        Assert.True(result.Complete);
        Assert.Empty(result.NeverEnabledActions);

        // MergedInOrder holds (TLC's v4_safety.cfg); the only safety violation is the stuck queue. (Its liveness
        // twin, EveryPrResolved, is in MergeQueueLivenessTests.)
        Assert.Equal(new[] { ViolationKind.Stuck, ViolationKind.LivenessViolated }, result.Violations.Select(v => v.Kind));
        Violation stuck = result.Violations[0];
        Assert.Equal("'OrderedQueue' is stuck after 7 steps: no action is enabled and no [Terminal] member holds", stuck.Summary);
    }

    [Fact]
    public void Ordered_queue_stuck_trace_is_the_first_shortest_one_in_action_order()
    {
        Violation stuck = Explorer.Explore(new MergeQueueModel(3, blockClearsStamp: false)).Violations.Single(v => v.Kind == ViolationKind.Stuck);

        // A stuck state needs every PR queued and judged (6 steps) and the first-stamped PR failed and blocked
        // (1 step), so 7 is the fewest. Breadth-first with actions in order picks, step by step, the smallest
        // action instance that can still get there in 7: queue 0, 1, 2; fail 0 (failing 1 as well would need a
        // second Block); pass 1 (passing 2 next; failing 2 would leave it to block); block 0.
        Assert.Equal(
            """
            0: initial state: pr = [Pending, Pending, Pending], queuedAt = [0, 0, 0], time = 1
            1: Enqueue(p: 0): pr = [Waiting, Pending, Pending], queuedAt = [1, 0, 0], time = 2
            2: Enqueue(p: 1): pr = [Waiting, Waiting, Pending], queuedAt = [1, 2, 0], time = 3
            3: Enqueue(p: 2): pr = [Waiting, Waiting, Waiting], queuedAt = [1, 2, 3], time = 4
            4: RunCi(p: 0, passes: false): pr = [Failed, Waiting, Waiting]
            5: RunCi(p: 1, passes: true): pr = [Failed, Validated, Waiting]
            6: RunCi(p: 2, passes: true): pr = [Failed, Validated, Validated]
            7: Block(p: 0): pr = [Blocked, Validated, Validated]
            no action is enabled:
              Enqueue: Require(pr[p] == Pr.Pending) is false (line 17) for every p
              RunCi: Require(pr[p] == Pr.Waiting) is false (line 24) for every p and passes
              Merge: Require(pr[p] == Pr.Validated && EarlierMerged(p)) is false (line 30) for every p
              Block: Require(pr[p] == Pr.Failed) is false (line 36) for every p
            """.Replace("\r\n", "\n"),
            stuck.Trace!.Format());
        Assert.Equal(
            new object?[] { "action Enqueue", "action Enqueue", "action Enqueue", "action RunCi", "action RunCi", "action RunCi", "action Block" },
            stuck.StepSites);
    }

    [Fact]
    public void Fixed_queue_of_three_has_TLCs_656_states_and_passes()
    {
        ExplorationResult result = Explorer.Explore(new MergeQueueModel(3, blockClearsStamp: true));

        // TLC, MQ5_Fixed N = 3: 656 distinct states; no invariant violation, never stuck outside AllDone.
        Assert.Equal(656, result.DistinctStates);
        Assert.Equal(9, result.Depth);
        Assert.True(result.Passed);
    }

    [Fact]
    public void Fixed_queue_of_five_has_TLCs_187272_states()
    {
        ExplorationResult result = Explorer.Explore(new MergeQueueModel(QueueVersion.Fixed, 5, QueueGoal.None));

        // TLC, MQ5_Fixed N = 5, invariants only: 187,272 distinct states.
        Assert.Equal(187_272, result.DistinctStates);
        Assert.Equal(15, result.Depth);
        Assert.True(result.Passed);
        output.WriteLine(result.StatisticsMessage);
    }
}
