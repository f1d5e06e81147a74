using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Basic.Reference.Assemblies;
using MergeQueue.Analyzers.CodeFixes;
using MergeQueue.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace MergeQueue.Analyzers.Tests.CodeFixes;

/// <summary>Each fix applied as an IDE applies it, then the fixed source analyzed again.</summary>
public sealed class CodeFixTests
{
    [Fact]
    public async Task Make_partial_adds_the_modifier_and_the_warning_goes_away()
    {
        const string model = TestCompilation.Usings + """
            [StateMachine]
            public class Job
            {
                bool done;
                [Action] void Finish() { Require(!done); done = true; }
                [Terminal] bool Done => done;
            }
            """;

        var fixedSource = await ApplyFix(model, "SM0111", new MakePartialCodeFix());

        Assert.Contains("public partial class Job", fixedSource);
        Assert.DoesNotContain(await AnalyzerRun.DiagnosticsAsync(new[] { fixedSource }), d => d.Id == "SM0111");
    }

    [Fact]
    public async Task Add_range_gives_the_parameter_a_domain_and_the_error_goes_away()
    {
        const string model = """
            using static MergeQueue.Analyzers.Spec;

            [MergeQueue.Analyzers.StateMachine]
            partial class Picker
            {
                int x;
                [MergeQueue.Analyzers.Action] void Pick(int value) { Require(x == 0); x = value; }
                [MergeQueue.Analyzers.Terminal] bool Picked => x != 0;
            }
            """;

        var fixedSource = await ApplyFix(model, "SM0102", new AddRangeCodeFix());

        Assert.Contains("void Pick([Range(0, 1)] int value)", fixedSource);
        Assert.StartsWith("using static MergeQueue.Analyzers.Spec;\nusing MergeQueue.Analyzers;", fixedSource.Replace("\r\n", "\n"));
        Assert.DoesNotContain(await AnalyzerRun.DiagnosticsAsync(new[] { fixedSource }), d => d.Severity == DiagnosticSeverity.Error);
    }

    [Fact]
    public async Task Add_terminal_inserts_a_stub_the_user_completes()
    {
        const string model = TestCompilation.Usings + """
            [StateMachine]
            partial class Job
            {
                bool done;
                [Action] void Finish() { Require(!done); done = true; }
            }
            """;

        var fixedSource = await ApplyFix(model, "SM0002", new AddTerminalCodeFix());

        Assert.Contains("[Terminal] bool IsFinished() => false; // true in the intended final states", fixedSource);

        // The stub compiles and is a [Terminal] member; until the user writes the condition the model stays stuck.
        var completed = fixedSource.Replace("IsFinished() => false;", "IsFinished() => done;");
        Assert.DoesNotContain(await AnalyzerRun.DiagnosticsAsync(new[] { completed }), d => d.Id == "SM0002");
    }

    private static async Task<string> ApplyFix(string source, string id, CodeFixProvider provider)
    {
        using var workspace = new AdhocWorkspace();
        var document = workspace.CurrentSolution
            .AddProject("Models", "Models", LanguageNames.CSharp)
            .WithParseOptions(new CSharpParseOptions(LanguageVersion.Latest))
            .WithCompilationOptions(new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary))
            .AddMetadataReferences(Net80.References.All)
            .AddMetadataReference(MetadataReference.CreateFromFile(typeof(StateMachineAttribute).Assembly.Location))
            .AddDocument("Model.cs", source);
        var compilation = (await document.Project.GetCompilationAsync())!;
        var diagnostic = (await AnalyzerRun.DiagnosticsAsync(compilation)).Single(id);
        Assert.Contains(id, provider.FixableDiagnosticIds);

        var actions = new List<CodeAction>();
        await provider.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None));
        var operation = (await Assert.Single(actions).GetOperationsAsync(CancellationToken.None)).OfType<ApplyChangesOperation>().Single();
        var text = await operation.ChangedSolution.GetDocument(document.Id)!.GetTextAsync();
        return text.ToString();
    }
}
