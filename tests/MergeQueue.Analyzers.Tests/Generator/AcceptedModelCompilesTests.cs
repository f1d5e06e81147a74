using System.Linq;
using System.Threading.Tasks;
using MergeQueue.Analyzers.Tests.Infrastructure;
using Xunit;

namespace MergeQueue.Analyzers.Tests.Generator;

/// <summary>
/// A model the analyzer accepts gets generated code that compiles (or no code and SM0112 saying why): each case here
/// was measured to produce a generated file with errors.
/// </summary>
public sealed class AcceptedModelCompilesTests
{
    [Theory]
    // CS0176: a static [LeadsTo] target was called through the instance.
    [InlineData("public partial class M { int x; [Action] void A() { x = (x + 1) % 2; } [LeadsTo(nameof(Zero))] bool One => x == 1; static bool Zero() => true; }")]
    // A class whose name is a keyword or a contextual one.
    [InlineData("public partial class @class { int x; [Action] void A() { x = (x + 1) % 2; } }")]
    [InlineData("public partial class @record { int x; [Action] void A() { x = (x + 1) % 2; } }")]
    public async Task Generated_code_for_an_accepted_model_compiles(string declaration)
    {
        var compilation = GeneratorRun.Compilation(TestCompilation.Usings + "[StateMachine]\n" + declaration);

        var (output, _) = GeneratorRun.Run(compilation);
        var diagnostics = await AnalyzerRun.DiagnosticsAsync(output);

        Assert.DoesNotContain(diagnostics, d => d.Id.StartsWith("SM01", System.StringComparison.Ordinal) && d.Id != "SM0112");
    }

    [Fact]
    public async Task A_member_named_as_the_generated_code_names_its_own_gets_no_explorer_and_SM0112()
    {
        // CS0102 before: the type 'M' already contains a definition for '__MergeQueueModel'.
        var compilation = GeneratorRun.Compilation(TestCompilation.Usings + "[StateMachine]\npublic partial class M { int x; [Action] void A() { x = (x + 1) % 2; } class __MergeQueueModel { } }");

        var (_, result) = GeneratorRun.Run(compilation);
        var diagnostics = await AnalyzerRun.DiagnosticsAsync(compilation);

        Assert.Empty(result.GeneratedTrees);
        Assert.Equal(
            "No Explore() is generated for 'M': it declares a member named '__MergeQueueModel', a name the generated code uses; rename that member",
            diagnostics.Single("SM0112").GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task A_primary_constructor_parameter_captured_by_a_member_gets_no_explorer_and_SM0112()
    {
        var compilation = GeneratorRun.Compilation(TestCompilation.Usings + "[StateMachine]\npublic partial class M([Range(0, 2)] int start) { int x = start; [Action] void A() { x = (x + start) % 3; } }");

        var (_, result) = GeneratorRun.Run(compilation);
        var diagnostics = await AnalyzerRun.DiagnosticsAsync(compilation);

        Assert.Empty(result.GeneratedTrees);
        Assert.Contains("primary constructor", diagnostics.Single("SM0112").GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }
}
