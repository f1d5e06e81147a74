using Xunit;

namespace MergeQueue.Analyzers.Tests.Semantics;

/// <summary>
/// Query expressions (<c>from</c>, a second <c>from</c>, <c>let</c>, <c>where</c>, <c>orderby</c>, <c>select</c>) are the
/// method calls C# translates them to, over the anonymous types it makes for the range variables, in both paths.
/// </summary>
public sealed class QueryExpressionTests
{
    [Fact]
    public void A_query_with_two_froms_let_where_orderby_and_select_gives_what_CSharp_gives()
    {
        // n counts 0..3: 4 states. For n = 3 the pairs a < b of 0..2 are (0,1), (0,2), (1,2).
        string source = BothPaths.Model("Queries", """
            int n;
            [Action] void Grow() { Require(n < 3); n++; }
            [Terminal] bool Grown => n == 3;
            IEnumerable<(int, int)> Pairs =>
                from a in Enumerable.Range(0, n)
                from b in Enumerable.Range(0, n)
                where a < b
                select (a, b);
            [Invariant] bool Counted => Pairs.Count() == n * (n - 1) / 2;
            [Invariant] bool Ordered =>
                (from p in Pairs
                 let sum = p.Item1 + p.Item2
                 orderby sum descending, p.Item1
                 select sum).SequenceEqual(Pairs.Select(p => p.Item1 + p.Item2).OrderByDescending(s => s));
            [Invariant] bool Anonymous =>
                (from a in Enumerable.Range(0, n) select new { A = a, Square = a * a }).Where(x => x.Square > x.A).Count() == System.Math.Max(0, n - 2)
                && new { A = 1, B = 2 }.Equals(new { A = 1, B = 2 }) && new { A = 1 }.ToString() == "{ A = 1 }";
            [Invariant] bool Strict => n != 3 || Pairs.SequenceEqual(new[] { (0, 1), (0, 2), (1, 2) });
            """);
        var (interpreted, generated) = BothPaths.Explore("Queries", source);
        Assert.Empty(generated.Violations);
        Assert.Empty(interpreted.Violations);
        Assert.Equal(4, interpreted.DistinctStates);
        Assert.Equal(4, generated.DistinctStates);
    }
}
