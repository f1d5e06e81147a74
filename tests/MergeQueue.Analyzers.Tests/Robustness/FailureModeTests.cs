using System.Linq;
using System.Threading.Tasks;
using MergeQueue.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace MergeQueue.Analyzers.Tests.Robustness;

/// <summary>
/// Each way a model can go wrong reaches the user as a diagnostic at the right place: never an analyzer crash
/// (AnalyzerRun fails on AD0001), a hang, or a silent pass.
/// </summary>
public sealed class FailureModeTests
{
    [Fact]
    public async Task Unbounded_recursion_is_a_diagnostic_not_a_stack_overflow()
    {
        // Each call is one level: the call bound (1,000) stops it long before the step budget, and says which bound.
        var diagnostics = await AnalyzerRun.VerifyAsync(TestCompilation.Usings + """
            [StateMachine]
            partial class Recursive
            {
                int x;
                int Forever(int n) => {|SM0004:Forever(n)|};
                [Action] void Step() { Require(x < 1); x++; }
                [Action] void Reset() { Require(x == 1); x = 0; }
                [Invariant] bool Holds() => Forever(1) == 0;
            }
            """);

        Assert.Equal(
            "Invariant 'Holds' went past a limit of the checker: the recursion went deeper than 1,000 calls (a stack overflow in .NET)",
            diagnostics.Single("SM0004").MessageLines()[0]);
    }

    // A static class can only hold static members; the class's error says it all, and its members get none.
    [Theory]
    [InlineData("partial class {|SM0106:Box|}<T>", "generic", "int x;\n[Action] void Step() { x = 1; }")]
    [InlineData("abstract partial class {|SM0106:Box|}", "abstract", "int x;\n[Action] void Step() { x = 1; }")]
    [InlineData("static partial class {|SM0106:Box|}", "static", "static int x;\n[Action] static void Step() { x = 1; }")]
    public async Task A_class_that_cannot_be_a_model_is_an_error_at_its_name(string declaration, string why, string members)
    {
        var source = TestCompilation.Usings + "[StateMachine]\n" + declaration + "\n{\n" + members + "\n}\n";

        var diagnostics = await AnalyzerRun.VerifyAsync(source);

        Assert.Contains(why, diagnostics.Single("SM0106").GetMessage());
    }

    [Fact]
    public async Task A_nested_model_is_checked_like_any_other()
    {
        // Checked at compile time (stuck after one step); the generator cannot extend a nested class, which SM0112 says.
        var diagnostics = await AnalyzerRun.DiagnosticsAsync(new[]
        {
            TestCompilation.Usings + """
            static partial class Models
            {
                [StateMachine]
                public partial class Nested
                {
                    int x;
                    [Action] void Step() { Require(x < 1); x++; }
                }
            }
            """,
        });
        Assert.Equal(new[] { "SM0002", "SM0112" }, diagnostics.Where(d => d.Id != "SM0010").Select(d => d.Id).OrderBy(id => id));
    }

    [Fact]
    public async Task A_model_spread_over_partial_files_is_one_model()
    {
        // By hand: Inc takes x from 0 to 2 (3 states); the invariant in the second file fails at x = 2.
        var first = TestCompilation.Usings + """
            [StateMachine]
            partial class Split
            {
                int x;
                [Action] void Inc() { Require(x < 2); x++; }
            }
            """;
        var second = TestCompilation.Usings + """
            partial class Split
            {
                [Terminal] bool Done => x == 2;
                [Invariant] bool Small() => x < 2;
            }
            """;

        var diagnostics = await AnalyzerRun.DiagnosticsAsync(new[] { first, second });

        Assert.Equal("Model1.cs", diagnostics.Single("SM0001").Location.SourceTree!.FilePath);
        Assert.StartsWith("'Split': 3 distinct states", diagnostics.Single("SM0010").GetMessage());
        Assert.Equal(2, diagnostics.Count());
    }

    [Fact]
    public async Task A_model_that_does_not_compile_gets_the_compiler_errors_and_no_crash()
    {
        var compilation = TestCompilation.CreateUnchecked(TestCompilation.Usings + """
            [StateMachine]
            partial class Broken
            {
                int x;
                [Action] void Step() { Require(x < undefinedName); x = x + ; }
            }
            """);

        var diagnostics = await AnalyzerRun.DiagnosticsAsync(compilation);

        Assert.NotEmpty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        Assert.DoesNotContain(diagnostics, d => d.Id is "SM0001" or "SM0002" or "SM0003" or "SM0004");
    }

    [Fact]
    public async Task The_same_model_name_in_two_namespaces_gives_two_separate_results()
    {
        // By hand: A.Counter stops at 1 (2 states), B.Counter at 3 (4 states); both are stuck, each at its own class.
        var diagnostics = await AnalyzerRun.DiagnosticsAsync(new[]
        {
            TestCompilation.Usings + "namespace A { [StateMachine] partial class Counter { int x; [Action] void Inc() { Require(x < 1); x++; } } }",
            TestCompilation.Usings + "namespace B { [StateMachine] partial class Counter { int x; [Action] void Inc() { Require(x < 3); x++; } } }",
        });

        var statistics = diagnostics.Where(d => d.Id == "SM0010").Select(d => (d.Location.SourceTree!.FilePath, d.GetMessage().Split(',')[0])).ToList();
        Assert.Equal(new[] { ("Model0.cs", "'Counter': 2 distinct states"), ("Model1.cs", "'Counter': 4 distinct states") }, statistics);
        Assert.Equal(new[] { "Model0.cs", "Model1.cs" }, diagnostics.Where(d => d.Id == "SM0002").Select(d => d.Location.SourceTree!.FilePath));
    }

    [Fact]
    public async Task State_explosion_stops_at_the_bound_with_a_warning_never_a_pass()
    {
        // An unbounded counter: every state is new. The bound stops it; no invariant, stuck or liveness verdict is a pass.
        var diagnostics = await AnalyzerRun.VerifyAsync(TestCompilation.Usings + """
            [StateMachine(MaxStates = 1000)]
            partial class {|SM0005:Unbounded|}
            {
                long x;
                [Action] void Inc() { x++; }
                [Eventually] bool Big() => x > 10;
            }
            """);

        Assert.Contains("liveness properties", diagnostics.Single("SM0005").GetMessage());
    }
}
