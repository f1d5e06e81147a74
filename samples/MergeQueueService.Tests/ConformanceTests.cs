using System.Linq;
using MergeQueue.Analyzers;
using MergeQueue.Samples;
using Xunit;
using Xunit.Abstractions;

namespace Acme.MergeQueue.Tests;

/// <summary>The shipped merge queue, and the copy with the article's bug, checked against the FixedQueue model.</summary>
public sealed class ConformanceTests(ITestOutputHelper output)
{
    [Fact]
    public void Shipped_service_takes_all_1548_transitions_of_FixedQueue_and_matches_it_after_each()
    {
        var result = FixedQueue.CheckConformance(() => new ShippedQueueDriver());
        output.WriteLine(result.Report);

        Assert.True(result.Passed, result.Report);

        // The fixed queue at N = 3: 656 states (TLC, the PlusCal spec MQ5_Fixed) and 1,548 transitions (the README's
        // figures, pinned by the generator's C# 7.3 test); every one driven.
        Assert.Equal((656L, 1548L, 1548L), (result.DistinctStates, result.Transitions, result.TransitionsCovered));
    }

    [Fact]
    public void Shipped_service_refuses_every_step_the_model_refuses()
    {
        var result = FixedQueue.CheckConformance(() => new ShippedQueueDriver(), new ConformanceOptions { CheckRefusals = true });

        Assert.True(result.Passed, result.Report);
    }

    [Fact]
    public void Buggy_service_diverges_at_step_3_where_the_blocked_PR_is_still_queued()
    {
        var result = FixedQueue.CheckConformance(() => new BuggyQueueDriver());
        output.WriteLine(result.Report);

        // By hand: the two services differ only in Block, Block needs a failed CI run, a CI run needs the PR queued.
        // So no path shorter than Enqueue, RunCi(passes: false), Block shows a difference, and that one does: the
        // model's queue is empty again, the service still holds #101. Breadth-first order takes p = 0 first.
        Assert.False(result.Passed);
        var trace = Assert.IsType<Trace>(result.Divergence);
        Assert.Equal(
            new[] { "initial state", "Enqueue(p: 0)", "RunCi(p: 0, passes: false)", "Block(p: 0)" },
            trace.Steps.Select(s => s.Label));
        Assert.StartsWith("the implementation does not match the model's state here: pr = [Blocked, Pending, Pending], queuedAt = [0, 0, 0]", trace.Epilogue[0]);
        Assert.Equal("the implementation: queue = [#101], #101 Blocked", trace.Epilogue[1]);
    }

    [Fact]
    public void Buggy_service_refuses_a_merge_at_step_6_when_only_statuses_are_compared()
    {
        var result = FixedQueue.CheckConformance(() => new BuggyQueueDriver(compareQueue: false));
        output.WriteLine(result.Report);

        // By hand: with the queue not compared, the bug shows only when the PR left in the queue stops another from
        // merging. That needs a PR a queued before a PR b (2 Enqueues), a's CI failing and a blocked (2 steps), b's CI
        // passing (1) and Merge(b) (1): 6 steps, and no fewer.
        Assert.False(result.Passed);
        var trace = Assert.IsType<Trace>(result.Divergence);
        Assert.Equal(7, trace.Steps.Count);
        Assert.Equal("Merge(p: 1)", trace.Steps[6].Label);
        Assert.Equal("the implementation refused Merge(p: 1): InvalidOperationException: PR #102 cannot merge: PR #101 is ahead of it.", trace.Epilogue[0]);
    }
}
