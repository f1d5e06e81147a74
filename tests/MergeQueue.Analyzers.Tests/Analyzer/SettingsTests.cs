using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using MergeQueue.Analyzers.Analyzer;
using MergeQueue.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace MergeQueue.Analyzers.Tests.Analyzer;

/// <summary>The MSBuild properties and the attribute's own bounds.</summary>
public sealed class SettingsTests
{
    // 11 * 11 * 11 = 1,331 reachable states: three independent counters 0..10.
    private const string ThreeCounters = TestCompilation.Usings + """
        [StateMachine]
        partial class {|SM0005:Counters|}
        {
            readonly int[] c = new int[3];
            [Action] void Inc([Range(0, 2)] int i) { Require(c[i] < 10); c[i]++; }
            [Terminal] bool Done => c.All(v => v == 10);
        }
        """;

    [Fact]
    public async Task MaxStates_build_property_bounds_the_exploration_with_a_warning()
    {
        var diagnostics = await AnalyzerRun.VerifyAsync(ThreeCounters, new Dictionary<string, string> { ["MergeQueueMaxStates"] = "100" });

        Assert.StartsWith("'Counters' was not fully explored: MaxStates (100) reached", diagnostics.Single("SM0005").GetMessage());
    }

    [Fact]
    public async Task MaxStates_of_the_attribute_wins_over_the_build_property()
    {
        var source = ThreeCounters.Replace("[StateMachine]", "[StateMachine(MaxStates = 50)]");

        var diagnostics = await AnalyzerRun.VerifyAsync(source, new Dictionary<string, string> { ["MergeQueueMaxStates"] = "100" });

        Assert.StartsWith("'Counters' was not fully explored: MaxStates (50) reached", diagnostics.Single("SM0005").GetMessage());
    }

    [Fact]
    public async Task MaxDepth_of_the_attribute_bounds_the_exploration()
    {
        var source = ThreeCounters.Replace("[StateMachine]", "[StateMachine(MaxDepth = 4)]");

        var diagnostics = await AnalyzerRun.VerifyAsync(source);

        Assert.StartsWith("'Counters' was not fully explored: MaxDepth (4) reached", diagnostics.Single("SM0005").GetMessage());
    }

    [Fact]
    public async Task Without_bounds_the_model_is_explored_completely()
    {
        var diagnostics = await AnalyzerRun.VerifyAsync(ThreeCounters.Replace("{|SM0005:Counters|}", "Counters"));

        Assert.StartsWith("'Counters': 1,331 distinct states", diagnostics.Single("SM0010").GetMessage());
    }

    [Fact]
    public async Task MergeQueueCheck_false_turns_exploration_off_but_not_model_errors()
    {
        var properties = new Dictionary<string, string> { ["MergeQueueCheck"] = "false" };

        var stuck = await AnalyzerRun.DiagnosticsAsync(new[] { SampleSource.Read(SampleSource.Ordered) }, properties);
        var invalid = await AnalyzerRun.VerifyAsync(TestCompilation.Usings + """
            [StateMachine]
            partial class M
            {
                int x;
                [Action] void Set(int {|SM0102:v|}) { x = v; }
            }
            """, properties);

        Assert.Empty(stuck);
        Assert.Single(invalid);
    }

    [Fact]
    public async Task Timeout_build_property_stops_a_long_exploration_with_a_warning()
    {
        // 2^24 states would take far longer than one second.
        var diagnostics = await AnalyzerRun.VerifyAsync(TestCompilation.Usings + """
            [StateMachine]
            partial class {|SM0005:Bits|}
            {
                readonly bool[] b = new bool[24];
                [Action] void Flip([Range(0, 23)] int i) { b[i] = !b[i]; }
            }
            """, new Dictionary<string, string> { ["MergeQueueTimeoutSeconds"] = "1", ["MergeQueueMaxStates"] = "100000000" });

        Assert.Contains("the time limit (1 s) reached", diagnostics.Single("SM0005").GetMessage());
    }

