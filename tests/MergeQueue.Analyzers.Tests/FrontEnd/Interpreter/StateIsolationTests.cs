using System.Linq;
using Xunit;

namespace MergeQueue.Analyzers.Tests.FrontEnd.Interpreter;

/// <summary>
/// A step works on a copy of the state: nothing it does, through any alias, may change a state already explored,
/// and objects it shares between two places are reported.
/// </summary>
public sealed class StateIsolationTests
{
    [Fact]
    public void A_field_read_into_a_local_is_copied_before_it_is_written()
    {
        var model = Interpreted.Of("""
            int[] values = new int[2];
            [Action] void Step() { var alias = values; alias[0]++; values[1] = alias[0] * 10; }
            """);
        var before = model.State;
        model.Do("Step()");
        Assert.Equal("[1, 10]", model["values"]);
        Assert.Equal("[0, 0]", model.Model.FormatField(before, 0));
        model.Do("Step()");
        Assert.Equal("[2, 20]", model["values"]);
    }

    [Fact]
    public void Storing_a_fields_array_in_another_field_is_sharing()
    {
        var model = Interpreted.Of("""
            List<int[]> rows = new();
            int[] current = new int[1];
            [Action] void Keep() { rows.Add(current); current[0] = 5; }
            [Action] void Copy() { rows.Add(current.ToArray()); current[0] = 5; }
            """);
        Assert.Equal("One mutable object is shared by 'rows' and 'current': give each place its own copy", model.Fails("Keep()").Message);
        model.Do("Copy()");
        Assert.Equal("[[0]]", model["rows"]);
        Assert.Equal("[5]", model["current"]);
    }

    [Fact]
    public void Queries_over_a_field_see_writes_made_before_they_run()
    {
        var model = Interpreted.Of("""
            int[] values = new int[3];
            int result;
            [Action] void Step() { var big = values.Where(v => v > 0); values[2] = 7; result = big.Sum() + values.Count(v => v == 0); }
            """);
        model.Do("Step()");
        Assert.Equal("9", model["result"]);
    }

    [Fact]
    public void A_loop_over_a_field_sees_the_writes_of_its_body()
    {
        var model = Interpreted.Of("""
            int[] values = { 1, 0, 0 };
            [Action] void Step() { int i = 0; foreach (var v in values) { if (i + 1 < values.Length) values[i + 1] = v + 1; i++; } }
            """);
        model.Do("Step()");
        Assert.Equal("[1, 2, 3]", model["values"]);
    }

    [Fact]
    public void Writes_of_a_failed_or_disabled_step_never_reach_the_state()
    {
        var model = Interpreted.Of("""
            List<int> log = new();
            [Action] void Fail() { log.Add(1); throw new InvalidOperationException("no"); }
            [Action] void Disabled() { log.Add(2); Require(false); }
            """);
        model.Fails("Fail()");
        model.Disabled("Disabled()");
        Assert.Equal("[]", model["log"]);
    }

    [Fact]
    public void Static_values_are_not_state_and_cannot_be_written()
    {
        var diagnostics = Interpreted.Diagnostics("""
            static readonly int[] Table = { 1, 2 };
            static int calls;
            [Action] void Step() { Table[0] = 5; calls++; }
            """);
        Assert.Equal(
            new[]
            {
                "The compile-time checker cannot interpret a write into the static field 'Table' (static fields are not state); 'M' was not checked at compile time",
                "The compile-time checker cannot interpret the assignment to the static field 'calls' (static fields are not state); 'M' was not checked at compile time",
            },
            diagnostics.Select(d => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void Static_readonly_tables_are_computed_once_and_read_by_every_step()
    {
        var model = Interpreted.Of("""
            static readonly int[] Squares = Enumerable.Range(0, 4).Select(i => i * i).ToArray();
            static int Limit { get; } = Squares.Length;
            int total;
            [Action] void Step([Range(0, 3)] int i) { var copy = Squares; total += copy[i] + Limit; }
            """);
        model.Do("Step(i: 3)");
        Assert.Equal("13", model["total"]);
        Assert.Equal(new[] { "total" }, model.Model.FieldNames);
    }
}
