using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Threading;

namespace MergeQueue.Analyzers.Tests.Infrastructure;

/// <summary>
/// Measures one robustness input against the bounds it was given (issue 14: "every time and memory bound held within
/// 2x"): its wall time (and, where the family tells it apart, the part of it the checker's time bound governs), the most the managed
/// heap grew while it ran (what the checker's memory bound limits) and the process's peak resident memory, sampled
/// every 10 ms. With <c>MERGEQUEUE_RUN_RECORD</c> set (tests/robustness.sh),
/// each input becomes one line of that file, which the script sums up. Inputs are meant to run one at a time: the
/// script turns off parallel test collections, otherwise one input's heap would be charged to another.
/// </summary>
internal sealed class InputMeter
{
    public const string RecordVariable = "MERGEQUEUE_RUN_RECORD";

    private static readonly object Gate = new();
    private static long heapPeak;
    private static long rssPeak;
    private static Timer? sampler;

    private readonly string family;
    private readonly double timeLimitSeconds;
    private readonly int memoryLimitMegabytes;
    private readonly long heapAtStart;
    private readonly Stopwatch stopwatch;

    private InputMeter(string family, double timeLimitSeconds, int memoryLimitMegabytes)
    {
        this.family = family;
        this.timeLimitSeconds = timeLimitSeconds;
        this.memoryLimitMegabytes = memoryLimitMegabytes;
        heapAtStart = GC.GetTotalMemory(forceFullCollection: false);
        Interlocked.Exchange(ref heapPeak, heapAtStart);
        Interlocked.Exchange(ref rssPeak, Environment.WorkingSet);
        stopwatch = Stopwatch.StartNew();
    }

    public TimeSpan Elapsed => stopwatch.Elapsed;

    /// <summary>After <see cref="Finish"/>: the input took more than twice its time bound or grew the heap by more than twice its memory bound.</summary>
    public bool Overran { get; private set; }

    /// <summary>After <see cref="Finish"/>: the most the managed heap grew while the input ran.</summary>
    public double HeapGrowthMegabytes { get; private set; }

    /// <summary>
    /// The governed time over the time bound the input was given, when the family told it apart (see
    /// <see cref="CheckerTime"/>), else the input's wall time over it.
    /// </summary>
    public double TimeRatio => (CheckerTime ?? stopwatch.Elapsed).TotalSeconds / timeLimitSeconds;

    /// <summary>The part of the input's time the checker's time bound governs; null when the family did not tell it apart.</summary>
    public TimeSpan? CheckerTime { get; set; }

    /// <summary>Starts measuring an input given <paramref name="timeLimitSeconds"/> and <paramref name="memoryLimitMegabytes"/>.</summary>
    public static InputMeter Start(string family, double timeLimitSeconds, int memoryLimitMegabytes)
    {
        lock (Gate)
        {
            sampler ??= new Timer(_ => Sample(), null, 0, 10);
        }

        return new InputMeter(family, timeLimitSeconds, memoryLimitMegabytes);
    }

    /// <summary>
    /// Ends the input and records it with its <paramref name="outcome"/>: <c>ok</c>, <c>stale</c>, <c>generated-error</c>
    /// or <c>unexpected</c> (a diagnostic other than the family expects).
    /// </summary>
    public void Finish(string outcome)
    {
        stopwatch.Stop();
        Sample();
        HeapGrowthMegabytes = Math.Max(0, Interlocked.Read(ref heapPeak) - heapAtStart) / (1024.0 * 1024.0);
        Overran = TimeRatio > 2 || HeapGrowthMegabytes > 2.0 * memoryLimitMegabytes;
        string? path = Environment.GetEnvironmentVariable(RecordVariable);
        if (string.IsNullOrEmpty(path))
        {
            return;
        }

        string line = string.Join(
            ",",
            family.Replace(',', ';'),
            stopwatch.Elapsed.TotalSeconds.ToString("F3", CultureInfo.InvariantCulture),
            timeLimitSeconds.ToString("F0", CultureInfo.InvariantCulture),
            HeapGrowthMegabytes.ToString("F1", CultureInfo.InvariantCulture),
            (Interlocked.Read(ref rssPeak) / (1024.0 * 1024.0)).ToString("F0", CultureInfo.InvariantCulture),
            memoryLimitMegabytes.ToString(CultureInfo.InvariantCulture),
            outcome,
            CheckerTime is { } checker ? checker.TotalSeconds.ToString("F3", CultureInfo.InvariantCulture) : string.Empty);
        lock (Gate)
        {
            File.AppendAllText(path, line + "\n");
        }
    }

    private static void Sample()
    {
        Raise(ref heapPeak, GC.GetTotalMemory(forceFullCollection: false));
        Raise(ref rssPeak, Environment.WorkingSet);
    }

    private static void Raise(ref long peak, long value)
    {
        long seen;
        while (value > (seen = Interlocked.Read(ref peak)) && Interlocked.CompareExchange(ref peak, value, seen) != seen)
        {
        }
    }
}
