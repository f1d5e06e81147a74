using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using MergeQueue.Analyzers.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace MergeQueue.Analyzers.Tests.Robustness;

/// <summary>
/// What one robustness family saw: its inputs, the ones whose answer was not the expected one, and how close each
/// came to its bounds. An input past twice a bound is a failure, as an unexpected diagnostic is.
/// </summary>
internal sealed class FamilyTally(string family, ITestOutputHelper output)
{
    private readonly List<string> failures = new();
    private int inputs;
    private int overruns;
    private double worstTimeRatio;
    private double mostHeapGrowth;
    private TimeSpan slowest;

    public InputMeter Start(double timeLimitSeconds, int memoryLimitMegabytes) =>
        InputMeter.Start(family, timeLimitSeconds, memoryLimitMegabytes);

    /// <summary>Ends an input: <paramref name="outcome"/> is <c>ok</c> or names what went wrong, as <see cref="InputMeter.Finish"/>.</summary>
    public void Finish(InputMeter meter, string outcome, Func<string> describe)
    {
        meter.Finish(outcome);
        inputs++;
        slowest = meter.Elapsed > slowest ? meter.Elapsed : slowest;
        worstTimeRatio = Math.Max(worstTimeRatio, meter.TimeRatio);
        mostHeapGrowth = Math.Max(mostHeapGrowth, meter.HeapGrowthMegabytes);
        if (meter.Overran)
        {
            overruns++;
        }

        if (outcome != "ok" || meter.Overran)
        {
            failures.Add(outcome + (meter.Overran ? " (past 2x a bound: " + Seconds(meter.Elapsed) + ", heap +" + Megabytes(meter.HeapGrowthMegabytes) + ")" : string.Empty) + ": " + describe());
        }
    }

    /// <summary>Writes the family's line of the run's summary and fails the test if any input went wrong.</summary>
    public void Report(string extra = "")
    {
        output.WriteLine(
            family + ": " + inputs + " inputs, " + failures.Count + " unexpected, " + overruns + " past 2x a bound; slowest input " + Seconds(slowest)
            + ", worst wall time / time bound " + worstTimeRatio.ToString("F2", CultureInfo.InvariantCulture)
            + ", most heap growth " + Megabytes(mostHeapGrowth) + (extra.Length > 0 ? "; " + extra : string.Empty));
        Assert.True(failures.Count == 0, family + ":\n" + string.Join("\n---\n", failures.Take(10)));
    }

    private static string Seconds(TimeSpan time) => time.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture) + " s";

    private static string Megabytes(double megabytes) => megabytes.ToString("F0", CultureInfo.InvariantCulture) + " MB";
}
