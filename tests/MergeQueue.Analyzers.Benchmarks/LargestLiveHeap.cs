extern alias EngineLibrary;

using System;
using GeneratedProgress = EngineLibrary::MergeQueue.Analyzers.ExplorationProgress;

/// <summary>
/// The largest live heap (after a full collection) at any progress report of a generated <c>Explore()</c>: every half
/// second and once when the breadth-first search ends, while its state table is still held. The full collections skew
/// time, so a run measured with it is not timed.
/// </summary>
internal sealed class LargestLiveHeap : IProgress<GeneratedProgress>
{
    /// <summary>The largest live heap seen, in bytes; 0 before the first report.</summary>
    internal long Bytes { get; private set; }

    public void Report(GeneratedProgress value) => Bytes = Math.Max(Bytes, GC.GetTotalMemory(forceFullCollection: true));
}
