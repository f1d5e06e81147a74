using System.Linq;
using MergeQueue.Analyzers.Tests.Infrastructure;
using Xunit;

namespace MergeQueue.Analyzers.Tests.Generator;

/// <summary>Models the generator cannot extend get no Explore(), and never an error or a generator crash.</summary>
public sealed class SkippedModelTests
{
    [Theory]
    [InlineData("public class M { int x; [Action] void A() { x = 1; } }")]
    [InlineData("public partial class M<T> { int x; [Action] void A() { x = 1; } }")]
    [InlineData("public partial class Outer { [StateMachine] public partial class M { int x; [Action] void A() { x = 1; } } }")]
    [InlineData("public abstract partial class M { int x; [Action] void A() { x = 1; } }")]
    [InlineData("public partial class M { public M(int y) { x = y; } int x; [Action] void A() { x = 1; } }")]
    [InlineData("public partial class M { int x; [Action] void A([Range(3, 1)] int p) { x = p; } }")]
    [InlineData("public partial class M { object o = new(); [Action] void A() { } }")]
    [InlineData("public partial class M { int x; }")]
    [InlineData("public partial class M { static int x; [Action] static void A() { x = 1; } }")]
    public void Model_the_generator_cannot_handle_gets_no_explorer(string declaration)
    {
        string source = TestCompilation.Usings + (declaration.StartsWith("public partial class Outer", System.StringComparison.Ordinal) ? string.Empty : "[StateMachine]\n") + declaration;
        var compilation = (Microsoft.CodeAnalysis.CSharp.CSharpCompilation)TestCompilation.CreateUnchecked(source).AddReferences(GeneratorRun.Engine);

        var (output, result) = GeneratorRun.Run(compilation);

        Assert.Empty(result.GeneratedTrees);
        Assert.Equal(compilation.SyntaxTrees.Count(), output.SyntaxTrees.Count());
    }

    // SPEC §3: a model the analyzer checks but the generator skips says so at the class, with why and what to change.
    [Theory]
    [InlineData("public partial class Outer { [StateMachine] public partial class M { int x; [Action] void A() { x = 1; } } }", "it is nested in 'Outer'; declare it at namespace level")]
    [InlineData("[StateMachine] public partial class M { int x; [Action] void A() { x = 1; } public static int Explore() => 0; }", "it declares a member named 'Explore' already; rename that member")]
    [InlineData("[StateMachine] public partial class M { public required int x = 0; [Action] void A() { x = 1; } }", "it has required members, which the generated explorer cannot set; give them initializers instead")]
    public async System.Threading.Tasks.Task Model_checked_without_an_explorer_gets_SM0112_saying_why(string declaration, string why)
    {
        string source = TestCompilation.Usings + declaration;
        var compilation = (Microsoft.CodeAnalysis.CSharp.CSharpCompilation)TestCompilation.CreateUnchecked(source).AddReferences(GeneratorRun.Engine);

        var (_, result) = GeneratorRun.Run(compilation);
        var diagnostics = await AnalyzerRun.DiagnosticsAsync(compilation);

        Assert.Empty(result.GeneratedTrees);
        Assert.Equal("No Explore() is generated for 'M': " + why, diagnostics.Single("SM0112").GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async System.Threading.Tasks.Task Model_with_an_explorer_gets_no_SM0112()
    {
        // The compiler runs analyzers on the compilation with the generated Explore() in it.
        var (withExplorer, _) = GeneratorRun.Run(GeneratorRun.Compilation(AgreementTests.Sources("fixed")));
        var diagnostics = await AnalyzerRun.DiagnosticsAsync(withExplorer);

        Assert.DoesNotContain(diagnostics, d => d.Id == "SM0112");
    }

    [Fact]
    public void Project_without_the_engine_gets_no_explorer()
    {
        var compilation = TestCompilation.Create(AgreementTests.Sources("fixed"));

        var (_, result) = GeneratorRun.Run(compilation);

        Assert.Empty(result.GeneratedTrees);
    }

    [Fact]
    public void Require_reason_of_a_guard_split_over_lines_is_on_one_line()
    {
        var result = GeneratorRun.Explore("Stuck", AgreementTests.Sources("Stuck"));
        Assert.Contains(result.Violations, v => v.Contains("Require(x < 3 && !done) is false (line ", System.StringComparison.Ordinal));
    }
}
