using Xunit;

namespace MergeQueue.Analyzers.Tests.Semantics;

/// <summary>
/// C# indices and ranges (<c>xs[^1]</c>, <c>xs[a..b]</c>) on arrays, strings, lists and spans, and the
/// <c>MemoryExtensions</c> members over them, in both paths. The generated <c>Explore()</c> runs the model as compiled
/// C#, so an invariant that holds there and fails in the analyzer (or the other way) is a difference from C#.
/// </summary>
public sealed class RangeAndSpanTests
{
    [Fact]
    public void Ranges_and_indices_read_arrays_strings_lists_and_spans_as_CSharp_does()
    {
        // n = -1 (initial), then Pick sets n to 0..4 once: 6 states; every slice identity holds in each.
        string source = BothPaths.Model("Slices", """
            static readonly int[] a = { 1, 2, 3, 4 };
            const string s = "abcd";
            static readonly List<int> l = new() { 1, 2, 3, 4 };
            int n = -1;
            [Action] void Pick([Range(0, 4)] int k) { Require(n == -1); n = k; }
            [Terminal] bool Picked => n >= 0;
            [Invariant] bool Fixed =>
                a[1..^1].Sum() == 5 && a[^1] == 4 && a[..].Length == 4 && a[^3..^1].SequenceEqual(new[] { 2, 3 })
                && s[1..^1] == "bc" && s[^1] == 'd' && s[2..] == "cd"
                && l[^2] == 3 && l[1..3].Sum() == 5 && l[..0].Count == 0
                && a.AsSpan()[1..].Length == 3 && a.AsSpan()[^1] == 4 && a.AsSpan(1, 2).ToArray().Sum() == 5;
            [Invariant] bool Split =>
                n < 0
                || a[..n].Length == n && a[n..].Length == 4 - n && a[..n].Concat(a[n..]).SequenceEqual(a)
                && s[..n] + s[n..] == s && s[n..].Length == 4 - n
                && l[n..].Count == 4 - n && l[..n].Sum() + l[n..].Sum() == 10
                && (n == 0 || a[^n] == a[4 - n] && s[^n] == s[4 - n] && l[^n] == l[4 - n])
                && a.AsSpan(n).ToArray().Sum() == a.Skip(n).Sum() && a.AsSpan().Slice(n).Length == 4 - n;
            """);
        var (interpreted, generated) = BothPaths.Explore("Slices", source);
        Assert.Empty(generated.Violations);
        Assert.Empty(interpreted.Violations);
        Assert.Equal(6, interpreted.DistinctStates);
        Assert.Equal(6, generated.DistinctStates);
    }

    [Theory]
    [InlineData("a[..n].Length", "ArgumentOutOfRangeException")]
    [InlineData("a[n..3].Length", "ArgumentOutOfRangeException")]
    [InlineData("a[^n]", "IndexOutOfRangeException")]
    [InlineData("s[..n].Length", "ArgumentOutOfRangeException")]
    [InlineData("s[n..2].Length", "ArgumentOutOfRangeException")]
    [InlineData("l[..n].Count", "ArgumentException")]
    [InlineData("l[n..3].Count", "ArgumentOutOfRangeException")]
    [InlineData("l[^(n - 5)]", "ArgumentOutOfRangeException")]
    [InlineData("a.AsSpan()[..n].Length", "ArgumentOutOfRangeException")]
    [InlineData("a.AsSpan(n).Length", "ArgumentOutOfRangeException")]
    public void A_range_or_index_out_of_bounds_throws_what_CSharp_throws(string read, string exception)
    {
        // Cut(5) reads past the end of the four elements: the one failure, with .NET's exception and message.
        string source = BothPaths.Model("Cuts", """
            static readonly int[] a = { 1, 2, 3, 4 };
            const string s = "abcd";
            static readonly List<int> l = new() { 1, 2, 3, 4 };
            int r = -1;
            [Action] void Cut([Range(4, 5)] int n) { Require(r == -1); r = READ; }
            [Terminal] bool Done => r != -1;
            """.Replace("READ", read));
        var (interpreted, generated) = BothPaths.Explore("Cuts", source);
        Assert.Contains(generated.Violations, v => v.Contains(exception + ":", System.StringComparison.Ordinal));
        Assert.Equal(generated.Violations, interpreted.Violations);
    }

    [Fact]
    public void SequenceCompareTo_and_the_other_span_members_give_what_CSharp_gives()
    {
        // x and y each pick one of four arrays: 1 + 4 + 16 states... x then y: (-1,-1), (i,-1) for 4 i, (i,j) for 16: 21.
        // The exact numbers (3, -2, -1) are .NET's: short and char compare by difference, int by sign; lengths of
        // bytes and chars by difference, of the rest by sign.
        string source = BothPaths.Model("Compare", """
            static readonly int[][] arrays = { new int[0], new[] { 0 }, new[] { 0, 1 }, new[] { 1 } };
            int x = -1;
            int y = -1;
            [Action] void PickX([Range(0, 3)] int i) { Require(x == -1); x = i; }
            [Action] void PickY([Range(0, 3)] int j) { Require(x != -1 && y == -1); y = j; }
            [Terminal] bool Picked => y != -1;
            static int Lexicographic(int[] p, int[] q)
            {
                for (int i = 0; i < p.Length && i < q.Length; i++) if (p[i] != q[i]) return p[i] < q[i] ? -1 : 1;
                return p.Length == q.Length ? 0 : p.Length < q.Length ? -1 : 1;
            }
            [Invariant] bool Order => y == -1 || arrays[x].AsSpan().SequenceCompareTo(arrays[y]) == Lexicographic(arrays[x], arrays[y]);
            [Invariant] bool Prefix => y == -1 || arrays[x].AsSpan().StartsWith(arrays[y]) == (arrays[y].Length <= arrays[x].Length && arrays[x].Take(arrays[y].Length).SequenceEqual(arrays[y]));
            [Invariant] bool Suffix => y == -1 || arrays[x].AsSpan().EndsWith(arrays[y]) == (arrays[y].Length <= arrays[x].Length && arrays[x].Skip(arrays[x].Length - arrays[y].Length).SequenceEqual(arrays[y]));
            [Invariant] bool Numbers =>
                new short[] { 1, 5 }.AsSpan().SequenceCompareTo(new short[] { 1, 2 }) == 3
                && new char[] { 'a' }.AsSpan().SequenceCompareTo(new char[] { 'a', 'b', 'c' }) == -2
                && new int[] { 1 }.AsSpan().SequenceCompareTo(new int[] { 1, 2, 3 }) == -1
                && new[] { 1, 2, 1 }.AsSpan().LastIndexOf(1) == 2 && ((short)3).CompareTo((short)7) == -4;
            """);
        var (interpreted, generated) = BothPaths.Explore("Compare", source);
        Assert.Empty(generated.Violations);
        Assert.Empty(interpreted.Violations);
        Assert.Equal(21, interpreted.DistinctStates);
        Assert.Equal(21, generated.DistinctStates);
    }
}
