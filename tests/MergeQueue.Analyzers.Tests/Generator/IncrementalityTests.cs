using System.Linq;
using MergeQueue.Analyzers.Generator;
using MergeQueue.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace MergeQueue.Analyzers.Tests.Generator;

/// <summary>The generator's stages cache: an edit that does not touch a model leaves its output as it was.</summary>
public sealed class IncrementalityTests
{
    [Fact]
    public void Edit_outside_the_model_keeps_the_model_cached()
    {
        var compilation = GeneratorRun.Compilation(AgreementTests.Sources("fixed").Append("public static class Other { public static int X = 1; }").ToArray());
        var driver = GeneratorRun.Driver().RunGenerators(compilation);
        var other = compilation.SyntaxTrees.Last();
        var edited = compilation.ReplaceSyntaxTree(other, CSharpSyntaxTree.ParseText("public static class Other { public static int X = 2; }", (CSharpParseOptions)other.Options, other.FilePath));

        var result = driver.RunGenerators(edited).GetRunResult().Results.Single();

        var reasons = result.TrackedSteps[StateMachineGenerator.ModelsStep].SelectMany(s => s.Outputs).Select(o => o.Reason).ToList();
        Assert.NotEmpty(reasons);
        Assert.All(reasons, r => Assert.True(r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, r.ToString()));
        Assert.All(result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs), o => Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, o.Reason.ToString()));
    }

    [Fact]
    public void Edit_inside_the_model_regenerates_it()
    {
        var compilation = GeneratorRun.Compilation(AgreementTests.Sources("fixed"));
        var driver = GeneratorRun.Driver().RunGenerators(compilation);
        var model = compilation.SyntaxTrees.Last();
        var edited = compilation.ReplaceSyntaxTree(model, CSharpSyntaxTree.ParseText(model.ToString().Replace("const int N = 3;", "const int N = 2;"), (CSharpParseOptions)model.Options, model.FilePath));

        var result = driver.RunGenerators(edited).GetRunResult().Results.Single();

        Assert.Contains(result.TrackedSteps[StateMachineGenerator.ModelsStep].SelectMany(s => s.Outputs), o => o.Reason == IncrementalStepRunReason.Modified);
    }
}
