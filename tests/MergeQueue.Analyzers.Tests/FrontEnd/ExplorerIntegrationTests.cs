using System.Linq;
using MergeQueue.Analyzers.Engine;
using MergeQueue.Analyzers.Tests.Infrastructure;
using Xunit;

namespace MergeQueue.Analyzers.Tests.FrontEnd;

/// <summary>Interpreted models explored by the engine: the counts and verdicts follow from the state semantics.</summary>
public sealed class ExplorerIntegrationTests
{
    private static ExplorationResult Explore(string members, string extra = "")
    {
        var compiled = ModelSources.Compile("M", Interpreted.Source(members, extra));
        Assert.True(compiled.Model is not null, string.Join("\n", compiled.Diagnostics));
        return Explorer.Explore(compiled.Model!);
    }

    [Fact]
    public void Two_workers_explore_the_packed_fixed_queue_as_one_does()
    {
        // TLC: 187,272 distinct states for N = 5 (the PlusCal spec MQ5_Fixed). Large enough for the parallel merge.
        var compiled = ModelSources.Compile(
            "MergeQueue.Samples.FixedQueue",
            SampleSource.Read(SampleSource.Pr),
            SampleSource.WithPrCount(SampleSource.Read(SampleSource.Fixed), 5));
        Assert.True(compiled.Model is not null, string.Join("\n", compiled.Diagnostics));
        var one = Explorer.Explore(compiled.Model!, new ExplorationOptions { Workers = 1 });
        var two = Explorer.Explore(compiled.Model!, new ExplorationOptions { Workers = 2 });

        Assert.Equal(187_272, one.DistinctStates);
        Assert.Equal(one.DistinctStates, two.DistinctStates);
        Assert.Equal(one.Transitions, two.Transitions);
        Assert.Equal(one.Depth, two.Depth);
        Assert.Equal(one.Report.Split('\n').Where(l => !l.Contains(" ms")), two.Report.Split('\n').Where(l => !l.Contains(" ms")));
    }

    [Fact]
    public void Sets_reached_in_different_orders_are_one_state()
    {
        // {} then {0}, {1}, {2}, then the three pairs, then {0, 1, 2}: 8 states, however the elements arrived.
        var result = Explore("""
            HashSet<int> set = new();
            [Action] void Add([Range(0, 2)] int v) { Require(!set.Contains(v)); set.Add(v); }
            [Terminal] bool Full => set.Count == 3;
            """);
        Assert.Equal(8, result.DistinctStates);
        Assert.True(result.Passed, result.Report);
    }

    [Fact]
    public void A_record_counter_with_wrap_around_has_every_value_once()
    {
        var result = Explore("""
            public record struct Clock(byte Tick, bool Odd);
            Clock clock;
            [Action] void Step() { clock = clock with { Tick = (byte)(clock.Tick + 1), Odd = !clock.Odd }; }
            """);
        Assert.Equal(256, result.DistinctStates);
    }

    [Fact]
    public void A_failing_assert_is_a_violation_at_the_assert()
    {
        var result = Explore("""
            int x;
            [Action] void Step() { x++; Assert(x < 3, $"x reached {x}"); }
            """);
        var violation = result.Violations.First(v => v.Message.StartsWith("Assert failed", System.StringComparison.Ordinal));
        Assert.Contains("x reached 3", violation.Message);
        Assert.Equal("Assert(x < 3, $\"x reached {x}\");", Interpreted.Text(violation.Site));
    }

    [Fact]
    public void Exploring_twice_gives_the_same_report()
    {
        const string members = """
            Dictionary<string, int> votes = new();
            [Action] void Vote([Values("a", "b")] string who) { Require(votes.Values.Sum() < 2); votes[who] = votes.GetValueOrDefault(who) + 1; }
            [Terminal] bool Done => votes.Values.Sum() == 2;
            [Reachable] bool Tie => votes.Count == 2;
            """;
        var first = Explore(members);
        var second = Explore(members);
        Assert.Equal(first.Report.Split('\n').Where(l => !l.Contains(" ms")), second.Report.Split('\n').Where(l => !l.Contains(" ms")));
        Assert.Equal(6, first.DistinctStates);
    }
}
