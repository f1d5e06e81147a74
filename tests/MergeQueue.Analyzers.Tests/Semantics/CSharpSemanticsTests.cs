using Xunit;

namespace MergeQueue.Analyzers.Tests.Semantics;

/// <summary>
/// SPEC §2 "C# semantics": a model means what the same C# means compiled and run, in both paths. Each model
/// here once gave a different answer in one path; its expected numbers are counted by hand beside it.
/// </summary>
public sealed class CSharpSemanticsTests
{
    [Fact]
    public void A_value_declared_as_a_base_record_keeps_its_derived_type()
    {
        // States: null, Circle(1), Circle(2), Square(1), Square(2) = 5.
        string source = BothPaths.Model("Shapes", """
            Shape? shape;
            [Action] void MakeCircle([Range(1, 2)] int r) { Require(shape is null); shape = new Circle(r); }
            [Action] void MakeSquare([Range(1, 2)] int s) { Require(shape is null); shape = new Square(s); }
            [Terminal] bool Made => shape is not null;
            """, "public abstract record Shape;\npublic sealed record Circle(int R) : Shape;\npublic sealed record Square(int S) : Shape;\n");
        var (interpreted, generated) = BothPaths.Explore("Shapes", source);
        Assert.Equal(5, interpreted.DistinctStates);
        Assert.Equal(5, generated.DistinctStates);
    }

    [Fact]
    public void A_lambda_made_in_a_loop_captures_that_iteration()
    {
        // C#: each foreach iteration has its own i, so fs[0]() is 0. States: r = -1, r = 0; the invariant fails at r = 0.
        string source = BothPaths.Model("Captures", """
            int r = -1;
            [Action] void Go()
            {
                Require(r == -1);
                var fs = new List<Func<int>>();
                foreach (var i in new[] { 0, 1, 2 }) fs.Add(() => i);
                r = fs[0]();
            }
            [Terminal] bool Done => r != -1;
            [Invariant] bool NotZero => r != 0;
            """);
        var (interpreted, generated) = BothPaths.Explore("Captures", source);
        Assert.Equal(2, interpreted.DistinctStates);
        Assert.Equal(generated.Violations, interpreted.Violations);
        Assert.Contains(interpreted.Violations, v => v.Contains("NotZero"));
    }

    [Fact]
    public void A_for_loop_lambda_shares_its_variable_as_in_CSharp()
    {
        // C#: a for loop's variable is one variable, so every lambda sees its last value 3.
        string source = BothPaths.Model("ForCaptures", """
            int r = -1;
            [Action] void Go()
            {
                Require(r == -1);
                var fs = new List<Func<int>>();
                for (int i = 0; i < 3; i++) fs.Add(() => i);
                r = fs[0]();
            }
            [Terminal] bool Done => r != -1;
            [Invariant] bool NotThree => r != 3;
            """);
        var (interpreted, generated) = BothPaths.Explore("ForCaptures", source);
        Assert.Equal(generated.Violations, interpreted.Violations);
        Assert.Contains(interpreted.Violations, v => v.Contains("NotThree"));
    }

    [Fact]
    public void A_method_group_that_writes_is_not_a_guard()
    {
        // Take removes 1 from items once: states [1] and []. A guard tested apart would remove from the stored state.
        string source = BothPaths.Model("RemovingGroup", """
            List<int> items = new() { 1 };
            [Action] void Take() { Require(new[] { 1 }.Any(items.Remove)); }
            [Terminal] bool Empty => items.Count == 0;
            """);
        var (interpreted, generated) = BothPaths.Explore("RemovingGroup", source);
        Assert.Equal(2, interpreted.DistinctStates);
        Assert.Equal(2, generated.DistinctStates);
    }

    [Fact]
    public void Static_helpers_and_extension_methods_in_another_class_are_interpreted()
    {
        // n counts 0..3; Done holds at 3 through an extension method, Next through a static helper with a loop.
        string source = BothPaths.Model("Helpers", """
            int n;
            [Action] void Step() { Require(!n.IsDone()); n = Arith.Next(n); }
            [Terminal] bool Done => n.IsDone();
            """, """
            public static class Arith
            {
                public static int Next(int x) { int y = x; for (int i = 0; i < 1; i++) y++; return y; }
                public static bool IsDone(this int x) => x >= 3;
            }
            """);
        var (interpreted, generated) = BothPaths.Explore("Helpers", source);
        Assert.Equal(4, interpreted.DistinctStates);
        Assert.Equal(4, generated.DistinctStates);
        Assert.Empty(interpreted.Violations);
    }

    [Fact]
    public void Method_groups_of_library_members_and_helpers_are_called_like_lambdas()
    {
        // Add puts 0, 1 or 2 into seen while not all of wanted are in it: {}, {0}, {1}, {2}, {0,1}, {0,2}, {1,2}, {0,1,2}
        // less the states past completion ({0,1} completes wanted = {0, 1}; then nothing is enabled): {}, {0}, {1}, {2},
        // {0,1}, {0,2}, {1,2}, and {0,1,2} only through {0,2} or {1,2}: 8 states.
        string source = BothPaths.Model("Groups", """
            HashSet<int> seen = new();
            static readonly int[] wanted = { 0, 1 };
            [Action] void Add([Range(0, 2)] int x) { Require(!wanted.All(seen.Contains) && !seen.Contains(x)); seen.Add(x); }
            [Terminal] bool Done => wanted.All(seen.Contains) || seen.Count == 3;
            [Invariant] bool Small => seen.All(Checks.IsSmall);
            """, """
            public static class Checks
            {
                public static bool IsSmall(this int x) => x < 3;
            }
            """);
        var (interpreted, generated) = BothPaths.Explore("Groups", source);
        Assert.Equal(8, interpreted.DistinctStates);
        Assert.Equal(8, generated.DistinctStates);
        Assert.Empty(interpreted.Violations);
    }

    [Fact]
    public async System.Threading.Tasks.Task A_property_that_may_write_the_state_is_a_model_error()
    {
        // Evaluating it would change the state depending on when it runs: no C# meaning to give it in either path.
        string source = BothPaths.Model("WritingInvariant", """
            int n;
            int reads;
            [Action] void Inc() { Require(n < 2); n++; }
            [Terminal] bool Done => n == 2;
            [Invariant] bool Small() { reads++; return n < 5; }
            [Invariant] bool Counted() { int total = 0; for (int i = 0; i < n; i++) total++; return total == n; }
            """);
        var diagnostics = await Infrastructure.AnalyzerRun.DiagnosticsAsync(new[] { source });
        var error = Assert.Single(diagnostics, d => d.Id == "SM0110");
        Assert.Equal(
            "[Invariant] on 'Small' is not allowed: it changes the state (it writes 'reads'); a property only reads the state",
            error.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void One_mutable_record_in_two_array_elements_gets_the_same_answer_in_both_paths()
    {
        string source = BothPaths.Model("Aliased", """
            Cell[] cells = { new Cell(), new Cell() };
            bool done;
            [Action] void Share() { Require(!done); var c = new Cell(); cells[0] = c; cells[1] = c; done = true; }
            [Terminal] bool Done => done;
            """, "public record Cell { public int X { get; set; } }\n");
        var (interpreted, generated) = BothPaths.Explore("Aliased", source);
        Assert.Equal(generated.Violations, interpreted.Violations);
        Assert.Equal(generated.DistinctStates, interpreted.DistinctStates);
    }
}
