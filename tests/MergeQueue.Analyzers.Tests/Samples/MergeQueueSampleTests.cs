using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using MergeQueue.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace MergeQueue.Analyzers.Tests.Samples;

/// <summary>
/// The merge-queue family of samples/, checked by the analyzer and pinned against TLC's figures
/// (TLC 2025-06-23 on the PlusCal specs MQ1_Naive to MQ5_Fixed, deadlock check off).
/// </summary>
public sealed class MergeQueueSampleTests
{
    [Fact]
    public async Task Naive_queue_has_TLCs_64_states_and_no_violation()
    {
        // TLC, MQ1_Naive.tla with N = 3: 64 distinct states (4 statuses per PR: 4^3).
        var diagnostics = await Check(SampleSource.Naive, SampleSource.Pr);

        AssertNoErrors(diagnostics);
        Assert.Contains("64 distinct states", Statistics(diagnostics));
    }

    [Fact]
    public async Task Queue_with_CI_failures_has_TLCs_216_states_and_no_violation()
    {
        // TLC, MQ2_CIFailures.tla with N = 3: 216 distinct states (6 statuses per PR: 6^3).
        var diagnostics = await Check(SampleSource.CiFailures, SampleSource.Pr);

        AssertNoErrors(diagnostics);
        Assert.Contains("216 distinct states", Statistics(diagnostics));
    }

    [Fact]
    public async Task Fixed_queue_has_TLCs_656_states_and_no_violation()
    {
        // TLC, MQ5_Fixed.tla with N = 3: 656 distinct states.
        var diagnostics = await Check(SampleSource.Fixed, SampleSource.Pr);

        AssertNoErrors(diagnostics);
        Assert.Contains("656 distinct states", Statistics(diagnostics));
    }

    [Fact]
    public async Task Fixed_queue_with_five_PRs_has_TLCs_187272_states()
    {
        // TLC, MQ5_Fixed.tla with N = 5: 187,272 distinct states.
        var diagnostics = await AnalyzerRun.DiagnosticsAsync(new[]
        {
            SampleSource.WithPrCount(SampleSource.Read(SampleSource.Fixed), 5),
            SampleSource.Read(SampleSource.Pr),
        });

        AssertNoErrors(diagnostics);
        Assert.Contains("187,272 distinct states", Statistics(diagnostics));
    }

    [Fact]
    public async Task Ordered_queue_has_TLCs_652_states()
    {
        // TLC, MQ4_Ordered.tla with N = 3: 652 distinct states.
        var diagnostics = await Check(SampleSource.Ordered);

        Assert.Contains("652 distinct states", Statistics(diagnostics));
    }

    [Fact]
    public async Task Ordered_queue_gets_stuck_after_seven_steps_with_the_first_queued_PR_blocked()
    {
        // TLC with deadlock checking: stuck after 7 steps (TLC on the PlusCal specs MQ1_Naive to MQ5_Fixed). By hand: a pending PR can always be
        // queued and a waiting PR can always get a verdict, so all 3 are queued (3 steps) and judged (3 steps);
        // the first-queued one failed and is blocked (1 step), the two others passed and wait behind its stamp.
        var diagnostics = await Check(SampleSource.Ordered);

        var stuck = diagnostics.Single("SM0002");
        var lines = stuck.MessageLines();
        Assert.Equal("'OrderedQueue' is stuck after 7 steps: no action is enabled and no [Terminal] member holds", lines[0]);
        var steps = lines.Skip(1).Take(8).ToArray();
        Assert.Equal(Enumerable.Range(0, 8).Select(i => i + ":"), steps.Select(s => s.Split(' ')[0]));
        Assert.StartsWith("0: initial state: pr = [Pending, Pending, Pending], queuedAt = [0, 0, 0], time = 1", steps[0]);
        Assert.All(steps[1..4], s => Assert.Contains(": Enqueue(p: ", s));
        Assert.All(steps[4..7], s => Assert.Contains(": RunCi(p: ", s));
        Assert.Contains(": Block(p: 0): pr = [Blocked, Validated, Validated]", steps[7]);
        Assert.Equal(7, stuck.AdditionalLocations.Count);
        Assert.Equal("OrderedQueue", SourceOf(stuck.Location));
        Assert.Equal(
            new[] { "Enqueue", "Enqueue", "Enqueue", "RunCi", "RunCi", "RunCi", "Block" },
            stuck.AdditionalLocations.Select(SourceOf));
    }

    [Fact]
    public async Task Ordered_queue_stuck_trace_says_why_each_action_is_disabled()
    {
        var diagnostics = await Check(SampleSource.Ordered);

        var epilogue = string.Join("\n", diagnostics.Single("SM0002").MessageLines().Skip(9));
        Assert.Contains("Enqueue", epilogue);
        Assert.Contains("Require(pr[p] == Pr.Pending) is false (line 24)", epilogue);
        Assert.Contains("Require(pr[p] == Pr.Waiting) is false (line 31)", epilogue);
        Assert.Contains("Require(pr[p] == Pr.Validated && EarlierMerged(p)) is false (line 37)", epilogue);
        Assert.Contains("Require(pr[p] == Pr.Failed) is false (line 43)", epilogue);
    }

    // Each sample with its project's settings: the stuck queue's explores past its stuck state.
    private static Task<ImmutableArray<Diagnostic>> Check(params string[] samples) =>
        AnalyzerRun.DiagnosticsAsync(samples.Select(SampleSource.Read), samples.Contains(SampleSource.Ordered) ? SampleSource.StuckQueueProperties : null);

    private static string Statistics(ImmutableArray<Diagnostic> diagnostics) =>
        diagnostics.Single("SM0010").GetMessage();

    private static void AssertNoErrors(ImmutableArray<Diagnostic> diagnostics) =>
        Assert.DoesNotContain(diagnostics, d => d.Severity >= DiagnosticSeverity.Warning);

    private static string SourceOf(Location location) =>
        location.SourceTree!.GetText().ToString(location.SourceSpan);
}
