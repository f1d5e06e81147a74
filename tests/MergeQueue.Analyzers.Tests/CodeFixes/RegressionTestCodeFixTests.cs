using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using System.Threading;
using System.Threading.Tasks;
using Basic.Reference.Assemblies;
using MergeQueue.Analyzers.Analyzer;
using MergeQueue.Analyzers.CodeFixes;
using MergeQueue.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using Xunit;

namespace MergeQueue.Analyzers.Tests.CodeFixes;

/// <summary>
/// The fix that turns a counterexample into an xunit test replaying it through <c>ValidateTrace</c>: its text (through
/// the code-fix testing library), and the test it writes compiled and run on the buggy and the fixed model.
/// </summary>
public sealed class RegressionTestCodeFixTests
{
    private const string Door = """
        using MergeQueue.Analyzers;
        using static MergeQueue.Analyzers.Spec;

        namespace Doors
        {
            [StateMachine]
            public partial class {|SM0002:Door|}
            {
                bool open;
                bool locked;

                [Action] void Open() { Require(!open && !locked); open = true; }
                [Action] void Close() { Require(open); open = false; }
                [Action] void Lock() { Require(!open && !locked); locked = true; }
            }
        }
        """;

    [Fact]
    public async Task Stuck_door_gets_a_test_that_replays_Lock()
    {
        // By hand: from the closed, unlocked door, Lock leads to a locked closed door where no action is enabled.
        const string expectedTest = """
            using MergeQueue.Analyzers;
            using Xunit;

            namespace Doors
            {
                /// <summary>The counterexample the checker reported (SM0002), kept as a test.</summary>
                public sealed class DoorSM0002RegressionTests
                {
                    /// <summary>'Door' is stuck after 1 step: no action is enabled</summary>
                    [Fact]
                    public void Counterexample_meets_no_violation()
                    {
                        var steps = new[]
                        {
                            ModelStep.Create("Lock"),
                        };

                        // Fails while the steps still lead the model into the violation; once the model is fixed they lead
                        // nowhere bad, or are no longer a behavior of it.
                        var result = global::Doors.Door.ValidateTrace(steps);
                        Assert.True(result.Violations.Count == 0, result.Report);
                    }
                }
            }

            """;
        var test = new CSharpCodeFixTest<StateMachineAnalyzer, AddRegressionTestCodeFix, DefaultVerifier>
        {
            // No download of reference packages: the same reference assemblies as the other tests.
            ReferenceAssemblies = new Microsoft.CodeAnalysis.Testing.ReferenceAssemblies("net8.0"),
            CompilerDiagnostics = CompilerDiagnostics.None,
            TestCode = Door,
        };
        test.TestState.AdditionalReferences.AddRange(Net80.References.All);
        test.TestState.AdditionalReferences.Add(MetadataReference.CreateFromFile(typeof(StateMachineAttribute).Assembly.Location));
        test.FixedState.Sources.Add(("/0/Test0.cs", Door));
        test.FixedState.Sources.Add(("/0/DoorSM0002RegressionTests.cs", expectedTest.Replace("\r\n", "\n")));
        test.FixedState.MarkupHandling = MarkupMode.Allow;
        test.DisabledDiagnostics.Add("SM0010");

        await test.RunAsync();
    }

    [Fact]
    public async Task Test_written_for_the_stuck_queue_compiles_fails_on_it_and_passes_on_the_fixed_queue()
    {
        string buggy = SampleSource.Read(Path.Combine("StuckQueue", "OrderedQueue.cs"));
        string regressionTest = await ProducedTestAsync(buggy, "SM0002");

        // The sample's stuck trace is 7 steps (its doc comment); each is one ModelStep.
        Assert.Equal(7, regressionTest.Split('\n').Count(l => l.TrimStart().StartsWith("ModelStep.Create(", StringComparison.Ordinal)));

        var failure = Assert.IsAssignableFrom<Exception>(Run(buggy, regressionTest));
        Assert.Equal("TrueException", failure.GetType().Name);
        Assert.Contains("the log ends in a state where 'OrderedQueue' is stuck", failure.Message);

        // The fix of ../MergeQueue.Samples/FixedQueue.cs: a blocked PR leaves the order, and the replay is fine.
        string fixedModel = buggy.Replace("pr[p] = Pr.Blocked;            // queuedAt[p] is kept: later PRs wait forever", "pr[p] = Pr.Blocked; queuedAt[p] = 0;");
        Assert.NotEqual(buggy, fixedModel);
        Assert.Null(Run(fixedModel, regressionTest));
    }

