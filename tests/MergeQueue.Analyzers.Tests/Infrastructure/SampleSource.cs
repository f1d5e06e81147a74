using System;
using System.Collections.Generic;
using System.IO;

namespace MergeQueue.Analyzers.Tests.Infrastructure;

/// <summary>The sample models as they are in <c>samples/</c>, copied next to the tests at build time.</summary>
internal static class SampleSource
{
    public static string Read(string relativePath) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Samples", relativePath));

    /// <summary>A sample with its PR count changed, for the larger TLC figures.</summary>
    public static string WithPrCount(string source, int n)
    {
        const string declaration = "const int N = 3;";
        if (!source.Contains(declaration, StringComparison.Ordinal))
        {
            throw new InvalidOperationException("The sample no longer declares '" + declaration + "'.");
        }

        return source.Replace(declaration, $"const int N = {n};", StringComparison.Ordinal);
    }

    public const string Pr = "MergeQueue.Samples/Pr.cs";
    public const string Naive = "MergeQueue.Samples/NaiveQueue.cs";
    public const string CiFailures = "MergeQueue.Samples/CiFailuresQueue.cs";
    public const string Fixed = "MergeQueue.Samples/FixedQueue.cs";
    public const string Ordered = "StuckQueue/OrderedQueue.cs";

    /// <summary>
    /// What samples/StuckQueue/StuckQueue.csproj sets: explore past the stuck state (TLC's -continue), so that the
    /// build also reports the liveness failure it causes and the whole graph is counted.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> StuckQueueProperties =
        new Dictionary<string, string> { ["MergeQueueContinueAfterViolation"] = "true" };

    /// <summary>The explorer options equivalent to <see cref="StuckQueueProperties"/>.</summary>
    public static ExplorationOptions StuckQueueOptions() => new() { ContinueAfterViolation = true };
}
