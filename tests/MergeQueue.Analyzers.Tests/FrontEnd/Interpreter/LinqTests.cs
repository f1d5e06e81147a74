using Xunit;

namespace MergeQueue.Analyzers.Tests.FrontEnd.Interpreter;

/// <summary>LINQ to Objects over interpreted collections.</summary>
public sealed class LinqTests
{
    private const string Members = """
        int[] values = { 3, 1, 4, 1, 5 };
        List<int> empty = new();
        int result;
        bool flag;
        string text = "";
        """;

    private static Interpreted With(string action) => Interpreted.Of(Members + "\n[Action] void Step() { " + action + " }");

    [Theory]
    [InlineData("result = values.Count();", "5")]
    [InlineData("result = values.Count(v => v > 1);", "3")]
    [InlineData("result = values.Sum();", "14")]
    [InlineData("result = values.Sum(v => v * 2);", "28")]
    [InlineData("result = values.Min() * 10 + values.Max();", "15")]
    [InlineData("result = values.Max(v => -v);", "-1")]
    [InlineData("result = values.First() + values.Last() * 10;", "53")]
    [InlineData("result = values.First(v => v > 3) + values.Last(v => v < 4) * 10;", "14")]
    [InlineData("result = empty.FirstOrDefault() + values.FirstOrDefault(v => v > 100) + empty.LastOrDefault(v => true);", "0")]
    [InlineData("result = values.Where(v => v % 2 == 1).Select(v => v * 10).Sum();", "100")]
    [InlineData("result = values.Select((v, i) => v * i).Sum();", "32")]
    [InlineData("result = values.ToList().Count + values.ToArray().Length;", "10")]
    [InlineData("result = Enumerable.Range(2, 3).Sum() + Enumerable.Repeat(7, 2).Sum();", "23")]
    [InlineData("result = values.Distinct().Count() * 100 + values.OrderBy(v => v).First() * 10 + values.OrderByDescending(v => v).First();", "415")]
    [InlineData("result = values.Skip(1).Take(2).Sum() + values.Reverse().First() * 100;", "505")]
    [InlineData("result = values.Aggregate(0, (a, v) => a * 10 + v);", "31415")]
    [InlineData("result = values.ElementAt(2);", "4")]
    [InlineData("flag = values.All(v => v > 0) && values.Any(v => v == 5) && !empty.Any() && values.Contains(4);", "true")]
    [InlineData("flag = values.SequenceEqual(new[] { 3, 1, 4, 1, 5 }) && !values.SequenceEqual(values.Reverse());", "true")]
    public void Interpreter_runs_LINQ_operators(string action, string expected)
    {
        var model = With(action);
        model.Do("Step()");
        Assert.Equal(expected, model[action.StartsWith("flag", System.StringComparison.Ordinal) ? "flag" : "result"]);
    }

    [Theory]
    [InlineData("result = empty.First();", "InvalidOperationException: Sequence contains no elements")]
    [InlineData("result = empty.Max();", "InvalidOperationException: Sequence contains no elements")]
    [InlineData("result = values.First(v => v > 100);", "InvalidOperationException: Sequence contains no matching element")]
    [InlineData("result = values.Single();", "InvalidOperationException: Sequence contains more than one element")]
    [InlineData("result = new[] { int.MaxValue, 1 }.Sum();", "OverflowException: Arithmetic operation resulted in an overflow.")]
    [InlineData("result = Enumerable.Range(0, -1).Count();", "ArgumentOutOfRangeException: Specified argument was out of the range of valid values. (Parameter 'count')")]
    public void Interpreter_throws_LINQ_exceptions_like_dotnet(string action, string message)
    {
        Assert.Equal(message, With(action).Fails("Step()").Message);
    }

    // A query used up by the call at its end (Sum, Count, Max) keeps one closure per frame for its lambdas: each
    // evaluation must still see its own loop variable, element and recursion level. By hand from { 3, 1, 4, 1, 5 }:
    // i = 1, 2, 3 give 12, 24 and 27; the elements with at least two smaller ones are 3, 4 and 5; Depth(3) is
    // Depth(2) + 3 = (Depth(1) + 1) + 3 = 5.
    [Theory]
    [InlineData("for (int i = 1; i <= 3; i++) { result += values.Where(v => v > i).Select(v => v * i).Sum(); }", "63")]
    [InlineData("result = values.Where(v => values.Where(w => w < v).Select(w => w + v).Count() > 1).Select(v => v * 10).Sum();", "120")]
    [InlineData("result = Depth(3);", "5")]
    public void A_query_used_up_at_once_sees_each_evaluation_s_own_variables(string action, string expected)
    {
        var model = Interpreted.Of(Members + """

            int Depth(int n) => n == 0 ? 0 : values.Where(v => v <= n).Select(v => Depth(n - 1) + v).Max();
            [Action] void Step() { 
            """ + action + " }");
        model.Do("Step()");
        Assert.Equal(expected, model["result"]);
    }

    [Fact]
    public void Interpreter_defers_Where_and_Select_until_enumeration()
    {
        var model = With("var query = values.Where(v => v > 3); values[0] = 10; result = query.Sum();");
        model.Do("Step()");
        Assert.Equal("19", model["result"]);
    }

    [Theory]
    [InlineData("var query = values.Intersect(empty); empty.Add(4); empty.Add(5); result = query.Sum();", "9")]
    [InlineData("var query = values.Except(empty); empty.Add(1); result = query.Sum();", "12")]
    [InlineData("var query = empty.SelectMany(v => values); empty.Add(0); result = query.Count();", "5")]
    [InlineData("var query = values.Order(); values[0] = 0; result = query.First();", "0")]
    [InlineData("var query = values.Zip(empty); empty.Add(7); result = query.Count();", "1")]
    public void Interpreter_defers_set_operators_ordering_SelectMany_and_Zip_until_enumeration(string action, string expected)
    {
        var model = With(action);
        model.Do("Step()");
        Assert.Equal(expected, model["result"]);
    }

    [Theory]
    [InlineData("result = values.Chunk(0).Count();", "ArgumentOutOfRangeException: Specified argument was out of the range of valid values. (Parameter 'size')")]
    [InlineData("result = values.ToDictionary(v => v).Count;", "ArgumentException: An item with the same key has already been added. Key: 1")]
    [InlineData("result = empty.MinBy(v => v);", "InvalidOperationException: Sequence contains no elements")]
    [InlineData("result = values.ToList().GetRange(-1, 1).Count;", "ArgumentOutOfRangeException: Non-negative number required. (Parameter 'index')")]
    [InlineData("result = (int)Enum.Parse<DayOfWeek>(\"Someday\");", "ArgumentException: Requested value 'Someday' was not found.")]
    public void Interpreter_throws_the_exceptions_of_the_newer_LINQ_and_collection_members_like_dotnet(string action, string message)
    {
        Assert.Equal(message, With(action).Fails("Step()").Message);
    }

    [Fact]
    public void Interpreter_runs_LINQ_over_sets_dictionaries_and_strings()
    {
        var model = Interpreted.Of("""
            HashSet<int> set = new() { 5, 2 };
            Dictionary<string, int> map = new() { ["x"] = 1, ["y"] = 2 };
            int result;
            [Action] void Step() { result = set.Sum() + map.Where(p => p.Value > 1).Sum(p => p.Value) * 10 + map.Keys.Count() * 100 + "abc".Count(c => c != 'b') * 1000; }
            """);
        model.Do("Step()");
        Assert.Equal("2227", model["result"]);
    }
}
