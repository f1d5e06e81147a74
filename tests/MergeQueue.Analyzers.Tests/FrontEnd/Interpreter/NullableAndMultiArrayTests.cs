using Xunit;

namespace MergeQueue.Analyzers.Tests.FrontEnd.Interpreter;

/// <summary>The interpreter's nullable values and multi-dimensional arrays, step by step: values, trace text and exceptions.</summary>
public sealed class NullableAndMultiArrayTests
{
    private const string Types = "public enum Color { Red, Blue }\npublic readonly record struct Cell(int Row, Color? Paint);\n";

    [Fact]
    public void Nullable_values_print_null_or_their_value_in_fields_arrays_records_and_tuples()
    {
        var model = Interpreted.Of("""
            int? count;
            int? five = 5;
            Color?[] paints = new Color?[] { null, Color.Blue };
            Cell cell = new(1, null);
            Cell? none;
            (int, bool?) pair = (1, null);
            List<int?> values = new() { 1, null };
            [Action] void Step() { }
            """, Types);
        Assert.Equal("null", model["count"]);
        Assert.Equal("5", model["five"]);
        Assert.Equal("[null, Blue]", model["paints"]);
        Assert.Equal("Cell { Row = 1, Paint = null }", model["cell"]);
        Assert.Equal("null", model["none"]);
        Assert.Equal("(1, null)", model["pair"]);
        Assert.Equal("[1, null]", model["values"]);
    }

    [Fact]
    public void Lifted_arithmetic_and_conversions_follow_CSharp()
    {
        var model = Interpreted.Of("""
            int? a = 3;
            int? b;
            int? sum;
            int? none;
            long? wide;
            string text = "";
            [Action] void Step() { sum = a + 4; none = a * b; wide = a; text = $"{a}|{b}|{a ?? 0}"; }
            [Action] void Unwrap() { int v = (int)b; }
            """);
        model.Do("Step()");
        Assert.Equal("7", model["sum"]);
        Assert.Equal("null", model["none"]);
        Assert.Equal("3", model["wide"]);
        Assert.Equal("\"3||3\"", model["text"]);
        Assert.Equal("InvalidOperationException: Nullable object must have a value.", model.Fails("Unwrap()").Message);
    }

    [Fact]
    public void A_multi_dimensional_array_prints_as_nested_rows_and_checks_each_index()
    {
        var model = Interpreted.Of("""
            int[,] grid = { { 1, 2 }, { 3, 4 }, { 5, 6 } };
            bool[,,] cube = new bool[1, 2, 2];
            [Action] void Set() { grid[2, 1] = 9; cube[0, 1, 0] = true; }
            [Action] void Outside() { grid[0, 2] = 1; }
            """);
        Assert.Equal("[[1, 2], [3, 4], [5, 6]]", model["grid"]);
        model.Do("Set()");
        Assert.Equal("[[1, 2], [3, 4], [5, 9]]", model["grid"]);
        Assert.Equal("[[[false, false], [true, false]]]", model["cube"]);
        Assert.Equal("IndexOutOfRangeException: Index was outside the bounds of the array.", model.Fails("Outside()").Message);
    }
}
