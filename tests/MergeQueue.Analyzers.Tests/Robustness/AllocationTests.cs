using System.Linq;
using System.Threading.Tasks;
using MergeQueue.Analyzers.Tests.Infrastructure;
using Xunit;

namespace MergeQueue.Analyzers.Tests.Robustness;

/// <summary>
/// One step asking for more memory than the compiler can give: the size is checked before anything is allocated,
/// and library work (elements enumerated) counts against the step budget, so each is a diagnostic at the action.
/// Measured before: the compiler ran out of memory or ran for minutes.
/// </summary>
public sealed class AllocationTests
{
    [Theory]
    [InlineData("var a = new int[1_000_000_000]; x = a.Length;", "Action 'Grow()' went past a limit of the checker: an object of 1,000,000,000 elements")]
    [InlineData("var l = new List<int>(int.MaxValue); x = l.Count;", "Action 'Grow()' threw OutOfMemoryException: Array dimensions exceeded supported range.")]
    [InlineData("var s = new HashSet<int>(Enumerable.Range(0, 200_000_000)); x = s.Count;", "Action 'Grow()' ran past 100,000 steps")]
    [InlineData("var t = string.Concat(Enumerable.Repeat(\"ab\", 100_000_000)); x = t.Length;", "Action 'Grow()' ran past 100,000 steps")]
    [InlineData("x = Enumerable.Range(0, int.MaxValue).Skip(int.MaxValue - 1).First();", "Action 'Grow()' ran past 100,000 steps")]
    public async Task A_huge_allocation_or_library_loop_fails_the_step(string body, string message)
    {
        var diagnostics = await AnalyzerRun.DiagnosticsAsync(new[]
        {
            TestCompilation.Usings + "[StateMachine]\npartial class Big\n{\nint x;\n[Action] void Grow() { Require(x == 0); " + body + " }\n}\n",
        });

        Assert.StartsWith(message, diagnostics.Single("SM0004").MessageLines()[0]);
    }

    [Fact]
    public async Task A_string_doubled_a_step_stops_at_the_size_bound_and_its_trace_prints_each_state_short()
    {
        // "ab" doubled 23 times is 16,777,216 characters, the most one string may hold; the 24th doubling passes it.
        // The trace printed each of its 24 states whole: a message of 33,555,264 characters, built in seconds past
        // the time limit (issue 14's time family). A string past 1,000 characters prints its first 1,000 and its length.
        var diagnostics = await AnalyzerRun.DiagnosticsAsync(new[]
        {
            TestCompilation.Usings + "[StateMachine]\npartial class Big\n{\nstring s = \"ab\";\n[Action] void Double() { s = s + s; }\n}\n",
        });

        var lines = diagnostics.Single("SM0004").MessageLines();
        Assert.StartsWith(
            "Action 'Double()' went past a limit of the checker: a string of 33,554,432 characters; the checker builds at most 16,777,216 per string",
            lines[0]);
        Assert.Equal("9: Double(): s = \"" + string.Concat(Enumerable.Repeat("ab", 500)) + "\"… (1,024 characters)", lines[10]);
        Assert.Equal("23: Double(): s = \"" + string.Concat(Enumerable.Repeat("ab", 500)) + "\"… (16,777,216 characters)", lines[24]);
        Assert.All(lines, line => Assert.True(line.Length < 1100, line.Length + " characters"));
    }

    [Fact]
    public async Task A_list_with_a_large_capacity_within_the_bound_is_allowed()
    {
        // By hand: x = 0, then x = 1 (the list holds one element); Grow is then disabled: 2 states.
        var diagnostics = await AnalyzerRun.DiagnosticsAsync(new[]
        {
            TestCompilation.Usings + "[StateMachine]\npartial class Big\n{\nint x;\n[Action] void Grow() { Require(x == 0); var l = new List<int>(1_000_000); l.Add(1); x = l.Count; }\n}\n",
        });

        Assert.DoesNotContain(diagnostics, d => d.Id == "SM0004");
        Assert.StartsWith("'Big': 2 distinct states", diagnostics.Single("SM0010").GetMessage());
    }
}
