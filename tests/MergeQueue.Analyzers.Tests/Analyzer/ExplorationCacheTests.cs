using System;
using System.Linq;
using System.Threading.Tasks;
using MergeQueue.Analyzers.Analyzer;
using MergeQueue.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace MergeQueue.Analyzers.Tests.Analyzer;

/// <summary>
/// An IDE analyzes on every keystroke: a model whose files did not change is not explored again, and its
/// diagnostics still point into the current compilation.
/// </summary>
public sealed class ExplorationCacheTests
{
    [Fact]
    public async Task Edit_elsewhere_ReusesTheExploration()
    {
        var (model, name) = UniqueModel();
        var first = TestCompilation.Create(model, Enums, "class Other { int x = 1; }");
        var before = await AnalyzerRun.DiagnosticsAsync(first);

        var edited = Replace(first, "Model2.cs", "class Other { int x = 2; }");
        var after = await AnalyzerRun.DiagnosticsAsync(edited);

        Assert.Equal(1, ExplorationCache.ExplorationsOf(name));
        Assert.Equal(before.Select(d => d.ToString()), after.Select(d => d.ToString()));
        Assert.All(after.SelectMany(d => d.AdditionalLocations.Append(d.Location)), l => Assert.True(edited.ContainsSyntaxTree(l.SourceTree!)));
    }

    [Fact]
    public async Task Edit_to_the_model_ExploresAgain()
    {
        var (model, name) = UniqueModel();
        var first = TestCompilation.Create(model, Enums);
        await AnalyzerRun.DiagnosticsAsync(first);

        var edited = Replace(first, "Model0.cs", model.Replace("Require(x < 3)", "Require(x < 2)"));
        var after = await AnalyzerRun.DiagnosticsAsync(edited);

        Assert.Equal(2, ExplorationCache.ExplorationsOf(name));
        Assert.StartsWith("Invariant 'Small' is violated after 2 steps", after.Single("SM0001").GetMessage());
    }

    [Fact]
    public async Task Edit_to_a_type_the_model_uses_ExploresAgain()
    {
        var (model, name) = UniqueModel();
        var first = TestCompilation.Create(model, Enums);
        await AnalyzerRun.DiagnosticsAsync(first);

        // The domain of Mode grows: the state space changes though the model's own file did not.
        var edited = Replace(first, "Model1.cs", "public enum Mode { A, B, C }");
        await AnalyzerRun.DiagnosticsAsync(edited);

        Assert.Equal(2, ExplorationCache.ExplorationsOf(name));
    }

    [Fact]
    public async Task Edit_to_one_model_ExploresOnlyThatModel()
    {
        var (first, firstName) = UniqueModel();
        var (second, secondName) = UniqueModel();
        var compilation = TestCompilation.Create(first, Enums, second);
        await AnalyzerRun.DiagnosticsAsync(compilation);

        var edited = Replace(compilation, "Model0.cs", first.Replace("Require(x < 3)", "Require(x < 4)"));
        await AnalyzerRun.DiagnosticsAsync(edited);

        Assert.Equal(2, ExplorationCache.ExplorationsOf(firstName));
        Assert.Equal(1, ExplorationCache.ExplorationsOf(secondName));
    }

    [Fact]
    public async Task Edit_to_a_comment_in_the_model_ReusesTheExploration()
    {
        var (model, name) = UniqueModel();
        var first = TestCompilation.Create(model, Enums);
        await AnalyzerRun.DiagnosticsAsync(first);

        var edited = Replace(first, "Model0.cs", model.Replace("int x;", "int x; // the counter"));
        await AnalyzerRun.DiagnosticsAsync(edited);

        Assert.Equal(1, ExplorationCache.ExplorationsOf(name));
    }

    // One compiler process, the same file compiled twice: each compilation gets its own answer (issue "never go stale").
    [Fact]
    public async Task Preprocessor_symbol_defined_ExploresAgain()
    {
        var (model, name) = UniqueModel();
        var gated = model.Replace("[Action] void Inc() { Require(x < 3); x++; }", "#if BIG\n[Action] void Inc() { Require(x < 3); x++; }\n#else\n[Action] void Inc() { Require(x < 1); x++; }\n#endif");
        var small = TestCompilation.Create(gated, Enums);
        var before = await AnalyzerRun.DiagnosticsAsync(small);

        var big = small.ReplaceSyntaxTree(
            small.SyntaxTrees.First(),
            CSharpSyntaxTree.ParseText(gated, new CSharpParseOptions(LanguageVersion.Latest, preprocessorSymbols: new[] { "BIG" }), "Model0.cs"));
        var after = await AnalyzerRun.DiagnosticsAsync(big);

        Assert.Equal(2, ExplorationCache.ExplorationsOf(name));
        Assert.DoesNotContain(before, d => d.Id == "SM0001");
        Assert.Contains(after, d => d.Id == "SM0001");
    }

