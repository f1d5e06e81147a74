using System.Linq;
using System.Threading.Tasks;
using MergeQueue.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace MergeQueue.Analyzers.Tests.Robustness;

/// <summary>
/// While the user is typing, the model's code has compiler errors: the checker says nothing about it (the compiler's
/// errors say what is wrong) and the generator adds no code whose errors would repeat or multiply them.
/// </summary>
public sealed class TypingNoiseTests
{
    private const string Complete = """
        [StateMachine]
        partial class Queue
        {
            int[] queuedAt = new int[2];
            int clock;
            [Action] void Enqueue([Range(0, 1)] int p) { Require(clock < 2); queuedAt[p] = clock; clock++; }
            [Invariant] bool Ordered() => queuedAt[0] <= 2;
        }
        """;

    [Theory]
    // Each edit is one a user makes on the way to the complete model above.
    [InlineData("queuedAt[p] = clock; clock++;", "queuedAt[p] = ")]
    [InlineData("[Invariant] bool Ordered() => queuedAt[0] <= 2;", "[Invariant] bool AllDone(")]
    [InlineData("partial class Queue\n{", "partial class Queue\n")]
    [InlineData("partial class Queue", "partial class Que ue")]
    [InlineData("int clock;", "int clock")]
    [InlineData("clock++; }", "clock++; } [Action] void Step() { new Queue(1); }")]
    // Found by the typing family: a brace typed early ends the class, and its members fall outside it.
    [InlineData("int clock;", "int clock;}")]
    public async Task A_model_with_compiler_errors_gets_no_checker_diagnostics_and_no_generated_code(string complete, string typed)
    {
        Assert.Contains(complete, Complete);
        var source = TestCompilation.Usings + Complete.Replace(complete, typed);
        var compilation = (CSharpCompilation)TestCompilation.CreateUnchecked(source).AddReferences(GeneratorRun.Engine);
        var userErrors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.Id).ToList();

        GeneratorRun.Driver().RunGeneratorsAndUpdateCompilation(compilation, out var output, out _);
        var diagnostics = await AnalyzerRun.DiagnosticsAsync(output);

        Assert.NotEmpty(userErrors);
        Assert.Equal(compilation.SyntaxTrees.Count(), output.SyntaxTrees.Count());
        Assert.Empty(diagnostics.Where(d => d.Id != "SM0010"));
        Assert.Equal(userErrors, output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.Id));
    }

    [Fact]
    public async Task The_complete_model_is_checked()
    {
        // By hand: ([0, 0], 0); at clock 0 either p writes 0: ([0, 0], 1); at clock 1: ([1, 0], 2) or ([0, 1], 2). 4 states.
        var diagnostics = await AnalyzerRun.DiagnosticsAsync(new[] { TestCompilation.Usings + Complete });

        Assert.StartsWith("'Queue': 4 distinct states", diagnostics.Single("SM0010").GetMessage());
    }
}
