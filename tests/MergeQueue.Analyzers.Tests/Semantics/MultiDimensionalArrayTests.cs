using Xunit;

namespace MergeQueue.Analyzers.Tests.Semantics;

/// <summary>
/// Multi-dimensional (<c>bool[,]</c>) and jagged (<c>int[][]</c>) arrays in both paths: elements in row-major order
/// as .NET enumerates them, the shape part of the state, traces as nested rows, and .NET's exceptions out of range.
/// Expected numbers are counted by hand beside each model.
/// </summary>
public sealed class MultiDimensionalArrayTests
{
    [Fact]
    public void Each_cell_of_a_two_dimensional_grid_is_part_of_the_state()
    {
        // Four cells toggled freely: 2^4 = 16 states; the shape members hold in each.
        string source = BothPaths.Model("Grid", """
            readonly bool[,] grid = new bool[2, 2];
            [Action] void Toggle([Range(0, 1)] int i, [Range(0, 1)] int j) { grid[i, j] = !grid[i, j]; }
            [Invariant] bool Shape => grid.Length == 4 && grid.Rank == 2 && grid.GetLength(0) == 2 && grid.GetLength(1) == 2
                && grid.GetUpperBound(1) == 1;
            """);
        var (interpreted, generated) = BothPaths.Explore("Grid", source);
        Assert.Empty(interpreted.Violations);
        Assert.Empty(generated.Violations);
        Assert.Equal(16, interpreted.DistinctStates);
        Assert.Equal(16, generated.DistinctStates);
        Assert.Equal(generated.Transitions, interpreted.Transitions);
    }

    [Fact]
    public void Foreach_visits_a_multi_dimensional_array_row_by_row_and_traces_print_nested_rows()
    {
        // Row-major order gives 123456 (column-major would give 142536): the invariant fails at depth 1.
        string source = BothPaths.Model("RowMajor", """
            int[,] cells = { { 1, 2, 3 }, { 4, 5, 6 } };
            int sum;
            [Action] void Sum() { Require(sum == 0); foreach (var c in cells) sum = sum * 10 + c; }
            [Invariant] bool NotRowMajor => sum != 123456;
            """);
        var (interpreted, generated) = BothPaths.Explore("RowMajor", source);
        Assert.Equal(generated.Violations, interpreted.Violations);
        Assert.Contains(interpreted.Violations, v => v.Contains("NotRowMajor") && v.Contains("cells = [[1, 2, 3], [4, 5, 6]]"));
    }

    [Fact]
    public void An_index_outside_its_dimension_throws_even_inside_the_array()
    {
        // a[0, 3] is the fourth of six elements, but 3 is outside the second dimension: IndexOutOfRangeException, as .NET.
        string source = BothPaths.Model("OutOfRange", """
            int[,] a = new int[2, 3];
            [Action] void Poke() { Require(a[0, 0] == 0); a[0, 3] = 1; }
            """);
        var (interpreted, generated) = BothPaths.Explore("OutOfRange", source);
        Assert.Equal(generated.Violations, interpreted.Violations);
        Assert.Contains(interpreted.Violations, v => v.Contains("IndexOutOfRangeException"));
    }

    [Fact]
    public void GetLength_of_a_dimension_the_array_lacks_throws()
    {
        string source = BothPaths.Model("NoSuchDimension", """
            int[,] a = new int[2, 3];
            int n;
            [Action] void Measure() { Require(n == 0); n = a.GetLength(2); }
            """);
        var (interpreted, generated) = BothPaths.Explore("NoSuchDimension", source);
        Assert.Equal(string.Join("\n", generated.Violations), string.Join("\n", interpreted.Violations));
        Assert.Contains(interpreted.Violations, v => v.Contains("IndexOutOfRangeException"));
    }

    [Fact]
    public void Arrays_of_different_shapes_with_the_same_elements_are_different_states()
    {
        // [[0, 0, 0], [0, 0, 0]] then [[0, 0], [0, 0], [0, 0]]: six zeros each, but 2 distinct states.
        string source = BothPaths.Model("Reshape", """
            int[,] a = new int[2, 3];
            [Action] void Turn() { Require(a.GetLength(0) == 2); a = new int[3, 2]; }
            [Terminal] bool Turned => a.GetLength(0) == 3;
            """);
        var (interpreted, generated) = BothPaths.Explore("Reshape", source);
        Assert.Equal(2, interpreted.DistinctStates);
        Assert.Equal(2, generated.DistinctStates);
    }

    [Fact]
    public void A_jagged_array_holds_rows_of_their_own_lengths()
    {
        // Each row's first element goes 0 -> 1 once: 2 x 2 = 4 states.
        string source = BothPaths.Model("Jagged", """
            int[][] rows = { new int[2], new int[3] };
            [Action] void Inc([Range(0, 1)] int r) { Require(rows[r][0] < 1); rows[r][0]++; rows[r][rows[r].Length - 1] = 1; }
            [Terminal] bool Done => rows.All(row => row[0] == 1);
            """);
        var (interpreted, generated) = BothPaths.Explore("Jagged", source);
        Assert.Equal(4, interpreted.DistinctStates);
        Assert.Equal(4, generated.DistinctStates);
        Assert.Empty(interpreted.Violations);
    }

    [Fact]
    public void Rows_of_a_readonly_jagged_array_written_through_a_foreach_alias_are_the_states_rows()
    {
        // MCCRDT's shape: a readonly int[][] built by a collection expression and rows written through `foreach (var
        // row in c)`. Inc(n) raises c[n][0] up to 2; Snap copies column 0 into column 1 in every row. Column 1 holds
        // column 0 as it was at some earlier time, and any (p, q) in 0..2 x 0..2 is some time's column 0: the states
        // are the (a0, a1, b0, b1) with a1 <= a0 and b1 <= b0, 6 * 6 = 36 (counted by hand).
        string source = BothPaths.Model("Crdt", """
            readonly int[][] c = [.. Enumerable.Range(0, 2).Select(_ => new int[2])];
            [Action] void Inc([Range(0, 1)] int n) { Require(c[n][0] < 2); c[n][0]++; }
            [Action] void Snap()
            {
                foreach (var row in c)
                    row[1] = row[0];
            }
            [Invariant] bool Behind => c.All(row => row[1] <= row[0]);
            """, attribute: "[StateMachine(CheckStuck = false)]");
        var (interpreted, generated) = BothPaths.Explore("Crdt", source);
        Assert.Empty(interpreted.Violations);
        Assert.Empty(generated.Violations);
        Assert.Equal(36, interpreted.DistinctStates);
        Assert.Equal(36, generated.DistinctStates);
    }
}
