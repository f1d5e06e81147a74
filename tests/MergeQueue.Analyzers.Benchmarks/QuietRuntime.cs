using System;
using System.Diagnostics;
using System.Threading;

/// <summary>
/// Waits until the process is idle before a timed run: the runtime recompiles hot code on a background thread (tiered
/// compilation), and after Roslyn has compiled a twin that thread can stay busy for seconds, taking the second core
/// from a two-worker run and holding back the optimized code of the run itself.
/// </summary>
internal static class QuietRuntime
{
    /// <summary>Returns when the process used under a tenth of a core over 200 ms, or after <paramref name="most"/>.</summary>
    /// <returns>How long it waited.</returns>
    internal static TimeSpan Wait(TimeSpan most)
    {
        var waited = Stopwatch.StartNew();
        var process = Process.GetCurrentProcess();
        var before = process.TotalProcessorTime;
        while (waited.Elapsed < most)
        {
            Thread.Sleep(200);
            process.Refresh();
            var now = process.TotalProcessorTime;
            if ((now - before).TotalMilliseconds < 20)
            {
                break;
            }

            before = now;
        }

        return waited.Elapsed;
    }
}
