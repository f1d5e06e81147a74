using System.Threading;
using System.Threading.Tasks;
using Basic.Reference.Assemblies;
using MergeQueue.Analyzers.Analyzer;
using MergeQueue.Analyzers.CodeFixes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using Xunit;

namespace MergeQueue.Analyzers.Tests.CodeFixes;

/// <summary>
/// Each fix as the IDE applies it, through Roslyn's code-fix test harness: the diagnostics before (markup), the source
/// after one fix, the diagnostics left, and Fix All in document, project and solution giving the same source.
/// </summary>
public sealed class CodeFixTests
{
    private const string Usings = "using MergeQueue.Analyzers;\nusing static MergeQueue.Analyzers.Spec;\n\n";

    [Fact]
    public async Task Make_partial_adds_the_modifier_to_each_model_and_the_warning_goes_away()
    {
        await Verify<MakePartialCodeFix>(
            Usings + """
            [StateMachine]
            public class {|SM0111:Job|}
            {
                bool done;
                [Action] void Finish() { Require(!done); done = true; }
                [Terminal] bool Done => done;
            }

            [StateMachine]
            class {|SM0111:Other|}
            {
                bool done;
                [Action] void Finish() { Require(!done); done = true; }
                [Terminal] bool Done => done;
            }
            """,
            Usings + """
            [StateMachine]
            public partial class Job
            {
                bool done;
                [Action] void Finish() { Require(!done); done = true; }
                [Terminal] bool Done => done;
            }

            [StateMachine]
            partial class Other
            {
                bool done;
                [Action] void Finish() { Require(!done); done = true; }
                [Terminal] bool Done => done;
            }
            """);
    }

    [Fact]
    public async Task Add_range_gives_each_parameter_a_domain_and_imports_the_namespace_once()
    {
        await Verify<AddRangeCodeFix>(
            """
            using static MergeQueue.Analyzers.Spec;

            [MergeQueue.Analyzers.StateMachine]
            partial class Picker
            {
                int x;
                [MergeQueue.Analyzers.Action] void Pick(int {|SM0102:value|}, int {|SM0102:other|}) { Require(x == 0); x = value + other; }
                [MergeQueue.Analyzers.Terminal] bool Picked => true;
            }
            """,
            """
            using static MergeQueue.Analyzers.Spec;
            using MergeQueue.Analyzers;

            [MergeQueue.Analyzers.StateMachine]
            partial class Picker
            {
                int x;
                [MergeQueue.Analyzers.Action] void Pick([Range(0, 1)] int value, [Range(0, 1)] int other) { Require(x == 0); x = value + other; }
                [MergeQueue.Analyzers.Terminal] bool Picked => true;
            }
            """);
    }

    [Fact]
    public async Task Add_terminal_inserts_a_stub_in_each_stuck_model_which_stays_stuck_until_the_user_writes_the_condition()
    {
        const string Job = """
            [StateMachine]
            partial class {|#0:Job|}
            {
                bool done;
                [Action] void Finish() { Require(!done); done = true; }
            {{stub}}}
            """;
        const string Stub = """
                /// <summary>The states in which it is fine that no action is enabled.</summary>
                [Terminal] bool IsFinished() => false; // true in the intended final states

            """;
        string before = Usings + Job.Replace("{{stub}}", "") + "\n" + Job.Replace("Job", "Task").Replace("#0", "#1").Replace("{{stub}}", "");
        string after = Usings + Job.Replace("{{stub}}", Stub) + "\n" + Job.Replace("Job", "Task").Replace("#0", "#1").Replace("{{stub}}", Stub);

        // After one step from the initial state, nothing is enabled: stuck after 1 step, before the fix and after it.
        var stuck = new[]
        {
            new DiagnosticResult("SM0002", DiagnosticSeverity.Error).WithLocation(0).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations),
            new DiagnosticResult("SM0002", DiagnosticSeverity.Error).WithLocation(1).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations),
        };
        var test = new Test<AddTerminalCodeFix>(before, after);
        test.TestState.ExpectedDiagnostics.AddRange(stuck);
        test.FixedState.ExpectedDiagnostics.AddRange(stuck);
        test.FixedState.MarkupHandling = MarkupMode.Allow;

        // One fix per model, one Fix All for both: the stub keeps each diagnostic, but a class with the stub gets no
        // second one.
        test.NumberOfIncrementalIterations = 2;
        test.NumberOfFixAllIterations = 1;
        await test.RunAsync();
    }

    private static Task Verify<TCodeFix>(string source, string fixedSource)
        where TCodeFix : CodeFixProvider, new() =>
        new Test<TCodeFix>(source, fixedSource).RunAsync();

    /// <summary>The checker's analyzer over the references the other tests compile against (no download at run time).</summary>
    private sealed class Test<TCodeFix> : CSharpCodeFixTest<StateMachineAnalyzer, TCodeFix, DefaultVerifier>
        where TCodeFix : CodeFixProvider, new()
    {
        public Test(string source, string fixedSource)
        {
            TestCode = source.Replace("\r\n", "\n");
            FixedCode = fixedSource.Replace("\r\n", "\n");
            ReferenceAssemblies = new Microsoft.CodeAnalysis.Testing.ReferenceAssemblies("net80-basic");
            TestState.AdditionalReferences.AddRange(Net80.References.All);
            TestState.AdditionalReferences.Add(MetadataReference.CreateFromFile(typeof(StateMachineAttribute).Assembly.Location));

            // The harness turns on diagnostics that are off by default; the statistics are not what a fix is about.
            DisabledDiagnostics.Add("SM0010");
        }
    }
}