    [Fact]
    public async Task Memory_build_property_stops_an_exploration_that_outgrows_it_with_a_warning()
    {
        // 2^24 states of about half a kilobyte each: 32 MB is reached within the first hundred thousand. The limit
        // counts the process's heap, which other tests also move; this one grows until it is past it.
        var diagnostics = await AnalyzerRun.VerifyAsync(TestCompilation.Usings + """
            [StateMachine]
            partial class {|SM0005:Bits|}
            {
                readonly bool[] b = new bool[24];
                [Action] void Flip([Range(0, 23)] int i) { b[i] = !b[i]; }
            }
            """, new Dictionary<string, string> { ["MergeQueueMaxMemoryMegabytes"] = "32", ["MergeQueueMaxStates"] = "100000000" });

        Assert.Contains("the memory limit (32 MB) reached", diagnostics.Single("SM0005").GetMessage());
    }

    [Fact]
    public async Task Two_workers_report_the_diagnostics_of_one_worker()
    {
        // Four counters 0..12: 13^4 = 28,561 states, levels of up to about 1,400; the first state whose counters
        // sum to 30 breaks the invariant at depth 30. A comment makes the second source a different model to the
        // cache, so both are explored.
        const string source = TestCompilation.Usings + """
            [StateMachine]
            partial class Counters
            {
                readonly int[] c = new int[4];
                [Action] void Inc([Range(0, 3)] int i) { Require(c[i] < 12); c[i]++; }
                [Invariant] bool BelowThirty => c.Sum() < 30;
            }
            """;
        var explored = ExplorationCache.ExplorationsOf("Counters");

        var one = await AnalyzerRun.DiagnosticsAsync(new[] { source }, new Dictionary<string, string> { ["MergeQueueWorkers"] = "1" });
        var two = await AnalyzerRun.DiagnosticsAsync(new[] { source + "// two workers\n" }, new Dictionary<string, string> { ["MergeQueueWorkers"] = "2" });

        Assert.Equal(explored + 2, ExplorationCache.ExplorationsOf("Counters"));
        Assert.Equal(new[] { "SM0001", "SM0010" }, one.Select(d => d.Id).OrderBy(id => id));
        Assert.Equal(Describe(one), Describe(two));
    }

    [Fact]
    public void Workers_build_property_is_read_and_defaults_to_one()
    {
        Assert.Equal(1, CheckerSettings.Read(new TestConfigOptionsProvider(null).GlobalOptions).Workers);
        Assert.Equal(2, CheckerSettings.Read(new TestConfigOptionsProvider(new Dictionary<string, string> { ["MergeQueueWorkers"] = "2" }).GlobalOptions).Workers);
    }

    [Fact]
    public async Task Cancellation_stops_a_large_exploration_promptly()
    {
        const string source = TestCompilation.Usings + """
            [StateMachine]
            partial class Bits
            {
                readonly bool[] b = new bool[24];
                [Action] void Flip([Range(0, 23)] int i) { b[i] = !b[i]; }
            }
            """;
        using var cancellation = new CancellationTokenSource();
        var run = AnalyzerRun.DiagnosticsAsync(new[] { source }, new Dictionary<string, string> { ["MergeQueueMaxStates"] = "100000000" }, cancellation.Token);
        await Task.Delay(500);
        var stopwatch = Stopwatch.StartNew();

        cancellation.Cancel();
        await Assert.ThrowsAnyAsync<System.OperationCanceledException>(() => run);

        // The compiler asks often (every keystroke in an IDE): an exploration must give the thread back at once.
        Assert.True(stopwatch.ElapsedMilliseconds < 1000, $"returned {stopwatch.ElapsedMilliseconds} ms after cancellation");
    }

    // Each diagnostic where and as reported, the statistics without their time.
    private static string[] Describe(IEnumerable<Diagnostic> diagnostics) =>
        diagnostics.Select(d => d.Id + " " + d.Location.GetLineSpan() + " " + Regex.Replace(d.GetMessage(CultureInfo.InvariantCulture), @", [\d,]+ ms", string.Empty)).ToArray();
}
