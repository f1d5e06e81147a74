using System;
using System.Collections.Generic;
using System.Diagnostics.Tracing;
using System.Linq;

/// <summary>
/// The runtime's allocation samples (one event per about 100 KB allocated, naming the type that crossed the mark),
/// summed by type while it listens: where a run's garbage comes from, without a profiler.
/// </summary>
internal sealed class AllocationSampler : EventListener
{
    private const int AllocationTick = 10;
    private readonly Dictionary<string, long> bytesByType = new();
    private bool listening;

    /// <summary>Starts counting; the samples before this are left out.</summary>
    internal void Start() => listening = true;

    /// <summary>The types with the most bytes sampled, largest first, with their share of all sampled bytes.</summary>
    internal IEnumerable<string> Top(int count)
    {
        listening = false;
        lock (bytesByType)
        {
            long total = Math.Max(1, bytesByType.Values.Sum());
            return bytesByType.OrderByDescending(p => p.Value).Take(count)
                .Select(p => $"{100.0 * p.Value / total,5:F1}%  {p.Value / 1e6,8:N0} MB  {p.Key}").ToList();
        }
    }

    protected override void OnEventSourceCreated(EventSource source)
    {
        if (source.Name == "Microsoft-Windows-DotNETRuntime")
        {
            // The GC keyword at the verbose level carries the allocation ticks.
            EnableEvents(source, EventLevel.Verbose, (EventKeywords)0x1);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs data)
    {
        if (!listening || data.EventId != AllocationTick || data.PayloadNames is null)
        {
            return;
        }

        int type = data.PayloadNames.IndexOf("TypeName");
        int amount = data.PayloadNames.IndexOf("AllocationAmount64");
        if (type < 0 || amount < 0)
        {
            return;
        }

        string name = data.Payload![type] as string ?? "?";
        long bytes = Convert.ToInt64(data.Payload[amount]);
        lock (bytesByType)
        {
            bytesByType[name] = bytesByType.TryGetValue(name, out long sum) ? sum + bytes : bytes;
        }
    }
}
