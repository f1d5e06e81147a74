using System.Collections.Concurrent;
using MergeQueue.Analyzers;

namespace MergeQueue.Analyzers.Analyzer;

/// <summary>
/// The last results of explorations, by <see cref="ModelContentKey"/>, shared by every compilation in the process
/// (an IDE re-analyzes on every keystroke; a model whose files did not change is not explored again).
/// </summary>
internal static class ExplorationCache
{
    private const int Capacity = 64;

    private static readonly ConcurrentDictionary<string, ExplorationResult> Results = new();
    private static readonly ConcurrentQueue<string> Order = new();
    private static readonly ConcurrentDictionary<string, int> ExplorationsByModel = new();

    /// <summary>How many times the model with this full name was explored (cache misses) in this process; tests read it.</summary>
    public static int ExplorationsOf(string model) => ExplorationsByModel.TryGetValue(model, out var count) ? count : 0;

    public static bool TryGet(string key, out ExplorationResult result) => Results.TryGetValue(key, out result!);

    public static void Add(string key, string model, ExplorationResult result)
    {
        ExplorationsByModel.AddOrUpdate(model, 1, (_, count) => count + 1);

        // Partial results (time limit, cancellation) depend on the machine's load, not only on the source.
        if (result.StoppedBy is ExplorationBound.Timeout or ExplorationBound.Cancelled or ExplorationBound.MaxMemory || !Results.TryAdd(key, result))
        {
            return;
        }

        Order.Enqueue(key);
        while (Order.Count > Capacity && Order.TryDequeue(out var oldest))
        {
            Results.TryRemove(oldest, out _);
        }
    }
}
