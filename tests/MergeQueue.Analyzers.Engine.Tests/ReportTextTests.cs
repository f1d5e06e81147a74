using System.Text.RegularExpressions;
using MergeQueue.Analyzers.Engine.Tests.Models;
using Xunit;

namespace MergeQueue.Analyzers.Engine.Tests;

/// <summary>The text of traces and reports: pinned byte for byte, and the same on every run.</summary>
public class ReportTextTests
{
    [Fact]
    public void Stuck_report_text_is_pinned()
    {
        ExplorationResult result = Explorer.Explore(Toys.Locks());

        // Step 0 shows every field; later steps only the fields that changed. 6 states, 8 transitions, depth 2
        // (counted in StateSpaceTests).
        Assert.Equal(
            """
            'Locks' is stuck after 2 steps: no action is enabled
            0: initial state: pc = [0, 0], lockA = free, lockB = free
            1: TakeFirst(self: 0): pc = [1, 0], lockA = 0
            2: TakeFirst(self: 1): pc = [1, 1], lockB = 1
            no action is enabled:
              TakeFirst: Require(pc[self] == 0) is false (line 10) for every self
              TakeSecond: Require(Free(Second(self))) is false (line 17) for every self
              Release: Require(pc[self] == 2) is false (line 22) for every self
            (add a [Terminal] member if this is an intended final state)

            'Locks': 6 distinct states, 8 transitions, depth 2, {ms} ms
            """.Replace("\r\n", "\n"),
            WithoutTime(result.Report));
    }

    [Fact]
    public void Step_that_changes_no_printed_field_says_so()
    {
        // Tick advances a counter that the trace does not print (as a model may print a set in sorted order
        // whatever its insertion order): the step is a real transition with nothing to show.
        var model = new ToyModel<(int Shown, int Hidden)>("Clock", (0, 0))
            .Field("shown", s => s.Shown.ToString())
            .Action("Tick", s => Outcome.Require(s.Hidden < 1, "hidden < 1", 4, (s.Shown, s.Hidden + 1)))
            .Property(PropertyKind.Invariant, "NeverTicked", s => s.Hidden == 0)
            .Property(PropertyKind.Terminal, "Ticked", s => s.Hidden == 1);

        Violation violation = Assert.Single(Explorer.Explore(model).Violations);

        Assert.Equal("0: initial state: shown = 0\n1: Tick(): (no change)", violation.Trace!.Format());
        Assert.Empty(violation.Trace.Steps[1].Changes);
    }

    [Fact]
    public void Statistics_use_thousands_separators()
    {
        ExplorationResult result = Explorer.Explore(
            Toys.Counter(1_500).Property(PropertyKind.Terminal, "Done", x => x == 1_500));

        Assert.Matches(@"^'Counter': 1,501 distinct states, 1,500 transitions, depth 1500, [\d,]+ ms$", result.StatisticsMessage);
        Assert.Equal(result.StatisticsMessage, result.Report);
    }

    [Fact]
    public void Report_lists_violations_then_warnings_then_statistics()
    {
        var model = Toys.Doubler().Action("Fly", x => Outcome.Require(x > 10, "x > 10", 12, 0));

        // Explored to the end: a search stopped at the violation would claim nothing about 'Fly'.
        ExplorationResult result = Explorer.Explore(model, new ExplorationOptions { ContinueAfterViolation = true });

        Assert.Equal(
            """
            Invariant 'NotEight' is violated after 4 steps
            0: initial state: x = 0
            1: Inc(): x = 1
            2: Inc(): x = 2
            3: Double(): x = 4
            4: Double(): x = 8

            Action 'Fly' is never enabled in any of the 11 reachable states
            'Doubler': 11 distinct states, 15 transitions, depth 5, {ms} ms
            """.Replace("\r\n", "\n"),
            WithoutTime(result.Report));
    }

    [Fact]
    public void Two_runs_give_the_same_report()
    {
        ExplorationResult first = Explorer.Explore(new MergeQueueModel(3, blockClearsStamp: false));
        ExplorationResult second = Explorer.Explore(new MergeQueueModel(3, blockClearsStamp: false));

        // Only the elapsed milliseconds may differ.
        Assert.Equal(WithoutTime(first.Report), WithoutTime(second.Report));
    }

    private static string WithoutTime(string report) => Regex.Replace(report, @"[\d,]+ ms$", "{ms} ms");
}
