extern alias EngineLibrary;

using System;
using System.Threading;
using GeneratedProgress = EngineLibrary::MergeQueue.Analyzers.ExplorationProgress;

/// <summary>
/// The largest live heap (after a full collection, <see cref="LiveBytes"/>) at any progress report of a generated
/// <c>Explore()</c>: every half second and once when the breadth-first search ends, while its state table is still
/// held. With <see cref="StartSampling"/>, also the largest at a sample taken every 20 ms on a thread of its own, which
/// sees what the liveness search builds after the breadth-first search (no progress is reported then). The full
/// collections skew time, so a run measured with it is not timed.
/// </summary>
internal sealed class LargestLiveHeap : IProgress<GeneratedProgress>, IDisposable
{
    private static readonly TimeSpan SampleInterval = TimeSpan.FromMilliseconds(20);
    private readonly object gate = new();
    private Thread? sampler;
    private volatile bool stopping;
    private long sampled;

    /// <summary>The largest live heap seen at a progress report, in bytes; 0 before the first report.</summary>
    internal long Bytes { get; private set; }

    /// <summary>The largest live heap seen at a progress report or a sample, in bytes.</summary>
    internal long SampledBytes
    {
        get
        {
            lock (gate)
            {
                return Math.Max(Bytes, sampled);
            }
        }
    }

    /// <summary>
    /// The live managed heap now: a full blocking collection, then the bytes it left in use (the heap less its free
    /// space), as the collection itself counted them. Not <see cref="GC.GetTotalMemory"/>: it also counts what other
    /// threads allocate after the collection, so read on the sampling thread while a search allocates it came out
    /// megabytes high now and then (a thread allocating garbage over a live set of 25 MB: up to 16 MB over it, against
    /// 2 KB for this).
    /// </summary>
    internal static long LiveBytes()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        GCMemoryInfo info = GC.GetGCMemoryInfo(GCKind.FullBlocking);
        return info.HeapSizeBytes - info.FragmentedBytes;
    }

    public void Report(GeneratedProgress value)
    {
        lock (gate)
        {
            Bytes = Math.Max(Bytes, LiveBytes());
        }
    }

    /// <summary>Samples the live heap every 20 ms until <see cref="Dispose"/>.</summary>
    internal void StartSampling()
    {
        sampler = new Thread(() =>
        {
            while (!stopping)
            {
                lock (gate)
                {
                    sampled = Math.Max(sampled, LiveBytes());
                }

                Thread.Sleep(SampleInterval);
            }
        })
        { IsBackground = true, Name = "live heap sampler" };
        sampler.Start();
    }

    public void Dispose()
    {
        stopping = true;
        sampler?.Join();
    }
}
