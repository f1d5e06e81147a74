using System;
using System.Threading.Tasks;
using MergeQueue.Analyzers;
using MergeQueue.Samples;

namespace ClusterExploration;

/// <summary>A merge queue the sample explores, by its command-line name.</summary>
internal sealed class QueueModel
{
    private QueueModel(string name, Func<ExplorationOptions?, ExplorationResult> explore, Func<ExplorationOptions?, Task<ExplorationResult>> exploreAsync)
    {
        Name = name;
        Explore = explore;
        ExploreAsync = exploreAsync;
    }

    public string Name { get; }

    public Func<ExplorationOptions?, ExplorationResult> Explore { get; }

    public Func<ExplorationOptions?, Task<ExplorationResult>> ExploreAsync { get; }

    /// <summary>
    /// <c>fixed5</c>: FixedQueueOfFive (187,272 states); <c>fixed6</c>: FixedQueueOfSix, safety only (4,099,792);
    /// <c>fixed3</c>: the samples' FixedQueue (656).
    /// </summary>
    public static QueueModel Named(string name) => name switch
    {
        "fixed5" => new QueueModel(name, FixedQueueOfFive.Explore, FixedQueueOfFive.ExploreAsync),
        "fixed6" => new QueueModel(name, FixedQueueOfSix.Explore, FixedQueueOfSix.ExploreAsync),
        "fixed3" => new QueueModel(name, FixedQueue.Explore, FixedQueue.ExploreAsync),
        _ => throw new ArgumentException($"no model named '{name}': fixed5, fixed6 or fixed3"),
    };
}
