using System.Collections.Generic;
using System.Linq;
using MergeQueue.Analyzers.Tests.Infrastructure;
using Xunit;

namespace MergeQueue.Analyzers.Tests.Semantics;

/// <summary>
/// How a guard is written (first, after a local, through a for-loop helper, on a record member) changes what it
/// costs, never what is explored: the fixed queue written each of the benchmark's ways has TLC's states in both paths.
/// </summary>
public sealed class GuardWritingTests
{
    public static IEnumerable<object[]> Writings => FixedQueueWritings.Names.Select(n => new object[] { n });

    [Theory]
    [MemberData(nameof(Writings))]
    public void Every_writing_of_the_fixed_queue_has_its_states_in_both_paths(string writing)
    {
        var source = FixedQueueWritings.Transform(SampleSource.Read(SampleSource.Fixed), writing, 3);
        var (interpreted, generated) = BothPaths.Explore("MergeQueue.Samples.FixedQueue", source, SampleSource.Read(SampleSource.Pr));

        // TLC: 656 distinct states at N = 3 (the PlusCal spec MQ5_Fixed).
        Assert.Equal(656, interpreted.DistinctStates);
        Assert.Equal(656, generated.DistinctStates);
        Assert.Empty(interpreted.Violations);
        Assert.Equal(interpreted.Transitions, generated.Transitions);
        Assert.Equal(interpreted.NeverEnabled, generated.NeverEnabled);
    }
}