    [Fact]
    public async Task Invariant_counterexample_gets_a_test_that_fails_on_it()
    {
        const string counter = TestCompilation.Usings + """
            namespace Counters
            {
                [StateMachine(CheckStuck = false)]
                public partial class Counter
                {
                    int n;
                    [Action] void Add([Range(1, 2)] int by) { Require(n < 3); n += by; }
                    [Invariant] bool Small() => n <= 3;
                }
            }
            """;

        // By hand: 0 → 2 → 4 is the shortest way past 3 (Add(by: 2) twice).
        string regressionTest = await ProducedTestAsync(counter, "SM0001");
        Assert.Contains("ModelStep.Create(\"Add\", 2),\n                ModelStep.Create(\"Add\", 2),\n            };", regressionTest);

        var failure = Assert.IsAssignableFrom<Exception>(Run(counter, regressionTest));
        Assert.Contains("Invariant 'Small' is violated after 2 steps", failure.Message);
    }

    /// <summary>Applies the fix as an IDE does, in a project that references xunit, and returns the document it added.</summary>
    private static async Task<string> ProducedTestAsync(string model, string id)
    {
        using var workspace = new AdhocWorkspace();
        var document = workspace.CurrentSolution
            .AddProject("Models", "Models", LanguageNames.CSharp)
            .WithParseOptions(new CSharpParseOptions(LanguageVersion.Latest))
            .WithCompilationOptions(new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary))
            .AddMetadataReferences(Net80.References.All)
            .AddMetadataReference(MetadataReference.CreateFromFile(typeof(StateMachineAttribute).Assembly.Location))
            .AddMetadataReferences(Xunit())
            .AddDocument("Model.cs", model);
        var compilation = (await document.Project.GetCompilationAsync())!;
        var diagnostic = (await AnalyzerRun.DiagnosticsAsync(compilation)).First(d => d.Id == id);

        var actions = new System.Collections.Generic.List<CodeAction>();
        var provider = new AddRegressionTestCodeFix();
        await provider.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None));
        var operation = (await Assert.Single(actions).GetOperationsAsync(CancellationToken.None)).OfType<ApplyChangesOperation>().Single();
        var added = operation.ChangedSolution.GetProject(document.Project.Id)!.Documents.Single(d => d.Id != document.Id);
        return (await added.GetTextAsync()).ToString();
    }

    /// <summary>Compiles the model with the generator and the produced test at C# 7.3, runs the test, and returns what it threw (null: passed).</summary>
    private static Exception? Run(string model, string regressionTest)
    {
        var modelTree = CSharpSyntaxTree.ParseText(model, new CSharpParseOptions(LanguageVersion.Latest), path: "Model.cs");
        // The produced test is C# 7.3, so that any test project compiles it.
        Assert.Empty(CSharpSyntaxTree.ParseText(regressionTest, new CSharpParseOptions(LanguageVersion.CSharp7_3)).GetDiagnostics());
        var testTree = CSharpSyntaxTree.ParseText(regressionTest, new CSharpParseOptions(LanguageVersion.Latest), path: "RegressionTests.cs");
        var compilation = CSharpCompilation.Create(
            "RegressionTests",
            new[] { modelTree, testTree },
            Net80.References.All.Append(MetadataReference.CreateFromFile(typeof(StateMachineAttribute).Assembly.Location)).Append(GeneratorRun.Engine).Concat(Xunit()),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var (output, _) = GeneratorRun.Run(compilation);
        using var image = new MemoryStream();
        var emitted = output.Emit(image);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));
        image.Position = 0;
        var context = Infrastructure.TestLoadContext.Create("RegressionTest");
        try
        {
            var type = context.LoadFromStream(image).GetTypes().Single(t => t.Name.EndsWith("RegressionTests", StringComparison.Ordinal));
            var method = type.GetMethod("Counterexample_meets_no_violation")!;
            Assert.NotNull(method.GetCustomAttribute<FactAttribute>());
            method.Invoke(Activator.CreateInstance(type), null);
            return null;
        }
        catch (TargetInvocationException thrown)
        {
            return thrown.InnerException;
        }
    }

    private static MetadataReference[] Xunit() => new[]
    {
        MetadataReference.CreateFromFile(typeof(Assert).Assembly.Location),
        MetadataReference.CreateFromFile(typeof(FactAttribute).Assembly.Location),
    };
}
