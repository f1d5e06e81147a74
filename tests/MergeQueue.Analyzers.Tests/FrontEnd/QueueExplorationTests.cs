using System.Diagnostics;
using MergeQueue.Analyzers.Engine;
using MergeQueue.Analyzers.Tests.FrontEnd.Models;
using MergeQueue.Analyzers.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace MergeQueue.Analyzers.Tests.FrontEnd;

/// <summary>The interpreted queues against TLC's counts (anchors/README.md: 652, 656 and 187,272 distinct states).</summary>
public sealed class QueueExplorationTests(ITestOutputHelper output)
{
    [Fact]
    public void Interpreter_explores_the_ordered_queue_to_TLC_count_652()
    {
        var model = ModelSources.Compile("OrderedQueue", QueueModels.Ordered).Model!;
        var result = Explorer.Explore(model);
        Assert.Equal(652, result.DistinctStates);
    }

    [Fact]
    public void Interpreter_explores_the_fixed_queue_to_TLC_count_656()
    {
        var model = ModelSources.Compile("FixedQueue", QueueModels.Fixed()).Model!;
        var result = Explorer.Explore(model);
        Assert.Equal(656, result.DistinctStates);
    }

    [Fact]
    public void Interpreter_explores_the_fixed_queue_with_five_prs_to_TLC_count_187272()
    {
        var clock = Stopwatch.StartNew();
        var model = ModelSources.Compile("FixedQueue", QueueModels.Fixed(5)).Model!;
        var compiled = clock.Elapsed;
        var result = Explorer.Explore(model);
        output.WriteLine($"compile {compiled.TotalMilliseconds:F0} ms, explore {result.Elapsed.TotalMilliseconds:F0} ms, {result.Transitions} transitions");
        Assert.Equal(187_272, result.DistinctStates);
    }
}
