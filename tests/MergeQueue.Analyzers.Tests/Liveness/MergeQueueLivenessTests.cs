using System;
using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using MergeQueue.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace MergeQueue.Analyzers.Tests.Liveness;

/// <summary>
/// TLC's liveness verdicts on the merge-queue family (TLC on the PlusCal specs of the family; N = 3, every process weakly
/// fair), checked through the analyzer on the samples themselves, with the property swapped where TLC's row
/// checks another one.
/// </summary>
public sealed class MergeQueueLivenessTests
{
    [Fact]
    public async Task Naive_queue_eventually_merges_every_PR()
    {
        // TLC, v1_naive.cfg: EventuallyAllMerged holds.
        var diagnostics = await Check(SampleSource.Read(SampleSource.Naive));

        Assert.DoesNotContain(diagnostics, d => d.Id == "SM0003");
    }

    [Fact]
    public async Task Naive_queue_does_not_eventually_have_every_PR_validated_at_once()
    {
        // TLC, v1b_sanity.cfg: EventuallyAllValidated is violated. By hand: the merge worker is weakly fair, so a
        // validated PR is merged before the others are validated on some fair behavior; all PRs end merged.
        var source = SwapEventually(SampleSource.Read(SampleSource.Naive), "EveryPrMerged() => AllMerged()", "AllValidated() => pr.All(s => s == Pr.Validated)");

        var liveness = (await Check(source)).Single("SM0003");

        Assert.StartsWith("[Eventually] 'AllValidated' fails on a fair behavior", liveness.MessageLines()[0]);
        Assert.Equal("stays here forever", liveness.MessageLines().SkipWhile(l => l != "stays here forever").First());
    }

    [Fact]
    public async Task Queue_with_CI_failures_does_not_eventually_merge_every_PR()
    {
        // TLC, v2_cifailures.cfg: EventuallyAllMerged is violated (a failed PR is blocked, never merged).
        var source = SwapEventually(SampleSource.Read(SampleSource.CiFailures), "EveryPrResolved() => AllDone()", "EveryPrMerged() => pr.All(s => s == Pr.Merged)");

        var liveness = (await Check(source)).Single("SM0003");

        Assert.StartsWith("[Eventually] 'EveryPrMerged' fails on a fair behavior", liveness.MessageLines()[0]);
        Assert.Contains(liveness.MessageLines(), l => l.Contains("RunCi(p: 0, passes: false)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Queue_with_CI_failures_eventually_resolves_every_PR()
    {
        // TLC, v3_mergedorblocked.cfg: EventuallyAllDone holds.
        var diagnostics = await Check(SampleSource.Read(SampleSource.CiFailures));

        Assert.DoesNotContain(diagnostics, d => d.Id == "SM0003");
    }

    [Fact]
    public async Task Ordered_queue_does_not_eventually_resolve_every_PR_because_it_gets_stuck()
    {
        // TLC, v4_ordered.cfg: EventuallyAllDone is violated. By hand: the stuck state of the 7-step trace has no
        // enabled action, so the behavior stays there forever without every PR merged or blocked. Its project explores
        // past the stuck state (found first); by default the build would stop there and claim nothing about liveness.
        var diagnostics = await AnalyzerRun.DiagnosticsAsync(new[] { SampleSource.Read(SampleSource.Ordered) }, SampleSource.StuckQueueProperties);
        var liveness = diagnostics.Single("SM0003");
        var lines = liveness.MessageLines();

        Assert.StartsWith("[Eventually] 'EveryPrResolved' fails on a fair behavior", lines[0]);
        Assert.Equal(new[] { "stays here forever", "no action is enabled here" }, lines[^2..]);
        Assert.Equal(8, lines.Count(l => char.IsDigit(l[0])));
        Assert.Equal("EveryPrResolved", SourceOf(liveness.Location));
    }

    [Theory]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public async Task Fixed_queue_eventually_resolves_every_PR(int prs)
    {
        // TLC, v5_fixed.cfg: EventuallyAllDone holds at N = 3, 4 and 5.
        var diagnostics = await Check(SampleSource.WithPrCount(SampleSource.Read(SampleSource.Fixed), prs));

        Assert.DoesNotContain(diagnostics, d => d.Severity >= DiagnosticSeverity.Warning);
    }

    private static Task<ImmutableArray<Diagnostic>> Check(string model) =>
        AnalyzerRun.DiagnosticsAsync(new[] { model, SampleSource.Read(SampleSource.Pr) });

    private static string SwapEventually(string source, string current, string replacement)
    {
        var declaration = "[Eventually] bool " + current + ";";
        Assert.Contains(declaration, source);
        return source.Replace(declaration, "[Eventually] bool " + replacement + ";", StringComparison.Ordinal);
    }

    private static string SourceOf(Location location) =>
        location.SourceTree!.GetText().ToString(location.SourceSpan);
}
