using System.Linq;
using MergeQueue.Analyzers.Engine.Tests.Models;
using Xunit;
using Xunit.Abstractions;

namespace MergeQueue.Analyzers.Engine.Tests;

/// <summary>
/// TLC's liveness verdicts on the merge-queue family (TLC on the PlusCal specs of the family, N = 3, every action weakly fair). Why
/// one weakly fair group per action gives TLC's fair behaviors (two workers of each kind, a merger that merges or
/// blocks) is argued on <see cref="MergeQueueModel"/>. In every version each step moves one PR forward, so every
/// behavior ends stuttering forever in some state; it is fair exactly when nothing is enabled there. So an
/// [Eventually] holds exactly when it holds in every such final state reachable without it ever holding.
/// </summary>
public class MergeQueueLivenessTests
{
    private readonly ITestOutputHelper output;

    public MergeQueueLivenessTests(ITestOutputHelper output) => this.output = output;

    [Fact]
    public void Naive_queue_eventually_merges_every_PR()
    {
        ExplorationResult result = Explorer.Explore(new MergeQueueModel(QueueVersion.Naive, 3, QueueGoal.AllMerged));

        // TLC v1_naive.cfg: 64 = 4^3 states; holds. A PR not yet merged always has its next action enabled, so the
        // only final state is every PR merged.
        Assert.Equal(64, result.DistinctStates);
        Assert.True(result.Passed);
    }

    [Fact]
    public void Naive_queue_need_not_ever_have_every_PR_validated_at_once()
    {
        ExplorationResult result = Explorer.Explore(new MergeQueueModel(QueueVersion.Naive, 3, QueueGoal.AllValidated));

        // TLC v1b_sanity.cfg: violated. Merging PR 0 before PR 2 is validated avoids the all-validated state, and
        // the behavior ends in the all-merged state, where nothing is enabled: every path there takes 3 steps per PR.
        Violation violation = Assert.Single(result.Violations);
        Assert.Equal(ViolationKind.LivenessViolated, violation.Kind);
        Assert.Equal("property EveryPrValidated", violation.Site);
        Assert.Equal(
            "[Eventually] 'EveryPrValidated' fails on a fair behavior: it is false in every state, and the behavior stays at step 9 forever",
            violation.Summary);
        Assert.True(violation.Trace!.StaysForever);
        Assert.Equal("9: Merge(p: 2): pr = [Merged, Merged, Merged]", violation.Trace.Steps[9].ToString());
        Assert.Equal(new[] { "no action is enabled here" }, violation.Trace.Epilogue);
    }

    [Fact]
    public void Queue_with_CI_failures_need_not_merge_every_PR()
    {
        ExplorationResult result = Explorer.Explore(new MergeQueueModel(QueueVersion.CiFailures, 3, QueueGoal.AllMerged));

        // TLC v2_cifailures.cfg: 216 = 6^3 states; violated: a PR that fails CI is blocked, and the behavior ends
        // with every PR merged or blocked (9 steps), one of them blocked.
        Assert.Equal(216, result.DistinctStates);
        Violation violation = Assert.Single(result.Violations);
        Assert.Equal(
            "[Eventually] 'EveryPrMerged' fails on a fair behavior: it is false in every state, and the behavior stays at step 9 forever",
            violation.Summary);
        Assert.Contains("Blocked", violation.Trace!.Steps.Last().ToString());
    }

    [Fact]
    public void Queue_with_CI_failures_eventually_resolves_every_PR()
    {
        ExplorationResult result = Explorer.Explore(new MergeQueueModel(QueueVersion.CiFailures, 3, QueueGoal.AllDone));

        // TLC v3_mergedorblocked.cfg: holds. A PR neither merged nor blocked always has its next action enabled.
        Assert.True(result.Passed);
    }

    [Fact]
    public void Ordered_queue_stays_stuck_after_a_block_and_never_resolves_every_PR()
    {
        // Past the stuck state (found first, at step 7), so that the liveness property is checked.
        ExplorationResult result = Explorer.Explore(new MergeQueueModel(3, blockClearsStamp: false), new ExplorationOptions { ContinueAfterViolation = true });

        // TLC v4_ordered.cfg: violated. The stuck state of the safety check (7 steps, MergeQueueTests) is a final
        // state without every PR resolved: the behavior stays there. No state before it resolves every PR, and the
        // search keeps the breadth-first order, so the prefix is the stuck trace itself.
        Violation violation = result.Violations.Single(v => v.Kind == ViolationKind.LivenessViolated);
        Assert.Equal(
            """
            [Eventually] 'EveryPrResolved' fails on a fair behavior: it is false in every state, and the behavior stays at step 7 forever
            0: initial state: pr = [Pending, Pending, Pending], queuedAt = [0, 0, 0], time = 1
            1: Enqueue(p: 0): pr = [Waiting, Pending, Pending], queuedAt = [1, 0, 0], time = 2
            2: Enqueue(p: 1): pr = [Waiting, Waiting, Pending], queuedAt = [1, 2, 0], time = 3
            3: Enqueue(p: 2): pr = [Waiting, Waiting, Waiting], queuedAt = [1, 2, 3], time = 4
            4: RunCi(p: 0, passes: false): pr = [Failed, Waiting, Waiting]
            5: RunCi(p: 1, passes: true): pr = [Failed, Validated, Waiting]
            6: RunCi(p: 2, passes: true): pr = [Failed, Validated, Validated]
            7: Block(p: 0): pr = [Blocked, Validated, Validated]
            stays here forever
            no action is enabled here
            """.Replace("\r\n", "\n"),
            violation.Message);
        Assert.Equal("property EveryPrResolved", violation.Site);
        Assert.Equal(2, violation.Property);
        Assert.Null(violation.Trace!.LoopsBackTo);
        Assert.True(violation.Trace.StaysForever);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(4)]
    public void Fixed_queue_eventually_resolves_every_PR(int prs)
    {
        ExplorationResult result = Explorer.Explore(new MergeQueueModel(QueueVersion.Fixed, prs, QueueGoal.AllDone));

        // TLC v5_fixed.cfg (N = 3): holds. Blocking clears the stamp, so a validated PR is never held back for good.
        Assert.True(result.Passed);
    }

    [Fact]
    public void Fixed_queue_of_five_eventually_resolves_every_PR()
    {
        ExplorationResult result = Explorer.Explore(new MergeQueueModel(QueueVersion.Fixed, 5, QueueGoal.AllDone));

        // 187,272 states (TLC). TLC takes 3.4x its safety-only time with this property; here the liveness search
        // (one pass of components over the 187,272 states, which form no cycle) adds well under that.
        Assert.Equal(187_272, result.DistinctStates);
        Assert.True(result.Passed);
        output.WriteLine(result.StatisticsMessage);
    }
}
