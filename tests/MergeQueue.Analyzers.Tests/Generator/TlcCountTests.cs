using MergeQueue.Analyzers.Tests.Infrastructure;
using Xunit;

namespace MergeQueue.Analyzers.Tests.Generator;

/// <summary>The generated Explore() of the samples against TLC's counts (TLC on the PlusCal specs MQ1_Naive to MQ5_Fixed).</summary>
public sealed class TlcCountTests
{
    [Fact]
    public void Explore_of_the_ordered_queue_finds_TLC_count_652_and_gets_stuck()
    {
        // As its project builds it (past the stuck state), TLC counting with the deadlock check off.
        var result = GeneratorRun.Explore("StuckQueue.OrderedQueue", SampleSource.StuckQueueOptions(), AgreementTests.Sources("ordered"));
        Assert.Equal(652, result.DistinctStates);
        Assert.Contains(result.Violations, v => v.StartsWith("Stuck: 'OrderedQueue' is stuck after 7 steps", System.StringComparison.Ordinal));
    }

    [Fact]
    public void Explore_of_the_fixed_queue_finds_TLC_count_656_and_passes()
    {
        var result = GeneratorRun.Explore("MergeQueue.Samples.FixedQueue", AgreementTests.Sources("fixed"));
        Assert.Equal(656, result.DistinctStates);
        Assert.Empty(result.Violations);
        Assert.True(result.Complete);
    }
}
