using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using MergeQueue.Analyzers.Tests.Infrastructure;
using Xunit;

namespace MergeQueue.Analyzers.Tests.Robustness;

/// <summary>
/// Every sample, randomly mutated: whatever the mutant is (often not even C#), the checker answers with
/// diagnostics in bounded time and never crashes. The normal run tries a few mutants per sample;
/// `MERGEQUEUE_MUTANTS=N` (tests/robustness.sh) tries more.
/// </summary>
public sealed class MutationTests
{
    // A mutant may unbound a model (drop a guard): the project bounds make that a fast SM0005, not a slow build.
    private static readonly Dictionary<string, string> Bounds = new()
    {
        ["MergeQueueMaxStates"] = "20000",
        ["MergeQueueTimeoutSeconds"] = "5",
    };

    private static readonly TimeSpan PerMutantBudget = TimeSpan.FromSeconds(20);

    public static TheoryData<string> Samples() => new(SampleSource.Naive, SampleSource.CiFailures, SampleSource.Fixed, SampleSource.Ordered);

    [Theory]
    [MemberData(nameof(Samples))]
    public async Task Mutants_of_a_sample_never_crash_or_hang_the_checker(string sample)
    {
        var count = int.TryParse(Environment.GetEnvironmentVariable("MERGEQUEUE_MUTANTS"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : 12;
        var original = SampleSource.Read(sample);
        var pr = SampleSource.Read(SampleSource.Pr);

        for (var seed = 0; seed < count; seed++)
        {
            var (mutant, mutation) = SourceMutator.Mutate(original, new Random(seed * 7919 + sample.Length));
            var stopwatch = Stopwatch.StartNew();
            try
            {
                // AnalyzerRun fails the test on AD0001 (an analyzer crash) by itself.
                await AnalyzerRun.DiagnosticsAsync(TestCompilation.CreateUnchecked(mutant, pr), Bounds);
            }
            catch (Exception e)
            {
                throw new Xunit.Sdk.XunitException($"{sample}, seed {seed} ({mutation}):\n{e}");
            }

            Assert.True(stopwatch.Elapsed < PerMutantBudget, $"{sample}, seed {seed} ({mutation}) took {stopwatch.Elapsed}");
        }
    }
}