    [Fact]
    public async Task Overflow_checking_turned_on_ExploresAgain()
    {
        var name = "Wrap" + Guid.NewGuid().ToString("N");
        var source = TestCompilation.Usings + $$"""
            [StateMachine]
            partial class {{name}}
            {
                int x = int.MaxValue;
                bool done;
                [Action] void Inc() { Require(!done); x++; done = true; }
                [Terminal] bool Done => done;
            }
            """;
        var unchecked_ = TestCompilation.Create(source);
        var before = await AnalyzerRun.DiagnosticsAsync(unchecked_);

        var checked_ = unchecked_.WithOptions(unchecked_.Options.WithOverflowChecks(true));
        var after = await AnalyzerRun.DiagnosticsAsync(checked_);

        Assert.Equal(2, ExplorationCache.ExplorationsOf(name));
        Assert.DoesNotContain(before, d => d.Id == "SM0004");
        Assert.Contains(after, d => d.Id == "SM0004");
    }

    [Fact]
    public async Task Constant_from_a_rebuilt_reference_changed_ExploresAgain()
    {
        var name = "Limited" + Guid.NewGuid().ToString("N");
        var source = TestCompilation.Usings + $$"""
            [StateMachine]
            partial class {{name}}
            {
                int x;
                [Action] void Inc() { Require(x < Limits.Max); x++; }
                [Invariant] bool Small() => x < 2;
            }
            """;
        MetadataReference Library(int max)
        {
            var library = CSharpCompilation.Create(
                "Limits",
                new[] { CSharpSyntaxTree.ParseText("public static class Limits { public const int Max = " + max + "; }") },
                Basic.Reference.Assemblies.Net80.References.All,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            using var image = new System.IO.MemoryStream();
            Assert.True(library.Emit(image).Success);
            return MetadataReference.CreateFromImage(image.ToArray());
        }

        var one = TestCompilation.CreateUnchecked(source).AddReferences(Library(1));
        var before = await AnalyzerRun.DiagnosticsAsync(one);
        var three = TestCompilation.CreateUnchecked(source).AddReferences(Library(3));
        var after = await AnalyzerRun.DiagnosticsAsync(three);

        Assert.Equal(2, ExplorationCache.ExplorationsOf(name));
        Assert.DoesNotContain(before, d => d.Id == "SM0001");
        Assert.Contains(after, d => d.Id == "SM0001");
    }

    [Fact]
    public async Task Enum_from_a_rebuilt_reference_changed_ExploresAgain()
    {
        var name = "Modes" + Guid.NewGuid().ToString("N");
        var source = TestCompilation.Usings + $$"""
            [StateMachine]
            partial class {{name}}
            {
                Shade shade;
                [Action] void Paint(Shade s) { shade = s; }
                [Invariant] bool NotThird() => (int)shade < 2;
            }
            """;
        MetadataReference Library(string members)
        {
            var library = CSharpCompilation.Create(
                "Shades",
                new[] { CSharpSyntaxTree.ParseText("public enum Shade { " + members + " }") },
                Basic.Reference.Assemblies.Net80.References.All,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            using var image = new System.IO.MemoryStream();
            Assert.True(library.Emit(image).Success);
            return MetadataReference.CreateFromImage(image.ToArray());
        }

        // Paint takes every value of Shade: with a third member it can break the invariant.
        var two = TestCompilation.CreateUnchecked(source).AddReferences(Library("Light, Dark"));
        var before = await AnalyzerRun.DiagnosticsAsync(two);
        var three = TestCompilation.CreateUnchecked(source).AddReferences(Library("Light, Dark, Grey"));
        var after = await AnalyzerRun.DiagnosticsAsync(three);

        Assert.Equal(2, ExplorationCache.ExplorationsOf(name));
        Assert.DoesNotContain(before, d => d.Id == "SM0001");
        Assert.Contains(after, d => d.Id == "SM0001");
    }

    private const string Enums = "public enum Mode { A, B }";

    private static (string Source, string Name) UniqueModel()
    {
        var name = "Counter" + Guid.NewGuid().ToString("N");
        var source = TestCompilation.Usings + $$"""
            [StateMachine]
            partial class {{name}}
            {
                int x;
                Mode mode;
                [Action] void Inc() { Require(x < 3); x++; }
                [Action] void Switch(Mode m) { mode = m; }
                [Invariant] bool Small() => x < 2;
            }
            """;
        return (source, name);
    }

    private static Compilation Replace(Compilation compilation, string path, string text)
    {
        var old = compilation.SyntaxTrees.Single(t => t.FilePath == path);
        return compilation.ReplaceSyntaxTree(old, CSharpSyntaxTree.ParseText(text, (CSharpParseOptions)old.Options, path));
    }
}
