using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Xunit;

namespace MergeQueue.Analyzers.Orleans.Tests;

/// <summary>
/// Corpus twins (C# written from tlaplus/Examples specifications without reading what the checker supports) explored
/// on three silos give what Explore() gives on one machine. The counts are TLC's, from each twin's json; for a twin
/// whose spec breaks an invariant (null) TLC stops at the state and the engine at the end of its level, so only the
/// violation is compared with TLC's verdict. (MCReplicatedLog's liveness property is written more strictly than its
/// spec's, so it fails on both paths; its json says why.)
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class CorpusTwinTests
{
    private readonly ClusterFixture fixture;

    public CorpusTwinTests(ClusterFixture fixture) => this.fixture = fixture;

    public static IEnumerable<object?[]> Twins() => new[]
    {
        Twin("Barriers/Barrier", 64, Corpus.Barriers.Barrier.Explore, Corpus.Barriers.Barrier.ExploreAsync),
        Twin("FiniteMonotonic/MCReplicatedLog", 1_363, Corpus.FiniteMonotonic.MCReplicatedLog.Explore, Corpus.FiniteMonotonic.MCReplicatedLog.ExploreAsync),
        Twin("GlowingRaccoon/Clean", 63, Corpus.GlowingRaccoon.Clean.Explore, Corpus.GlowingRaccoon.Clean.ExploreAsync),
        Twin("MissionariesAndCannibals", null, Corpus.MissionariesAndCannibals.MissionariesAndCannibals.Explore, Corpus.MissionariesAndCannibals.MissionariesAndCannibals.ExploreAsync),
        Twin("Moving_Cat_Puzzle/CatEvenBoxes", 48, Corpus.Moving_Cat_Puzzle.CatEvenBoxes.Explore, Corpus.Moving_Cat_Puzzle.CatEvenBoxes.ExploreAsync),
        Twin("SpanningTree/SpanTree", 1_236, Corpus.SpanningTree.SpanTree.Explore, Corpus.SpanningTree.SpanTree.ExploreAsync),
        Twin("AsynchronousInterface/Channel", 12, Corpus.SpecifyingSystems.AsynchronousInterface.Channel.Explore, Corpus.SpecifyingSystems.AsynchronousInterface.Channel.ExploreAsync),
        Twin("HourClock", 12, Corpus.SpecifyingSystems.HourClock.HourClock.Explore, Corpus.SpecifyingSystems.HourClock.HourClock.ExploreAsync),
        Twin("TowerOfHanoi/Hanoi", null, Corpus.TowerOfHanoi.Hanoi.Explore, Corpus.TowerOfHanoi.Hanoi.ExploreAsync),
        Twin("YoYo/MCYoYoNoPruning", 60, Corpus.YoYo.MCYoYoNoPruning.Explore, Corpus.YoYo.MCYoYoNoPruning.ExploreAsync),
    };

    [Theory]
    [MemberData(nameof(Twins))]
    public async Task On_three_silos_a_corpus_twin_explores_as_on_one_machine(
        string name, long? tlcStates, Func<ExplorationOptions?, ExplorationResult> explore, Func<ExplorationOptions?, Task<ExplorationResult>> exploreAsync)
    {
        ExplorationResult expected = explore(null);
        Assert.True(
            tlcStates is { } states ? expected.DistinctStates == states : expected.Violations.Count > 0 && expected.Violations[0].Kind == ViolationKind.InvariantViolated,
            name + ": " + expected.Report);

        SameResult.Assert(expected, await exploreAsync(new ExplorationOptions { Cluster = new OrleansExplorationCluster(fixture.Cluster.Client, shardsPerSilo: 2) }));
    }

    private static object?[] Twin(
        string name, long? tlcStates, Func<ExplorationOptions?, ExplorationResult> explore, Func<ExplorationOptions?, Task<ExplorationResult>> exploreAsync) =>
        new object?[] { name, tlcStates, explore, exploreAsync };
}
